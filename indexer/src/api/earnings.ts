// An owner's earnings per token from the indexed balances, with the SDK's mirror of the engine's
// arithmetic: what a claim of every owned asset pays now, what splitting every descendant first
// would add (money in transit below), and which descendants' splits carry it.
import { db } from "ponder:api";
import { asset, assetParent, assetTokenTotal, claim } from "ponder:schema";
import { sql } from "ponder";
import { ascending, buildLineageGraph, childrenFirst } from "../../../sdk/utils/lineageGraph.js";
import { simulateSplits } from "../../../sdk/utils/simulateSplits.js";
import { claimPays, type RoyaltyBalance } from "../../../sdk/utils/splitMath.js";
import { blockOfCheckpoint, latestCheckpoint } from "./indexedAt.js";
import { rowsOf } from "./rowsOf.js";
import { ownerTree } from "./ownerTree.js";

/** One token's earnings of an owner. */
export type TokenEarnings = {
  token: `0x${string}`;
  /** What claiming every owned asset pays now (each claim splits its own asset first). */
  claimableNow: bigint;
  /** What splitting every descendant (and owned asset below another), children first, would add
   * to that. */
  inTransit: bigint;
  /** Paid to the owner's address by claims so far, plus `claimableNow`. */
  lifetimeEarned: bigint;
  /** The owned assets and descendants whose split moves money (what a claim-all would split),
   * children first. */
  splits: bigint[];
};

/**
 * Everything an owner's earnings are computed from, in one statement (one snapshot, one walk
 * down the owner's tree) and one row: the checkpoint, the owned assets, every parent link of the
 * tree (child,parent,share,position), every balance in it (asset,token,held,pending,remainder)
 * and what claims paid the owner (token,total). Each list is one string, `;` between entries:
 * moving ten thousands of rows out of the database costs more than the walk itself.
 */
function ownerSnapshot(owner: `0x${string}`) {
  const p = assetParent;
  const t = assetTokenTotal;
  return db.execute(sql`${ownerTree(owner)}
    SELECT ${latestCheckpoint} AS checkpoint,
      (SELECT string_agg(CAST(${asset.id} AS text), ';') FROM ${asset}
        WHERE ${asset.owner} = ${owner}) AS owned,
      (SELECT string_agg(${p.childId} || ',' || ${p.parentId} || ',' || ${p.shareBps} || ','
        || ${p.position}, ';') FROM ${p} JOIN reached ON ${p.childId} = reached.id) AS links,
      (SELECT string_agg(${t.assetId} || ',' || ${t.token} || ',' || ${t.held} || ','
        || ${t.pendingGross} || ',' || ${t.splitRemainder}, ';')
        FROM ${t} JOIN reached ON ${t.assetId} = reached.id) AS balances,
      (SELECT string_agg(token || ',' || total, ';') FROM (
        SELECT ${claim.token} AS token, SUM(${claim.total}) AS total FROM ${claim}
        WHERE ${claim.recipient} = ${owner} GROUP BY ${claim.token}) AS paid) AS claims`);
}

/** The entries of an aggregated list, each split into its fields. */
const entries = (list: unknown): string[][] =>
  typeof list === "string" && list !== "" ? list.split(";").map((entry) => entry.split(",")) : [];

/** The assets `owner` holds now and its earnings in every token they have a balance in, with the
 * block they are at. */
export async function earningsOf(owner: string) {
  const address = owner.toLowerCase() as `0x${string}`;
  const [snapshot = {}] = rowsOf(await ownerSnapshot(address));
  const blockNumber = blockOfCheckpoint(snapshot.checkpoint);
  const ownedRows = entries(snapshot.owned).map(([id]) => BigInt(id!));
  const links = entries(snapshot.links).map(([child, parent, share, position]) => ({
    childId: BigInt(child!),
    parentId: BigInt(parent!),
    shareBps: Number(share),
    position: Number(position),
  }));
  const byToken = new Map<`0x${string}`, Map<bigint, RoyaltyBalance>>();
  for (const [id, token, held, pending, remainder] of entries(snapshot.balances)) {
    const key = token as `0x${string}`;
    const balances = byToken.get(key) ?? new Map<bigint, RoyaltyBalance>();
    balances.set(BigInt(id!), {
      held: BigInt(held!),
      pendingGross: BigInt(pending!),
      remainder: BigInt(remainder!),
    });
    byToken.set(key, balances);
  }
  const claimedByToken = new Map(
    entries(snapshot.claims).map(([token, total]) => [token as `0x${string}`, BigInt(total!)]),
  );
  const owned = ascending(ownedRows);
  // A split pays a child's parents in registration order.
  links.sort((x, y) =>
    x.childId === y.childId ? x.position - y.position : x.childId < y.childId ? -1 : 1,
  );
  const candidates = new Set<bigint>(owned);
  for (const { childId } of links) candidates.add(childId);
  const graph = buildLineageGraph(links);
  const tokens = [...new Set([...byToken.keys(), ...claimedByToken.keys()])].sort();
  // Owned assets too: one below another passes its share up to it before the claims.
  const order = childrenFirst(candidates);
  const claimOf = (balances: ReadonlyMap<bigint, RoyaltyBalance>) =>
    owned.reduce((total, id) => {
      const balance = balances.get(id);
      if (!balance) return total;
      return (
        total +
        claimPays(
          balance,
          (graph.parents.get(id) ?? []).map((l) => l.shareBps),
        )
      );
    }, 0n);
  const earnings: TokenEarnings[] = tokens.map((token) => {
    const balances = byToken.get(token) ?? new Map<bigint, RoyaltyBalance>();
    const claimableNow = claimOf(balances);
    const simulation = simulateSplits({ graph, assetIds: order, balances });
    return {
      token,
      claimableNow,
      inTransit: claimOf(simulation.balances) - claimableNow,
      lifetimeEarned: (claimedByToken.get(token) ?? 0n) + claimableNow,
      splits: simulation.splitAssetIds,
    };
  });
  return { owner: address, blockNumber, assetIds: owned, earnings };
}
