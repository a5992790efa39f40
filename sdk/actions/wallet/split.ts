import { type Address, encodeFunctionData } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { requireAddress, requireUint256 } from "../../utils/inputChecks.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { matchSplits, receiptSplits, type SplitResult } from "../../utils/receiptSplits.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
  type WriteReturnType,
} from "../../utils/sendPreparedCall.js";

/** Parameters of {@link split}. */
export type SplitParameters = {
  /** The remix whose pending revenue moves one hop up to its parents. */
  assetId: bigint;
  /** {@link ETH} (the zero address) or an ERC-20. */
  token: Address;
};

/** What {@link split} resolves to. */
export type SplitReturnType = WriteReturnType & SplitResult;

/** What {@link split} rejects with: always a {@link RemixError} subclass. */
export type SplitErrorType = RemixError;

/**
 * The transaction that splits an asset's balance in one token, without sending it.
 *
 * @example
 * const { to, data } = await prepareSplit(client, { assetId: 2n, token: ETH });
 */
export async function prepareSplit(
  client: AnyClient,
  parameters: SplitParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  requireUint256("assetId", parameters.assetId);
  requireAddress("token", parameters.token);
  return {
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "split",
      args: [parameters.assetId, parameters.token],
    }),
    value: 0n,
  };
}

/**
 * Passes what a remix has pending in one token one hop up: each parent is credited its share
 * (claimable at once by an original, pending again for a remix) and the remix keeps the rest,
 * claimable by its owner. Anyone may call, even while paused. With nothing pending it succeeds
 * and returns zeros.
 *
 * @example
 * const { gross, forwarded } = await split(walletClient, { assetId: 2n, token: ETH });
 * // forwarded: [{ parentId: 1n, amount: 300000000000000000n }]
 */
export async function split(
  client: AnyClient,
  parameters: SplitParameters & WriteParameters,
): Promise<SplitReturnType> {
  const prepared = await prepareSplit(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const splits = await receiptSplits(client, resolveDeployment(client, parameters), receipt);
  const [result] = matchSplits(splits, [parameters]);
  return { receipt, ...(result as SplitResult) };
}

/** The gas this split would use now. */
export async function estimateSplitGas(
  client: AnyClient,
  parameters: SplitParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await prepareSplit(client, parameters), parameters);
}
