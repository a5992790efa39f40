import type { LineageGraph } from "./lineageGraph.js";
import { type RoyaltyBalance, splitBalance } from "./splitMath.js";

/** Balances of one token before the simulated splits. */
export type SplitSimulationInput = {
  graph: LineageGraph;
  /** The assets to split, every child before its parents (see `childrenFirst`). */
  assetIds: readonly bigint[];
  /** Balances by asset (see `royaltyBalance`); a missing asset holds nothing. */
  balances: ReadonlyMap<bigint, RoyaltyBalance>;
};

export type SplitSimulation = {
  /** The assets whose split moves something, in the order they were split. */
  splitAssetIds: bigint[];
  /** The gross each of those split. */
  grossOf: Map<bigint, bigint>;
  /** Balances by asset once every listed asset has been split (see `claimable`). */
  balances: Map<bigint, RoyaltyBalance>;
};

const EMPTY: RoyaltyBalance = { held: 0n, pendingGross: 0n, remainder: 0n };

/**
 * Replays `splitMany(assetIds, [token])` off-chain with the contract's arithmetic: each split
 * credits the parents their parts (held at once, and pending too for a remix parent) and leaves
 * the rest held by the asset. Pure.
 */
export function simulateSplits({
  graph,
  assetIds,
  balances: initial,
}: SplitSimulationInput): SplitSimulation {
  const balances = new Map(initial);
  const splitAssetIds: bigint[] = [];
  const grossOf = new Map<bigint, bigint>();
  for (const assetId of assetIds) {
    const balance = balances.get(assetId);
    if (!balance || balance.pendingGross === 0n) continue;
    const links = graph.parents.get(assetId) ?? [];
    const split = splitBalance(
      balance,
      links.map((link) => link.shareBps),
    );
    balances.set(assetId, split.balance);
    links.forEach(({ parentId }, index) => {
      const amount = split.amounts[index] ?? 0n;
      if (amount === 0n) return;
      const parent = balances.get(parentId) ?? EMPTY;
      const parentIsRemix = (graph.parents.get(parentId)?.length ?? 0) > 0;
      balances.set(parentId, {
        ...parent,
        held: parent.held + amount,
        pendingGross: parentIsRemix ? parent.pendingGross + amount : 0n,
      });
    });
    if (split.gross !== 0n) {
      splitAssetIds.push(assetId);
      grossOf.set(assetId, split.gross);
    }
  }
  return { splitAssetIds, grossOf, balances };
}
