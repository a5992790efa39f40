import type { LineageGraph } from "./lineageGraph.js";
import { childrenFirst } from "./lineageGraph.js";
import { simulateSplits } from "./simulateSplits.js";
import { BPS } from "./constants.js";
import type { RoyaltyBalance } from "./splitMath.js";

/** Why a claim-all leaves a split out of its plan. */
export type SplitSkipReason =
  /** Nothing of what it would move can reach the owner's assets (it moves 0 to them). */
  | "reachesNothing"
  /** What it would move to the owner's assets is below the threshold worth its gas. */
  | "belowThreshold";

/** A split a claim-all plan leaves out, with what it would have brought the owner. */
export type SkippedSplit = {
  assetId: bigint;
  /** About what the split (and the splits above it) would have brought the owner's assets. */
  value: bigint;
  /** The least a split of this asset must bring to be made. */
  threshold: bigint;
  reason: SplitSkipReason;
};

/** One token's claim-all plan. */
export type TokenClaimPlan = {
  /** The splits worth making, children first. */
  planned: bigint[];
  /** The splits left out, children first. */
  skipped: SkippedSplit[];
};

/** Inputs of {@link planTokenClaim}. */
export type TokenClaimPlanInput = {
  graph: LineageGraph;
  /** The owner's assets (the ones the claim pays). */
  owned: ReadonlySet<bigint>;
  /** The owned assets and their descendants: everything that can carry money to the owner. */
  candidates: readonly bigint[];
  /** Balances in the token by asset (see `royaltyBalance`). */
  balances: ReadonlyMap<bigint, RoyaltyBalance>;
  /** The least a split of an asset with this many parents must bring the owner. */
  thresholdOf: (parentCount: number) => bigint;
};

/**
 * Which splits a claim-all makes in one token: only those that bring the owner's assets at least
 * `thresholdOf` their parent count, so a descendant an attacker hangs under an owned asset (a
 * long chain, a remix with 16 parents, dust payments) cannot make the owner pay for splits worth
 * nothing to it. A split's value is what its gross, times the share of it that climbs through the
 * planned splits above, brings the owner's assets; a split left out also takes away what it
 * would have passed to the splits above it, so the plan is narrowed until it is stable (each
 * round can only remove splits). Values are estimates (float shares); the caller replays the
 * chosen splits exactly with `simulateSplits`. Pure.
 */
export function planTokenClaim(input: TokenClaimPlanInput): TokenClaimPlan {
  const { graph, owned, candidates, balances, thresholdOf } = input;
  let planned = new Set(candidates);
  const decided = new Map<bigint, SkippedSplit>();
  for (;;) {
    const simulation = simulateSplits({ graph, assetIds: childrenFirst(planned), balances });
    const reach = reachToOwner(graph, owned, planned, candidates);
    const removed = new Set<bigint>();
    for (const assetId of simulation.splitAssetIds) {
      const gross = simulation.grossOf.get(assetId) ?? 0n;
      const share = upwardShare(graph, assetId, reach);
      const value = share === 0 ? 0n : floorProduct(gross, share);
      const threshold = thresholdOf(graph.parents.get(assetId)?.length ?? 0);
      if (value === 0n || value < threshold) {
        removed.add(assetId);
        decided.set(assetId, {
          assetId,
          value,
          threshold,
          reason: value === 0n ? "reachesNothing" : "belowThreshold",
        });
      }
    }
    if (removed.size === 0) {
      const skipped = childrenFirst(decided.keys()).map((id) => decided.get(id) as SkippedSplit);
      return { planned: simulation.splitAssetIds, skipped };
    }
    planned = new Set([...planned].filter((id) => !removed.has(id)));
  }
}

/**
 * For each candidate, the fraction of one unit it receives that ends up with the owner's assets
 * when every planned split above it is made: an owned asset keeps its own part and passes its
 * parents' shares on; a planned asset passes everything on; any other asset keeps what it gets.
 * Parents have smaller ids than their children, so ascending ids visit parents first.
 */
function reachToOwner(
  graph: LineageGraph,
  owned: ReadonlySet<bigint>,
  planned: ReadonlySet<bigint>,
  candidates: readonly bigint[],
): Map<bigint, number> {
  const reach = new Map<bigint, number>();
  for (const assetId of childrenFirst(candidates).reverse()) {
    const up = upwardShare(graph, assetId, reach);
    const links = graph.parents.get(assetId) ?? [];
    if (owned.has(assetId)) {
      const passed = links.reduce((sum, link) => sum + link.shareBps, 0) / BPS;
      reach.set(assetId, 1 - passed + up);
    } else {
      reach.set(assetId, planned.has(assetId) ? up : 0);
    }
  }
  return reach;
}

/** The fraction of what `assetId` splits that reaches the owner through its parents. */
function upwardShare(graph: LineageGraph, assetId: bigint, reach: ReadonlyMap<bigint, number>) {
  return (graph.parents.get(assetId) ?? []).reduce(
    (sum, link) => sum + (link.shareBps / BPS) * (reach.get(link.parentId) ?? 0),
    0,
  );
}

/** floor(`amount` × `fraction`) for a fraction in [0, 1], within float precision (an estimate). */
function floorProduct(amount: bigint, fraction: number): bigint {
  const scale = 1e15;
  return (amount * BigInt(Math.floor(fraction * scale))) / BigInt(scale);
}
