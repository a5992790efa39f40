// Lineage from the indexed parent links, one recursive query per direction: any asset's
// ancestors or descendants, at any depth, in one request.
import { db } from "ponder:api";
import { asset, assetParent } from "ponder:schema";
import { and, asc, inArray, sql } from "ponder";

/** Which side of an asset to walk (as the SDK's `getLineage` names them). */
export type Direction = "ancestors" | "descendants" | "both";

/** The ids reachable from `startIds` through parent links, not counting the start ids. */
export async function reachableIds(
  startIds: readonly bigint[],
  direction: "ancestors" | "descendants",
): Promise<bigint[]> {
  if (startIds.length === 0) return [];
  const [from, to] =
    direction === "ancestors"
      ? [assetParent.childId, assetParent.parentId]
      : [assetParent.parentId, assetParent.childId];
  const start = sql.join(
    startIds.map((id) => sql`${id}`),
    sql`, `,
  );
  // UNION (not UNION ALL) drops ids already reached, so a diamond is walked once and it ends.
  const result = await db.execute(sql`
    WITH RECURSIVE reached(id) AS (
      SELECT ${to} FROM ${assetParent} WHERE ${from} IN (${start})
      UNION
      SELECT ${to} FROM ${assetParent} JOIN reached ON ${from} = reached.id
    )
    SELECT id FROM reached`);
  const start_ = new Set(startIds);
  return rowsOf(result)
    .map((row) => BigInt(row.id as string | bigint))
    .filter((id) => !start_.has(id))
    .sort(compare);
}

/** The assets `ids`, ascending, as the SDK's `Asset` (what `getAsset` reads from storage). */
export async function assetsByIds(ids: readonly bigint[]) {
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

/** Every parent link of the children `childIds`, by child ascending, then registration order. */
export async function parentLinksOf(childIds: readonly bigint[], parentIds?: readonly bigint[]) {
  if (childIds.length === 0) return [];
  const rows = await db
    .select()
    .from(assetParent)
    .where(
      parentIds
        ? and(
            inArray(assetParent.childId, [...childIds]),
            inArray(assetParent.parentId, [...parentIds]),
          )
        : inArray(assetParent.childId, [...childIds]),
    )
    .orderBy(asc(assetParent.childId), asc(assetParent.position));
  return rows.map(({ childId, parentId, shareBps }) => ({ childId, parentId, shareBps }));
}

/**
 * The lineage of `rootId`, shaped as the SDK's `Lineage` (without `blockNumber`, which the caller
 * takes from the indexer's status): `null` when the asset is not indexed.
 */
export async function lineageOf(rootId: bigint, direction: Direction) {
  const [root] = await assetsByIds([rootId]);
  if (!root) return null;
  const [ancestors, descendants] = await Promise.all([
    direction === "descendants" ? [] : reachableIds([rootId], "ancestors"),
    direction === "ancestors" ? [] : reachableIds([rootId], "descendants"),
  ]);
  const ids = [rootId, ...ancestors, ...descendants].sort(compare);
  const [nodes, edges] = await Promise.all([assetsByIds(ids), parentLinksOf(ids, ids)]);
  return { rootId, nodes, edges, ancestors, descendants };
}

export function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rows of a raw query on PGlite (`{ rows }`) or node-postgres (`{ rows }` too, or an array). */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return ((result as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
}
