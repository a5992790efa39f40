// An owner's assets and everything below them, read with queries seeded by the owner's address,
// so that no list of (possibly tens of thousands of) ids travels to the database.
import { db } from "ponder:api";
import { asset, assetParent } from "ponder:schema";
import { sql } from "ponder";
import type { LineageEdge } from "../../../sdk/utils/lineageGraph.js";
import { rowsOf } from "./rowsOf.js";

/**
 * Opens a statement with `reached`: `owner`'s assets and all their descendants (a recursive walk
 * down the parent links; `UNION` visits a diamond once).
 */
export const ownerTree = (owner: `0x${string}`) => sql`
  WITH RECURSIVE reached(id) AS (
    SELECT ${asset.id} FROM ${asset} WHERE ${asset.owner} = ${owner}
    UNION
    SELECT ${assetParent.childId} FROM ${assetParent}
    JOIN reached ON ${assetParent.parentId} = reached.id
  )`;

/** The assets `owner` holds, ascending, each with whether `owner` registered it. */
export async function ownedAssets(
  owner: `0x${string}`,
): Promise<{ id: bigint; created: boolean }[]> {
  // Raw rows: mapping thousands of full rows costs more than the query.
  const result = await db.execute(sql`
    SELECT ${asset.id} AS id, ${asset.creator} = ${owner} AS created
    FROM ${asset} WHERE ${asset.owner} = ${owner} ORDER BY ${asset.id}`);
  return rowsOf(result).map((row) => ({
    id: BigInt(row.id as string),
    created: row.created === true,
  }));
}

/**
 * Every parent link of `owner`'s assets and their descendants, by child then registration order:
 * a split pays every parent of the asset split, co-parents outside the tree too.
 */
export async function ownerTreeLinks(owner: `0x${string}`): Promise<LineageEdge[]> {
  const result = await db.execute(sql`${ownerTree(owner)}
    SELECT ${assetParent.childId} AS child_id, ${assetParent.parentId} AS parent_id,
      ${assetParent.shareBps} AS share_bps
    FROM ${assetParent} JOIN reached ON ${assetParent.childId} = reached.id
    ORDER BY ${assetParent.childId}, ${assetParent.position}`);
  return rowsOf(result).map((row) => ({
    childId: BigInt(row.child_id as string),
    parentId: BigInt(row.parent_id as string),
    shareBps: Number(row.share_bps),
  }));
}
