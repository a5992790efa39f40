// The protocol's administration and access records: its configuration (fee, treasury, pause,
// owner), the fee's history, the token allowlist, revenue managers and registration commitments.
import { index, onchainEnum, onchainTable, primaryKey } from "ponder";

/**
 * The protocol's configuration, one row (keyed by the protocol's address), from `FeeUpdated`,
 * `FeeChangeScheduled`, `TreasuryUpdated`, `PauseUpdated` and the ownership events.
 */
export const protocolConfig = onchainTable("protocol_config", (t) => ({
  id: t.hex().primaryKey(),
  /**
   * The fee recorded in force, in basis points. Once `pendingFeeEffectiveAt` has passed, payments
   * already pay `pendingFeeBps` (as `feeBps()` says), until the first of them logs `FeeUpdated`.
   */
  feeBps: t.integer().notNull(),
  /** The announced fee not yet recorded in force (`pendingFee()`); null: none. */
  pendingFeeBps: t.integer(),
  pendingFeeEffectiveAt: t.bigint(),
  /** Receives protocol fees. */
  treasury: t.hex().notNull(),
  /** Whether new registrations and payments are paused. */
  paused: t.boolean().notNull(),
  /** Who last paused or resumed; null: never changed. */
  pauseUpdatedBy: t.hex(),
  owner: t.hex().notNull(),
  /** The owner-to-be of a two-step transfer, until it accepts; null: none. */
  pendingOwner: t.hex(),
}));

/** `applied`: `FeeUpdated`; `scheduled` and `cancelled` (announcing the fee in force): `FeeChangeScheduled`. */
export const feeChangeKind = onchainEnum("fee_change_kind", ["scheduled", "cancelled", "applied"]);

/** One fee event, in log order: a change announced, cancelled or recorded in force. */
export const feeChange = onchainTable("fee_change", (t) => ({
  id: t.text().primaryKey(),
  kind: feeChangeKind().notNull(),
  /** The fee in force before. */
  fromBps: t.integer().notNull(),
  /** The fee announced (`scheduled`), kept (`cancelled`) or now in force (`applied`). */
  toBps: t.integer().notNull(),
  /**
   * When the fee takes (`scheduled`) or took (`applied`: the announced time, which may precede
   * this log) effect; the log's time for a cancellation and for the initial fee.
   */
  effectiveAt: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
}));

/** An ERC-20 ever put on the payment allowlist (`TokenAllowlistUpdated`); ETH always is. */
export const paymentToken = onchainTable("payment_token", (t) => ({
  token: t.hex().primaryKey(),
  /** Whether it is accepted now (`isTokenAllowed`). */
  allowed: t.boolean().notNull(),
  updatedBlock: t.bigint().notNull(),
  updatedAt: t.bigint().notNull(),
  updatedTx: t.hex().notNull(),
}));

/**
 * The revenue manager `owner` named for one asset (`RevenueManagerSet`), as `revenueManagerOf`
 * says. No row: none (revoked, or cleared when the asset changed hands).
 */
export const revenueManager = onchainTable(
  "revenue_manager",
  (t) => ({
    assetId: t.bigint().primaryKey(),
    /** The asset's owner who named it. */
    owner: t.hex().notNull(),
    manager: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ managerIndex: index().on(table.manager) }),
);

/**
 * A manager `owner` named for all of its assets (`RevenueManagerForAllSet`), as
 * `isRevenueManagerForAll` says. No row: not (or no longer) approved.
 */
export const ownerRevenueManager = onchainTable(
  "owner_revenue_manager",
  (t) => ({
    owner: t.hex().notNull(),
    manager: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.owner, table.manager] }),
    managerIndex: index().on(table.manager),
  }),
);

/**
 * A registration commitment (`RegistrationCommitted`), one row per commit. No event marks its
 * reveal (the commitment hides the content and the salt), so rows stay after it.
 */
export const registrationCommitment = onchainTable(
  "registration_commitment",
  (t) => ({
    id: t.text().primaryKey(),
    committer: t.hex().notNull(),
    /** `keccak256(abi.encode(creator, contentHash, salt))`. */
    commitment: t.hex().notNull(),
    /** `keccak256(abi.encode(contentHash))`, which the direct path refuses until `expiresAt`; null: none named. */
    contentKey: t.hex(),
    /** The last second it can be revealed. */
    expiresAt: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    commitmentIndex: index().on(table.committer, table.commitment),
    contentKeyIndex: index().on(table.contentKey),
  }),
);
