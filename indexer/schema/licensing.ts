// The licensing contract's records: terms (every version and the one in force), licences, the
// remix licences bought in a registration, paid views and bulk purchases, and what each payment
// of the royalty engine paid for. Amounts are in the currency's smallest unit; `currency` is the
// zero address for ETH.
import { index, onchainEnum, onchainTable, primaryKey } from "ponder";

/** A use kind, by its name in `UseKind` (contracts/interfaces/ILicensing.sol); `enumValues` lists
 * them in their on-chain order. */
export const useKind = onchainEnum("use_kind", [
  "View",
  "Commercial",
  "Remix",
  "AITraining",
  "AIInference",
]);

/**
 * What a `Paid` paid for: `direct` (`pay`, `payMany`), `views` (`payForUse`), `licence`
 * (`buyLicence`), `bulkLicence` (`buyLicences`) or `remixLicence` (a parent's licence bought by
 * `registerRemixWithLicences`).
 */
export const paymentUse = onchainEnum("payment_use", [
  "direct",
  "views",
  "licence",
  "bulkLicence",
  "remixLicence",
]);

/** One published version of an asset's terms for one use kind (`TermsPublished`); never changes. */
export const termsVersion = onchainTable(
  "terms_version",
  (t) => ({
    assetId: t.bigint().notNull(),
    kind: useKind().notNull(),
    /** 1 for the first terms of this asset and kind, then one more per change. */
    version: t.integer().notNull(),
    /** Whether the use may be licensed at all (false: refused, as a creator may refuse AI training). */
    allowed: t.boolean().notNull(),
    currency: t.hex().notNull(),
    /** Per licence, or per view for `View`. */
    price: t.bigint().notNull(),
    /** Seconds a licence lasts from purchase; 0: perpetual. */
    duration: t.bigint().notNull(),
    /** For `Remix`: the least share, in basis points, a remix must give the asset. */
    minShareBps: t.integer().notNull(),
    documentHash: t.hex().notNull(),
    documentURI: t.text().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.assetId, table.kind, table.version] }) }),
);

/**
 * The terms in force for one asset and use kind: a copy of its latest `termsVersion`, so that
 * current prices can be filtered and sorted. No row: no terms, every such use is refused.
 */
export const currentTerm = onchainTable(
  "current_term",
  (t) => ({
    assetId: t.bigint().notNull(),
    kind: useKind().notNull(),
    /** The latest version (`latestTermsVersion`). */
    version: t.integer().notNull(),
    allowed: t.boolean().notNull(),
    currency: t.hex().notNull(),
    price: t.bigint().notNull(),
    duration: t.bigint().notNull(),
    minShareBps: t.integer().notNull(),
    documentHash: t.hex().notNull(),
    documentURI: t.text().notNull(),
    /** When the latest version was published. */
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.assetId, table.kind] }),
    kindIndex: index().on(table.kind),
  }),
);

/** A licence token (`LicenceIssued`), as `getLicence(id)` returns it. */
export const licence = onchainTable(
  "licence",
  (t) => ({
    id: t.bigint().primaryKey(),
    assetId: t.bigint().notNull(),
    /** Licences are non-transferable: the recipient at issue, unless a `Transfer` ever moves it. */
    holder: t.hex().notNull(),
    kind: useKind().notNull(),
    termsVersion: t.integer().notNull(),
    /** End of validity (seconds); null when perpetual (always for `Remix`). */
    expiresAt: t.bigint(),
    /** What was charged, in `currency` (0: free, and no payment). */
    currency: t.hex().notNull(),
    price: t.bigint().notNull(),
    /** For `Remix`: the least share the remix that uses it must give the asset. */
    minShareBps: t.integer().notNull(),
    /** The `payment` row of its price; null when free. */
    paymentId: t.text(),
    /** The `bulkPurchase` that issued it, if any. */
    bulkPurchaseId: t.text(),
    /** For `Remix`: the remix registered with it (`LicenceConsumed`); null while unused. */
    consumedBy: t.bigint(),
    consumedBlock: t.bigint(),
    consumedTx: t.hex(),
    issuedBlock: t.bigint().notNull(),
    issuedAt: t.bigint().notNull(),
    issuedTx: t.hex().notNull(),
  }),
  (table) => ({
    assetIndex: index().on(table.assetId),
    holderIndex: index().on(table.holder),
  }),
);

/**
 * A `Remix` licence bought and used at once by `registerRemixWithLicences` (`RemixLicensed`): no
 * licence token is minted for it.
 */
export const remixLicence = onchainTable(
  "remix_licence",
  (t) => ({
    remixId: t.bigint().notNull(),
    parentId: t.bigint().notNull(),
    /** The parent's `Remix` terms version it was sold under. */
    termsVersion: t.integer().notNull(),
    currency: t.hex().notNull(),
    price: t.bigint().notNull(),
    /** The `payment` row of its price (to the parent); null when free. */
    paymentId: t.text(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.remixId, table.parentId] }),
    parentIndex: index().on(table.parentId),
  }),
);

/** Views paid for with `payForUse` (`UsesPaid`): `total` for `count` views at the `View` price. */
export const viewPayment = onchainTable(
  "view_payment",
  (t) => ({
    id: t.text().primaryKey(),
    assetId: t.bigint().notNull(),
    payer: t.hex().notNull(),
    termsVersion: t.integer().notNull(),
    count: t.bigint().notNull(),
    currency: t.hex().notNull(),
    total: t.bigint().notNull(),
    /** The `payment` row of `total`; null when free. */
    paymentId: t.text(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ assetIndex: index().on(table.assetId), payerIndex: index().on(table.payer) }),
);

/**
 * One `buyLicences` (`BulkLicensed`): licences `firstLicenceId` to `firstLicenceId + count - 1`
 * went to `recipient`; `totals[i]` was charged in `currencies[i]` (the buyer's caps, in its order).
 */
export const bulkPurchase = onchainTable("bulk_purchase", (t) => ({
  id: t.text().primaryKey(),
  buyer: t.hex().notNull(),
  recipient: t.hex().notNull(),
  kind: useKind().notNull(),
  firstLicenceId: t.bigint().notNull(),
  count: t.bigint().notNull(),
  currencies: t.hex().array().notNull(),
  totals: t.bigint().array().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
}));

/**
 * Bookkeeping that ties each `Paid` to what it paid for, per transaction, asset and token: the
 * licences issued whose `Paid` is still to come (a licence is issued before it is paid), and the
 * last `Paid` so far (views and bought remix licences are logged after their `Paid`).
 */
export const transactionPayment = onchainTable(
  "transaction_payment",
  (t) => ({
    transactionHash: t.hex().notNull(),
    assetId: t.bigint().notNull(),
    token: t.hex().notNull(),
    /** Licences awaiting their `Paid`, first issued first. */
    awaitingLicenceIds: t.bigint().array().notNull(),
    /** The `payment` row of the latest `Paid` of this asset and token in the transaction. */
    lastPaymentId: t.text(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.transactionHash, table.assetId, table.token] }),
  }),
);
