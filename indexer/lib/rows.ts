// Row helpers shared by the indexing functions.
import type { Context } from "ponder:registry";
import { asset } from "ponder:schema";

/** Where an event happened, as every event row records it. */
export function where(event: {
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: `0x${string}` };
}) {
  return {
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  };
}

/** The indexed asset `id`; its `AssetRegistered` always comes first, so a miss is a bug. */
export async function requireAsset(db: Context["db"], id: bigint) {
  const row = await db.find(asset, { id });
  if (!row) throw new Error(`asset ${id} is not indexed`);
  return row;
}
