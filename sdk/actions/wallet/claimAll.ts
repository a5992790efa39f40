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
import {
  CLAIM_ALL_GAS_PER_TRANSACTION,
  claimBatches,
  splitBatches,
} from "../../utils/claimAllBatches.js";
import { requireAddress, requireUint } from "../../utils/inputChecks.js";
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
import { previewClaimAll } from "../public/previewClaimAll.js";

/** Below this, not even one claim of one token fits a transaction. */
const MIN_GAS_PER_TRANSACTION = 200_000n;

/** Parameters of {@link claimAll}. */
export type ClaimAllParameters = LogScanParameters & {
  /** Who receives the money; default: the sender. */
  recipient?: Address | undefined;
  /** The tokens to claim (`ETH` is `address(0)`); default: ETH and every token ever allowlisted. */
  tokens?: readonly Address[] | undefined;
  /**
   * The most gas one transaction may use: plans are cut so that an upper bound of each
   * transaction's gas (from the engine's measured worst case per asset, parent and token) fits.
   * Default {@link CLAIM_ALL_GAS_PER_TRANSACTION}.
   */
  gasPerTransaction?: bigint | undefined;
  /** Called after each transaction is mined, with how many of how many are done (for progress). */
  onTransaction?: ((receipt: TransactionReceipt, done: number, total: number) => void) | undefined;
};

/** What {@link claimAll} resolves to. */
export type ClaimAllReturnType = {
  /** What was paid to the recipient per token, decoded from the `Claimed` events. */
  claimed: TokenAmount[];
  /** The receipts, in sending order: the `splitMany` ones, then the `claimMany` ones. */
  transactions: TransactionReceipt[];
};

/** What {@link claimAll} rejects with: always a {@link RemixError} subclass. */
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
  const { gasPerTransaction = CLAIM_ALL_GAS_PER_TRANSACTION } = parameters;
  requireUint("gasPerTransaction", gasPerTransaction, 64, MIN_GAS_PER_TRANSACTION);
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
  const call = (data: PreparedCall["data"]): PreparedCall => ({
    to: deployment.protocol,
    data,
    value: 0n,
  });
  return [
    ...splitBatches(splitPlan, gasPerTransaction).map((assetIds) =>
      call(encodeSplitMany(assetIds, splitPlan.tokens)),
    ),
    ...claimBatches(claimPlan, gasPerTransaction).map((assetIds) =>
      call(encodeClaimMany(assetIds, claimPlan.tokens, recipient)),
    ),
  ];
}

/**
 * Claims everything the sender's assets are owed, splits included, in as few transactions as
 * possible (one `splitMany` if anything must move up first, one `claimMany`), and returns what was
 * paid (more transactions only when a plan exceeds `gasPerTransaction`). Sends nothing and returns
 * empty lists when there is nothing to claim. Works while the
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
    const receipt = await sendPreparedCall(client, prepared, parameters);
    transactions.push(receipt);
    parameters.onTransaction?.(receipt, transactions.length, calls.length);
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
