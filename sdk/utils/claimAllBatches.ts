import type {
  ClaimAllCallPlan,
  ClaimAllSplitPlan,
  PreviewClaimAllReturnType,
} from "../actions/public/previewClaimAll.js";

/**
 * The gas `claimAll` lets one transaction use by default: a third of a 30M-gas block and well
 * under the 16,777,216 per-transaction cap of EIP-7825.
 */
export const CLAIM_ALL_GAS_PER_TRANSACTION = 10_000_000n;

// Upper bounds of what the engine was measured to use before refunds (Hardhat network, fresh
// storage, the worst case): a split costs about 25,000 per asset and token plus 28,000-29,000 per
// parent and token; a claim about 2,600 per asset (the ownership check) plus 7,800 per asset and
// token. Each token transfer, the base cost and the calldata stay under the fixed parts.
const TRANSACTION_GAS = 60_000n;
const SPLIT_GAS_PER_ASSET_TOKEN = 30_000n;
const SPLIT_GAS_PER_PARENT_TOKEN = 30_000n;
const CLAIM_GAS_PER_ASSET = 3_000n;
const CLAIM_GAS_PER_ASSET_TOKEN = 10_000n;
const CLAIM_GAS_PER_TOKEN = 50_000n;

/** An upper bound of the gas splitting one asset with `parentCount` parents adds, in one token. */
export function splitGasBound(parentCount: number): bigint {
  return SPLIT_GAS_PER_ASSET_TOKEN + SPLIT_GAS_PER_PARENT_TOKEN * BigInt(parentCount);
}

/** An upper bound of the gas claiming one asset in one token adds. */
export function claimGasBound(): bigint {
  return CLAIM_GAS_PER_ASSET + CLAIM_GAS_PER_ASSET_TOKEN;
}

/** `splitPlan.assetIds` cut, in order, into groups whose bounded gas fits `gasPerTransaction`. */
export function splitBatches(plan: ClaimAllSplitPlan, gasPerTransaction: bigint): bigint[][] {
  const tokens = BigInt(plan.tokens.length);
  return batchByGas(
    plan.assetIds,
    (index) => tokens * splitGasBound(plan.parentCounts[index] ?? 0),
    TRANSACTION_GAS,
    gasPerTransaction,
  );
}

/** `claimPlan.assetIds` cut, in order, into groups whose bounded gas fits `gasPerTransaction`. */
export function claimBatches(plan: ClaimAllCallPlan, gasPerTransaction: bigint): bigint[][] {
  const tokens = BigInt(plan.tokens.length);
  return batchByGas(
    plan.assetIds,
    () => CLAIM_GAS_PER_ASSET + tokens * CLAIM_GAS_PER_ASSET_TOKEN,
    TRANSACTION_GAS + tokens * CLAIM_GAS_PER_TOKEN,
    gasPerTransaction,
  );
}

/**
 * How many transactions `claimAll` sends for `preview` (its `splitMany` batches, then its
 * `claimMany` batches) at `gasPerTransaction` (default {@link CLAIM_ALL_GAS_PER_TRANSACTION}):
 * what a dapp shows beside the preview before the user confirms, without planning again. One
 * fewer claim per batch whose every token turns out to revert.
 *
 * @example
 * const preview = await previewClaimAll(publicClient, { owner });
 * console.log(`${claimAllTransactionCount(preview)} transactions`);
 */
export function claimAllTransactionCount(
  preview: Pick<PreviewClaimAllReturnType, "splitPlan" | "claimPlan">,
  gasPerTransaction: bigint = CLAIM_ALL_GAS_PER_TRANSACTION,
): number {
  return (
    splitBatches(preview.splitPlan, gasPerTransaction).length +
    claimBatches(preview.claimPlan, gasPerTransaction).length
  );
}

/** Greedy, order-keeping groups; an item over the budget on its own still gets a group. */
function batchByGas(
  ids: readonly bigint[],
  gasOf: (index: number) => bigint,
  fixedGas: bigint,
  budget: bigint,
): bigint[][] {
  const batches: bigint[][] = [];
  let current: bigint[] = [];
  let used = fixedGas;
  ids.forEach((id, index) => {
    const gas = gasOf(index);
    if (current.length > 0 && used + gas > budget) {
      batches.push(current);
      current = [];
      used = fixedGas;
    }
    current.push(id);
    used += gas;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}
