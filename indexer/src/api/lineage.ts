// Lineage from the indexed parent links, one recursive query per direction: any asset's
// ancestors or descendants, at any depth, in one request.
import { db } from "ponder:api";
import { asset, assetParent } from "ponder:schema";
import { and, asc, inArray, sql } from "ponder";
import { ascending } from "../../../sdk/utils/lineageGraph.js";
import { indexedBlockNumber } from "./indexedAt.js";
import { rowsOf } from "./rowsOf.js";

/** Which side of an asset to walk (as the SDK's `getLineage` names them). */
export type Direction = "ancestors" | "descendants" | "both";

/** The ids reachable from `rootId` through parent links, ascending (the root left out). */
async function reachableIds(
  rootId: bigint,
  direction: "ancestors" | "descendants",
): Promise<bigint[]> {
  const [from, to] =
    direction === "ancestors"
      ? [assetParent.childId, assetParent.parentId]
      : [assetParent.parentId, assetParent.childId];
  // UNION (not UNION ALL) drops ids already reached, so a diamond is walked once and it ends.
  const result = await db.execute(sql`
    WITH RECURSIVE reached(id) AS (
      SELECT ${to} FROM ${assetParent} WHERE ${from} = ${rootId}
      UNION
      SELECT ${to} FROM ${assetParent} JOIN reached ON ${from} = reached.id
    )
    SELECT id FROM reached`);
  return ascending(rowsOf(result).map((row) => BigInt(row.id as string | bigint)));
}

/** The assets `ids`, ascending, as the SDK's `Asset` (what `getAsset` reads from storage). */
async function assetsByIds(ids: readonly bigint[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(asset)
    .where(inArray(asset.id, [...ids]))
    .orderBy(asc(asset.id));
  return rows.map((row) => ({
    assetId: row.id,
    owner: row.owner,
    createdAt: row.registeredAt,
    metadataUri: row.metadataURI,
    parentCount: row.parentCount,
    childCount: row.childCount,
  }));
}

/** Every parent link between two of `ids`, by child ascending, then registration order. */
async function linksAmong(ids: readonly bigint[]) {
  const rows = await db
    .select()
    .from(assetParent)
    .where(and(inArray(assetParent.childId, [...ids]), inArray(assetParent.parentId, [...ids])))
    .orderBy(asc(assetParent.childId), asc(assetParent.position));
  return rows.map(({ childId, parentId, shareBps }) => ({ childId, parentId, shareBps }));
}

/**
 * The lineage of `rootId`, shaped as the SDK's `Lineage`, at least as fresh as its `blockNumber`
 * (read first): `null` when the asset is not indexed.
 */
export async function lineageOf(rootId: bigint, direction: Direction) {
  const blockNumber = await indexedBlockNumber();
  const [ancestors, descendants] = await Promise.all([
    direction === "descendants" ? [] : reachableIds(rootId, "ancestors"),
    direction === "ancestors" ? [] : reachableIds(rootId, "descendants"),
  ]);
  const ids = ascending([rootId, ...ancestors, ...descendants]);
  const [nodes, edges] = await Promise.all([assetsByIds(ids), linksAmong(ids)]);
  // An unknown asset has no links either: its node alone is missing.
  if (!nodes.some(({ assetId }) => assetId === rootId)) return null;
  return { rootId, blockNumber, nodes, edges, ancestors, descendants };
}
