// An owner's earnings per token from the indexed balances, with the SDK's mirror of the engine's
// arithmetic: what a claim of every owned asset pays now, what splitting every descendant first
// would add (money in transit below), and which descendants' splits carry it.
import { db } from "ponder:api";
import { assetTokenTotal, claim } from "ponder:schema";
import { eq, sql } from "ponder";
import { buildLineageGraph, childrenFirst } from "../../../sdk/utils/lineageGraph.js";
import { simulateSplits } from "../../../sdk/utils/simulateSplits.js";
import { claimPays, type RoyaltyBalance } from "../../../sdk/utils/splitMath.js";
import { rowsOf } from "./lineage.js";
import { ownedAssets, ownerTree, ownerTreeLinks } from "./ownerTree.js";

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

/** The assets `owner` holds now and its earnings in every token they have a balance in. */
export async function earningsOf(owner: string) {
  const address = owner.toLowerCase() as `0x${string}`;
  const owning = ownedAssets(address);
  const linking = ownerTreeLinks(address);
  const [balanceRows, claimRows] = await Promise.all([
    db.execute(sql`${ownerTree(address)}
      SELECT ${assetTokenTotal.assetId} AS asset_id, ${assetTokenTotal.token} AS token,
        ${assetTokenTotal.held} AS held, ${assetTokenTotal.pendingGross} AS pending_gross,
        ${assetTokenTotal.splitRemainder} AS remainder
      FROM ${assetTokenTotal} JOIN reached ON ${assetTokenTotal.assetId} = reached.id`),
    db.select().from(claim).where(eq(claim.recipient, address)),
  ]);
  const owned = (await owning).map(({ id }) => id);
  const links = await linking;
  const candidates = new Set<bigint>(owned);
  for (const { childId } of links) candidates.add(childId);
  const graph = buildLineageGraph(links);
  const byToken = new Map<`0x${string}`, Map<bigint, RoyaltyBalance>>();
  for (const row of rowsOf(balanceRows)) {
    const token = String(row.token) as `0x${string}`;
    const balances = byToken.get(token) ?? new Map<bigint, RoyaltyBalance>();
    balances.set(BigInt(row.asset_id as string), {
      held: BigInt(row.held as string),
      pendingGross: BigInt(row.pending_gross as string),
      remainder: BigInt(row.remainder as string),
    });
    byToken.set(token, balances);
  }
  const claimedByToken = new Map<`0x${string}`, bigint>();
  for (const row of claimRows) {
    claimedByToken.set(row.token, (claimedByToken.get(row.token) ?? 0n) + row.total);
  }
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
  return { owner: address, assetIds: owned, earnings };
}
