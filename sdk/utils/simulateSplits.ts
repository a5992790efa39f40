import type { LineageGraph } from "./lineageGraph.js";
import { type SplittableBalance, splitBalance } from "./splitMath.js";

/** Balances of one token before the simulated splits. */
export type SplitSimulationInput = {
  graph: LineageGraph;
  /** The assets to split, every child before its parents (see `childrenFirst`). */
  assetIds: readonly bigint[];
  /** Splittable balances by asset; a missing asset holds nothing. */
  splittable: ReadonlyMap<bigint, SplittableBalance>;
  /** Collectable balances by asset; a missing asset holds nothing. */
  collectable: ReadonlyMap<bigint, bigint>;
};

export type SplitSimulation = {
  /** The assets whose split moves something, in the order they were split. */
  splitAssetIds: bigint[];
  /** Collectable balances by asset once every listed asset has been split. */
  collectable: Map<bigint, bigint>;
};

/**
 * Replays `splitMany(assetIds, [token])` off-chain with the contract's arithmetic: each split pays
 * the parents their parts of `gross` (an original's part becomes collectable, a remix's part
 * splittable) and adds `net - forwarded` to the asset's collectable balance. Pure.
 */
export function simulateSplits({
  graph,
  assetIds,
  splittable: initialSplittable,
  collectable: initialCollectable,
}: SplitSimulationInput): SplitSimulation {
  const splittable = new Map(initialSplittable);
  const collectable = new Map(initialCollectable);
  const addCollectable = (assetId: bigint, amount: bigint) =>
    collectable.set(assetId, (collectable.get(assetId) ?? 0n) + amount);

  const splitAssetIds: bigint[] = [];
  for (const assetId of assetIds) {
    const balance = splittable.get(assetId);
    if (!balance || balance.gross === 0n) continue;
    splittable.delete(assetId);
    const links = graph.parents.get(assetId) ?? [];
    const { forwarded, kept } = splitBalance(
      balance,
      links.map((link) => link.shareBps),
    );
    links.forEach(({ parentId }, index) => {
      const amount = forwarded[index] ?? 0n;
      if (amount === 0n) return;
      if ((graph.parents.get(parentId)?.length ?? 0) === 0) {
        addCollectable(parentId, amount);
      } else {
        const pending = splittable.get(parentId) ?? { gross: 0n, net: 0n };
        splittable.set(parentId, { gross: pending.gross + amount, net: pending.net + amount });
      }
    });
    if (kept !== 0n) addCollectable(assetId, kept);
    splitAssetIds.push(assetId);
  }
  return { splitAssetIds, collectable };
}
