import {
  type Address,
  encodeFunctionData,
  isAddressEqual,
  type TransactionReceipt,
  zeroAddress,
} from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { InvalidParameterError } from "../../errors/parameters.js";
import { requireAddress } from "../../utils/inputChecks.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import type { LogScanParameters } from "../../utils/scanBlocks.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
} from "../../utils/sendPreparedCall.js";
import { senderAddress } from "../../utils/senderAddress.js";
import { claimedTotals, type TokenAmount } from "../../utils/tokenAmounts.js";
import { type ClaimAllCallPlan, previewClaimAll } from "../public/previewClaimAll.js";

/** Default most assets per `splitMany` / `claimMany` transaction. */
export const CLAIM_ALL_MAX_ASSETS_PER_TRANSACTION = 200;

export type ClaimAllParameters = LogScanParameters & {
  /** Who receives the money; default: the sender. */
  recipient?: Address | undefined;
  /** The tokens to claim (`ETH` is `address(0)`); default: ETH and every token ever allowlisted. */
  tokens?: readonly Address[] | undefined;
  /**
   * The most assets one transaction splits or claims (each for every token of its plan); larger
   * plans are sent in several transactions. Default {@link CLAIM_ALL_MAX_ASSETS_PER_TRANSACTION}.
   */
  maxAssetsPerTransaction?: number | undefined;
};

export type ClaimAllReturnType = {
  /** What was paid to the recipient per token, decoded from the `Claimed` events. */
  claimed: TokenAmount[];
  /** The receipts, in sending order: the `splitMany` ones, then the `claimMany` ones. */
  transactions: TransactionReceipt[];
};

export type ClaimAllErrorType = RemixError;

/**
 * The transactions that claim everything the sender's assets are owed, without sending them:
 * `splitMany` calls that carry their descendants' revenue up to them (children first), then
 * `claimMany` calls. Empty when there is nothing to claim. Based on {@link previewClaimAll}.
 *
 * @example
 * const calls = await prepareClaimAll(walletClient, { recipient: "0xA11ce..." });
 */
export async function prepareClaimAll(
  client: AnyClient,
  parameters: ClaimAllParameters & EstimateParameters = {},
): Promise<PreparedCall[]> {
  const { maxAssetsPerTransaction = CLAIM_ALL_MAX_ASSETS_PER_TRANSACTION } = parameters;
  if (!Number.isInteger(maxAssetsPerTransaction) || maxAssetsPerTransaction < 1) {
    throw new InvalidParameterError({
      parameter: "maxAssetsPerTransaction",
      reason: "must be a positive integer",
    });
  }
  const deployment = resolveDeployment(client, parameters);
  const owner = senderAddress(client, parameters.account);
  const recipient = parameters.recipient ?? owner;
  requireAddress("recipient", recipient);
  if (isAddressEqual(recipient, zeroAddress) || isAddressEqual(recipient, deployment.protocol)) {
    throw new InvalidParameterError({
      parameter: "recipient",
      reason: "must be neither the zero address nor the protocol",
    });
  }
  const { splitPlan, claimPlan } = await previewClaimAll(client, {
    deployment,
    owner,
    tokens: parameters.tokens,
    maxBlockRange: parameters.maxBlockRange,
  });
  const call = (plan: ClaimAllCallPlan, encode: (assetIds: bigint[]) => PreparedCall["data"]) =>
    chunks(plan.assetIds, maxAssetsPerTransaction).map((assetIds): PreparedCall => ({
      to: deployment.protocol,
      data: encode(assetIds),
      value: 0n,
    }));
  return [
    ...call(splitPlan, (assetIds) => encodeSplitMany(assetIds, splitPlan.tokens)),
    ...call(claimPlan, (assetIds) => encodeClaimMany(assetIds, claimPlan.tokens, recipient)),
  ];
}

/**
 * Claims everything the sender's assets are owed, splits included, in as few transactions as
 * possible (one `splitMany` if anything must move up first, one `claimMany`), and returns what was
 * paid. Sends nothing and returns empty lists when there is nothing to claim. Works while the
 * protocol is paused (splits and claims never are).
 *
 * @example
 * const { claimed } = await claimAll(walletClient);
 * // [{ token: ETH, amount: 300000000000000000n }, { token: usdc, amount: 60000n }]
 */
export async function claimAll(
  client: AnyClient,
  parameters: ClaimAllParameters & WriteParameters = {},
): Promise<ClaimAllReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const calls = await prepareClaimAll(client, parameters);
  const transactions: TransactionReceipt[] = [];
  // In order: each split must land before the claims (and later splits) that rely on it.
  for (const prepared of calls) {
    transactions.push(await sendPreparedCall(client, prepared, parameters));
  }
  return { claimed: claimedTotals(transactions, deployment.protocol), transactions };
}

/**
 * The gas of each transaction {@link prepareClaimAll} returns, in the same order. Each is
 * estimated on the current state, before the earlier ones run: a `claimMany` after splits can
 * come out lower than it will use (it pays out more), so keep a margin. `claimAll` estimates
 * every transaction again just before sending it.
 */
export async function estimateClaimAllGas(
  client: AnyClient,
  parameters: ClaimAllParameters & EstimateParameters = {},
): Promise<bigint[]> {
  const calls = await prepareClaimAll(client, parameters);
  const gas: bigint[] = [];
  for (const prepared of calls) {
    gas.push(await estimatePreparedCallGas(client, prepared, parameters));
  }
  return gas;
}

function encodeSplitMany(assetIds: bigint[], tokens: Address[]) {
  return encodeFunctionData({
    abi: remixProtocolAbi,
    functionName: "splitMany",
    args: [assetIds, tokens],
  });
}

function encodeClaimMany(assetIds: bigint[], tokens: Address[], recipient: Address) {
  return encodeFunctionData({
    abi: remixProtocolAbi,
    functionName: "claimMany",
    args: [assetIds, tokens, recipient],
  });
}

function chunks<item>(items: readonly item[], size: number): item[][] {
  const result: item[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}
