// Indexing functions of assets and lineage: `AssetRegistered`, `ParentLinked` and the NFT's
// `Transfer`.
import { ponder } from "ponder:registry";
import { asset, assetParent } from "ponder:schema";
import { zeroAddress } from "viem";
import { requireAsset } from "../lib/rows.js";

ponder.on("RemixProtocol:AssetRegistered", async ({ event, context }) => {
  const { assetId, creator, contentHash, metadataURI } = event.args;
  await context.db.insert(asset).values({
    id: assetId,
    creator,
    // Minted to its creator in the same call.
    owner: creator,
    contentHash,
    metadataURI,
    parentCount: 0,
    childCount: 0,
    depth: 0,
    registeredBlock: event.block.number,
    registeredAt: event.block.timestamp,
    registeredTx: event.transaction.hash,
  });
});

ponder.on("RemixProtocol:ParentLinked", async ({ event, context }) => {
  const { childId, parentId, shareBps } = event.args;
  const child = await requireAsset(context.db, childId);
  const parent = await requireAsset(context.db, parentId);
  await context.db
    .insert(assetParent)
    .values({ childId, position: child.parentCount, parentId, shareBps });
  await context.db.update(asset, { id: childId }).set({
    parentCount: child.parentCount + 1,
    depth: Math.max(child.depth, parent.depth + 1),
  });
  await context.db.update(asset, { id: parentId }).set({ childCount: parent.childCount + 1 });
});

ponder.on("RemixProtocol:Transfer", async ({ event, context }) => {
  const { from, to, tokenId } = event.args;
  // The mint precedes `AssetRegistered`, which records the creator as the first owner.
  if (from === zeroAddress) return;
  await context.db.update(asset, { id: tokenId }).set({ owner: to });
});
