// The royalty engine's money: one row per `Paid`, `Split`, `Claimed` and `FeesWithdrawn`, and the
// running totals they move. Amounts are in the token's smallest unit; `token` is the zero address
// for ETH.
import { index, onchainTable, primaryKey } from "ponder";
import { paymentUse, useKind } from "./licensing.js";

/** A `Paid` event: `amount` paid for a use of the asset, of which `fee` went to the protocol. */
export const payment = onchainTable(
  "payment",
  (t) => ({
    id: t.text().primaryKey(),
    assetId: t.bigint().notNull(),
    token: t.hex().notNull(),
    payer: t.hex().notNull(),
    amount: t.bigint().notNull(),
    fee: t.bigint().notNull(),
    /** What it paid for, from the licensing event of the same transaction (`direct`: none). */
    use: paymentUse().notNull(),
    /** The use kind licensed or viewed; null for a direct payment. */
    kind: useKind(),
    /** The licence token paid for (uses `licence` and `bulkLicence`). */
    licenceId: t.bigint(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ assetIndex: index().on(table.assetId) }),
);

/** A `Split` event: the asset's parents, in the order of `parentsOf`, were credited `amounts`. */
export const split = onchainTable(
  "split",
  (t) => ({
    id: t.text().primaryKey(),
    assetId: t.bigint().notNull(),
    token: t.hex().notNull(),
    gross: t.bigint().notNull(),
    amounts: t.bigint().array().notNull(),
    /** The sum of `amounts`. */
    forwarded: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ assetIndex: index().on(table.assetId) }),
);

/** A `Claimed` event: `recipient` was paid `amounts[i]` owed to `assetIds[i]`. */
export const claim = onchainTable(
  "claim",
  (t) => ({
    id: t.text().primaryKey(),
    token: t.hex().notNull(),
    recipient: t.hex().notNull(),
    claimer: t.hex().notNull(),
    assetIds: t.bigint().array().notNull(),
    amounts: t.bigint().array().notNull(),
    /** The sum of `amounts`. */
    total: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  // An owner's earnings sum the claims paid to it.
  (table) => ({ recipientIndex: index().on(table.recipient) }),
);

/** A `FeesWithdrawn` event: protocol fees paid to the treasury. */
export const feeWithdrawal = onchainTable("fee_withdrawal", (t) => ({
  id: t.text().primaryKey(),
  token: t.hex().notNull(),
  treasury: t.hex().notNull(),
  amount: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
}));

/**
 * Running totals of one asset in one token. `held`, `pendingGross` and `splitRemainder` follow the
 * engine's balance (`royaltyBalance(assetId, token)`), event by event.
 */
export const assetTokenTotal = onchainTable(
  "asset_token_total",
  (t) => ({
    assetId: t.bigint().notNull(),
    token: t.hex().notNull(),
    /** Gross paid for the asset's uses (`Paid.amount`). */
    paidGross: t.bigint().notNull(),
    /** Protocol fees taken from those payments. */
    fees: t.bigint().notNull(),
    /** Received directly, net of fee. */
    receivedDirect: t.bigint().notNull(),
    /** Received from splits of its children. */
    receivedFromSplits: t.bigint().notNull(),
    /** Forwarded to its parents by its own splits. */
    forwardedToParents: t.bigint().notNull(),
    /** Gross its own splits covered. */
    splitGross: t.bigint().notNull(),
    /** Paid out to its owner (or revenue manager) by claims. */
    claimed: t.bigint().notNull(),
    /** What the engine holds for it: its own revenue and what its parents are still owed. */
    held: t.bigint().notNull(),
    /** Received and not yet split (0 for an original). */
    pendingGross: t.bigint().notNull(),
    /** `splitGross` modulo 10,000 (it fixes the next split's rounding). */
    splitRemainder: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.assetId, table.token] }),
    tokenIndex: index().on(table.token),
  }),
);

/** Protocol fees of one token: accrued from payments, withdrawn to the treasury. */
export const tokenFeeTotal = onchainTable("token_fee_total", (t) => ({
  token: t.hex().primaryKey(),
  accrued: t.bigint().notNull(),
  withdrawn: t.bigint().notNull(),
  /** Accrued and not yet withdrawn (`accruedFees(token).amount`). */
  outstanding: t.bigint().notNull(),
}));
