import { encodeFunctionData } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { requireBps } from "../../utils/inputChecks.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { receiptEvent } from "../../utils/receiptEvents.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
  type WriteReturnType,
} from "../../utils/sendPreparedCall.js";

/** Parameters of {@link setFee}. */
export type SetFeeParameters = {
  /** The new protocol fee in basis points, at most the immutable `maxFeeBps`. */
  feeBps: number;
};

/** What {@link setFee} resolves to. */
export type SetFeeReturnType = WriteReturnType & {
  previousFeeBps: number;
  feeBps: number;
};

/** What {@link setFee} rejects with: always a {@link RemixError} subclass. */
export type SetFeeErrorType = RemixError;

/**
 * The owner's transaction that sets the protocol fee, without sending it (for a multisig).
 *
 * @example
 * const { to, data } = await prepareSetFee(client, { feeBps: 500 });
 */
export async function prepareSetFee(
  client: AnyClient,
  parameters: SetFeeParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  requireBps("feeBps", parameters.feeBps);
  return {
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "setFee",
      args: [parameters.feeBps],
    }),
    value: 0n,
  };
}

/**
 * Sets the protocol fee for payments made from now on. Owner only
 * (`ContractRevertError` `OwnableUnauthorizedAccount`); above the cap it fails with
 * `FeeAboveMaximum(feeBps, maxFeeBps)`.
 *
 * @example
 * const { previousFeeBps, feeBps } = await setFee(adminWallet, { feeBps: 500 });
 */
export async function setFee(
  client: AnyClient,
  parameters: SetFeeParameters & WriteParameters,
): Promise<SetFeeReturnType> {
  const prepared = await prepareSetFee(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, remixProtocolAbi, "FeeUpdated");
  return { receipt, previousFeeBps: args.previousFeeBps, feeBps: args.newFeeBps };
}

/** The gas this fee change would use now. */
export async function estimateSetFeeGas(
  client: AnyClient,
  parameters: SetFeeParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await prepareSetFee(client, parameters), parameters);
}
