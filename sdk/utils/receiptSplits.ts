import { type Address, isAddressEqual, type TransactionReceipt } from "viem";
import { remixProtocolAbi } from "../abis/remixProtocolAbi.js";
import type { Deployment } from "../deployments/deployment.js";
import { readContracts } from "./readContracts.js";
import { receiptEvents } from "./receiptEvents.js";
import type { AnyClient } from "./sendPreparedCall.js";

/** What one `split` of an asset in one token did. */
export type SplitResult = {
  assetId: bigint;
  token: Address;
  /** The gross split: what the parents' shares applied to (0 if nothing was pending or covered). */
  gross: bigint;
  /** What each parent received, in the asset's parent order (parents owed nothing left out). */
  forwarded: { parentId: bigint; amount: bigint }[];
};

/** A split as its `Split` event tells it: one amount per parent, in parent order. */
export type SplitEvent = {
  assetId: bigint;
  token: Address;
  gross: bigint;
  amounts: readonly bigint[];
};

/** A split that moved nothing: the asset had nothing pending in the token. */
export function emptySplit(assetId: bigint, token: Address): SplitResult {
  return { assetId, token, gross: 0n, forwarded: [] };
}

/** The `Split` events `protocol` emitted in `receipt`, in execution order. */
export function splitEvents(receipt: TransactionReceipt, protocol: Address): SplitEvent[] {
  return receiptEvents(receipt, protocol, remixProtocolAbi, "Split").map(({ args }) => args);
}

/** Names each amount of `events` by its parent, given each split asset's parents in order. */
export function nameParents(
  events: readonly SplitEvent[],
  parentsOf: ReadonlyMap<bigint, readonly bigint[]>,
): SplitResult[] {
  return events.map(({ assetId, token, gross, amounts }) => ({
    assetId,
    token,
    gross,
    forwarded: amounts.flatMap((amount, index) => {
      const parentId = parentsOf.get(assetId)?.[index];
      return amount === 0n || parentId === undefined ? [] : [{ parentId, amount }];
    }),
  }));
}

/**
 * Every split `deployment.protocol` made in `receipt`, in execution order, each amount named by
 * its parent: the parents of the assets split are read once each (one batched read, none when
 * nothing was split).
 */
export async function receiptSplits(
  client: AnyClient,
  deployment: Deployment,
  receipt: TransactionReceipt,
): Promise<SplitResult[]> {
  const events = splitEvents(receipt, deployment.protocol);
  const assetIds = [...new Set(events.map(({ assetId }) => assetId))];
  const parentLists = await readContracts(
    client,
    deployment,
    assetIds.map(
      (assetId) =>
        ({
          address: deployment.protocol,
          abi: remixProtocolAbi,
          functionName: "parentsOf",
          args: [assetId],
        }) as const,
    ),
  );
  return nameParents(
    events,
    new Map(
      assetIds.map((assetId, a) => [
        assetId,
        (parentLists[a] ?? []).map(({ parentId }) => parentId),
      ]),
    ),
  );
}

/**
 * Matches the splits of a receipt to the (asset, token) pairs a call split, in the call's order:
 * pairs with nothing pending emitted no event and get {@link emptySplit}.
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
