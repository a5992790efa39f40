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
import { ContractRevertError, UnknownRevertError } from "../../errors/contract.js";
import { InvalidParameterError } from "../../errors/parameters.js";
import {
  CLAIM_ALL_GAS_PER_TRANSACTION,
  claimBatches,
  splitBatches,
} from "../../utils/claimAllBatches.js";
import { requireAddress, requireUint } from "../../utils/inputChecks.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { type LogScanParameters, scanOptions } from "../../utils/scanBlocks.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
} from "../../utils/sendPreparedCall.js";
import { senderAddress } from "../../utils/senderAddress.js";
import { claimedTotals, type TokenAmount } from "../../utils/tokenAmounts.js";
import {
  type ClaimAllCallPlan,
  type PreviewClaimAllParameters,
  type PreviewClaimAllReturnType,
  previewClaimAll,
} from "../public/previewClaimAll.js";

/** Below this, not even one claim of one token fits a transaction. */
const MIN_GAS_PER_TRANSACTION = 200_000n;

/** Parameters of {@link claimAll}. */
export type ClaimAllParameters = LogScanParameters &
  Pick<PreviewClaimAllParameters, "minValues" | "gasPrice" | "received" | "indexer"> & {
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
    onTransaction?:
      ((receipt: TransactionReceipt, done: number, total: number) => void) | undefined;
  };

/** A token `claimAll` could not claim, with the decoded reason its transfer reverted. */
export type ClaimAllFailure = { token: Address; error: RemixError };

/** What {@link claimAll} resolves to. */
export type ClaimAllReturnType = {
  /** What was paid to the recipient per token, decoded from the `Claimed` events. */
  claimed: TokenAmount[];
  /** The receipts, in sending order: the `splitMany` ones, then the `claimMany` ones. */
  transactions: TransactionReceipt[];
  /** Tokens whose claim reverts (a frozen, paused or blacklisting token): left for later, while
   * every other token was claimed. */
  failed: ClaimAllFailure[];
  /** The plan that was sent: what was skipped and why, received assets (see `previewClaimAll`). */
  preview: PreviewClaimAllReturnType;
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
  const { preview, recipient, gasPerTransaction, deployment } = await planClaimAll(
    client,
    parameters,
  );
  return [
    ...splitCalls(preview, gasPerTransaction, deployment.protocol),
    ...claimBatches(preview.claimPlan, gasPerTransaction).map((assetIds) =>
      protocolCall(
        deployment.protocol,
        encodeClaimMany(assetIds, preview.claimPlan.tokens, recipient),
      ),
    ),
  ];
}

/** The checked parameters and the preview a claim-all sends. */
async function planClaimAll(
  client: AnyClient,
  parameters: ClaimAllParameters & EstimateParameters,
) {
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
  const preview = await previewClaimAll(client, {
    deployment,
    owner,
    tokens: parameters.tokens,
    ...scanOptions(parameters),
    minValues: parameters.minValues,
    gasPrice: parameters.gasPrice,
    received: parameters.received,
    indexer: parameters.indexer,
  });
  return { preview, recipient, gasPerTransaction, deployment };
}

function protocolCall(protocol: Address, data: PreparedCall["data"]): PreparedCall {
  return { to: protocol, data, value: 0n };
}

function splitCalls(
  preview: PreviewClaimAllReturnType,
  gasPerTransaction: bigint,
  protocol: Address,
): PreparedCall[] {
  return splitBatches(preview.splitPlan, gasPerTransaction).map((assetIds) =>
    protocolCall(protocol, encodeSplitMany(assetIds, preview.splitPlan.tokens)),
  );
}

/**
 * Claims everything the sender's assets are owed, splits included, in as few transactions as
 * possible (one `splitMany` if anything must move up first, one `claimMany`), and returns what was
 * paid (more transactions only when a plan exceeds `gasPerTransaction`). Only splits worth their
 * gas to the sender are made (see `minValues`); the result's `preview` lists what was skipped and
 * why. A token whose transfer reverts (frozen, paused, blacklisting) is left out and reported in
 * `failed`, and every other token is still claimed. Sends nothing and returns empty lists when
 * there is nothing to claim. Works while the protocol is paused (splits and claims never are).
 *
 * @example
 * const { claimed } = await claimAll(walletClient);
 * // [{ token: ETH, amount: 300000000000000000n }, { token: usdc, amount: 60000n }]
 */
export async function claimAll(
  client: AnyClient,
  parameters: ClaimAllParameters & WriteParameters = {},
): Promise<ClaimAllReturnType> {
  const { preview, recipient, gasPerTransaction, deployment } = await planClaimAll(
    client,
    parameters,
  );
  const splits = splitCalls(preview, gasPerTransaction, deployment.protocol);
  const claimGroups = claimBatches(preview.claimPlan, gasPerTransaction);
  const total = splits.length + claimGroups.length;
  const transactions: TransactionReceipt[] = [];
  const send = async (prepared: PreparedCall) => {
    const receipt = await sendPreparedCall(client, prepared, parameters);
    transactions.push(receipt);
    parameters.onTransaction?.(receipt, transactions.length, total);
  };
  // In order: each split must land before the claims (and later splits) that rely on it.
  for (const prepared of splits) await send(prepared);
  // A token whose transfer reverts fails the whole claimMany: find it, leave it out, claim the rest.
  const failed: ClaimAllFailure[] = [];
  for (const assetIds of claimGroups) {
    const plan = {
      assetIds,
      tokens: preview.claimPlan.tokens.filter((token) => !failed.some((f) => f.token === token)),
    };
    const tokens = await payableTokens(
      client,
      deployment.protocol,
      plan,
      recipient,
      parameters,
      failed,
    );
    if (tokens.length > 0) {
      await send(protocolCall(deployment.protocol, encodeClaimMany(assetIds, tokens, recipient)));
    }
  }
  return {
    claimed: claimedTotals(transactions, deployment.protocol),
    transactions,
    failed,
    preview,
  };
}

/**
 * The tokens of `plan` whose claim goes through, estimated on the current state: all of them
 * when the whole claim does (one request), else each is tried alone and those that revert are
 * added to `failed` with their decoded reason. Other failures (a node down) are thrown.
 */
async function payableTokens(
  client: AnyClient,
  protocol: Address,
  plan: ClaimAllCallPlan,
  recipient: Address,
  parameters: EstimateParameters,
  failed: ClaimAllFailure[],
): Promise<Address[]> {
  const attempt = async (tokens: Address[]) => {
    try {
      await estimatePreparedCallGas(
        client,
        protocolCall(protocol, encodeClaimMany(plan.assetIds, tokens, recipient)),
        parameters,
      );
      return null;
    } catch (error) {
      if (error instanceof ContractRevertError || error instanceof UnknownRevertError) return error;
      throw error;
    }
  };
  if (plan.tokens.length === 0 || (await attempt(plan.tokens)) === null) return plan.tokens;
  const payable: Address[] = [];
  for (const token of plan.tokens) {
    const error = await attempt([token]);
    if (error === null) payable.push(token);
    else failed.push({ token, error });
  }
  return payable;
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
