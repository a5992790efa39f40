// Assets and lineage, from `AssetRegistered`, `ParentLinked` and the NFT's `Transfer`.
import { index, onchainTable, primaryKey } from "ponder";

/** An asset (an ERC-721 of the protocol), from `AssetRegistered`, `ParentLinked` and `Transfer`. */
export const asset = onchainTable(
  "asset",
  (t) => ({
    id: t.bigint().primaryKey(),
    creator: t.hex().notNull(),
    /** The current holder of the asset's NFT. */
    owner: t.hex().notNull(),
    contentHash: t.hex().notNull(),
    metadataURI: t.text().notNull(),
    /** Parents linked so far (all of them once the registration's transaction is indexed). */
    parentCount: t.integer().notNull(),
    /** Remixes naming this asset as a parent. */
    childCount: t.integer().notNull(),
    /** 0 for an original, else one more than its deepest parent. */
    depth: t.integer().notNull(),
    registeredBlock: t.bigint().notNull(),
    registeredAt: t.bigint().notNull(),
    registeredTx: t.hex().notNull(),
  }),
  (table) => ({ creatorIndex: index().on(table.creator), ownerIndex: index().on(table.owner) }),
);

/** One parent of a remix with its share, at `position` in registration order. */
export const assetParent = onchainTable(
  "asset_parent",
  (t) => ({
    childId: t.bigint().notNull(),
    position: t.integer().notNull(),
    parentId: t.bigint().notNull(),
    shareBps: t.integer().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.childId, table.position] }),
    parentIndex: index().on(table.parentId),
  }),
);
