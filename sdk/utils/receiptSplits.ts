import { type Address, isAddressEqual, type TransactionReceipt } from "viem";
import { remixProtocolAbi } from "../abis/remixProtocolAbi.js";
import { receiptEvents } from "./receiptEvents.js";

/** What one `split` of an asset in one token did. */
export type SplitResult = {
  assetId: bigint;
  token: Address;
  /** The amount the parents' shares applied to. */
  gross: bigint;
  /** The amount that was held (gross less the fees of direct payments). */
  net: bigint;
  /** What the asset kept, now collectable by its owner. */
  kept: bigint;
  /** What each parent received, in the asset's parent order (parents owed nothing are left out). */
  forwarded: { parentId: bigint; amount: bigint }[];
};

/** A split that moved nothing: the asset had no splittable balance in the token. */
export function emptySplit(assetId: bigint, token: Address): SplitResult {
  return { assetId, token, gross: 0n, net: 0n, kept: 0n, forwarded: [] };
}

/**
 * Every split `protocol` made in `receipt`, in execution order. The contract emits the
 * `RoyaltyForwarded` events of a split right before its `Split` event, so each forward belongs to
 * the first `Split` that follows it.
 */
export function receiptSplits(receipt: TransactionReceipt, protocol: Address): SplitResult[] {
  const forwards = receiptEvents(receipt, protocol, remixProtocolAbi, "RoyaltyForwarded");
  const splits = receiptEvents(receipt, protocol, remixProtocolAbi, "Split");
  let next = 0;
  return splits.map(({ args, logIndex }) => {
    const forwarded: SplitResult["forwarded"] = [];
    for (let forward = forwards[next]; forward && forward.logIndex < logIndex;) {
      forwarded.push({ parentId: forward.args.parentId, amount: forward.args.amount });
      forward = forwards[++next];
    }
    const { assetId, token, gross, net, kept } = args;
    return { assetId, token, gross, net, kept, forwarded };
  });
}

/**
 * Matches the splits of a receipt to the (asset, token) pairs a call split, in the call's order:
 * pairs with nothing to split emitted no event and get {@link emptySplit}.
 */
export function matchSplits(
  splits: readonly SplitResult[],
  pairs: readonly { assetId: bigint; token: Address }[],
): SplitResult[] {
  let next = 0;
  return pairs.map(({ assetId, token }) => {
    const candidate = splits[next];
    if (candidate && candidate.assetId === assetId && isAddressEqual(candidate.token, token)) {
      next++;
      return candidate;
    }
    return emptySplit(assetId, token);
  });
}
