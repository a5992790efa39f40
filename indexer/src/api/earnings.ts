// An owner's earnings per token from the indexed balances, with the SDK's mirror of the engine's
// arithmetic: what a claim of every owned asset pays now, what splitting every descendant first
// would add (money in transit below), and which descendants' splits carry it.
import { db } from "ponder:api";
import { asset, assetParent, assetTokenTotal, claim } from "ponder:schema";
import { sql } from "ponder";
import {
  ascending,
  buildLineageGraph,
  childrenFirst,
  type LineageEdge,
} from "../../../sdk/utils/lineageGraph.js";
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
 * down the owner's tree): the checkpoint, the owned assets, every parent link of the tree, every
 * balance in it, and what claims paid the owner, per token. Tagged rows of text columns.
 */
function ownerSnapshot(owner: `0x${string}`) {
  const p = assetParent;
  const t = assetTokenTotal;
  return db.execute(sql`${ownerTree(owner)}
    SELECT 'checkpoint' AS kind, ${latestCheckpoint} AS a, NULL AS b, NULL AS c, NULL AS d, NULL AS e
    UNION ALL
    SELECT 'owned', CAST(${asset.id} AS text), NULL, NULL, NULL, NULL FROM ${asset}
    WHERE ${asset.owner} = ${owner}
    UNION ALL
    SELECT 'link', CAST(${p.childId} AS text), CAST(${p.parentId} AS text),
      CAST(${p.shareBps} AS text), CAST(${p.position} AS text), NULL
    FROM ${p} JOIN reached ON ${p.childId} = reached.id
    UNION ALL
    SELECT 'balance', CAST(${t.assetId} AS text), ${t.token}, CAST(${t.held} AS text),
      CAST(${t.pendingGross} AS text), CAST(${t.splitRemainder} AS text)
    FROM ${t} JOIN reached ON ${t.assetId} = reached.id
    UNION ALL
    SELECT 'claimed', ${claim.token}, CAST(SUM(${claim.total}) AS text), NULL, NULL, NULL
    FROM ${claim} WHERE ${claim.recipient} = ${owner} GROUP BY ${claim.token}`);
}

/** The assets `owner` holds now and its earnings in every token they have a balance in, with the
 * block they are at. */
export async function earningsOf(owner: string) {
  const address = owner.toLowerCase() as `0x${string}`;
  let blockNumber = 0n;
  const ownedRows: bigint[] = [];
  const links: (LineageEdge & { position: number })[] = [];
  const byToken = new Map<`0x${string}`, Map<bigint, RoyaltyBalance>>();
  const claimedByToken = new Map<`0x${string}`, bigint>();
  for (const row of rowsOf(await ownerSnapshot(address))) {
    const [a, b, c, d, e] = [row.a, row.b, row.c, row.d, row.e] as string[];
    switch (row.kind) {
      case "checkpoint":
        blockNumber = blockOfCheckpoint(a);
        break;
      case "owned":
        ownedRows.push(BigInt(a!));
        break;
      case "link":
        links.push({
          childId: BigInt(a!),
          parentId: BigInt(b!),
          shareBps: Number(c),
          position: Number(d),
        });
        break;
      case "balance": {
        const token = b as `0x${string}`;
        const balances = byToken.get(token) ?? new Map<bigint, RoyaltyBalance>();
        balances.set(BigInt(a!), {
          held: BigInt(c!),
          pendingGross: BigInt(d!),
          remainder: BigInt(e!),
        });
        byToken.set(token, balances);
        break;
      }
      case "claimed":
        claimedByToken.set(a as `0x${string}`, BigInt(b!));
        break;
    }
  }
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
