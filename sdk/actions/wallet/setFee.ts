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
  /** The announced protocol fee in basis points, at most the immutable `maxFeeBps`. */
  feeBps: number;
};

/** What {@link setFee} resolves to. */
export type SetFeeReturnType = WriteReturnType & {
  /** The fee in force until `effectiveAt`. */
  currentFeeBps: number;
  /** The fee announced. */
  feeBps: number;
  /** When the announced fee comes into force (seconds since the epoch): the transaction's block
   * time plus the protocol's immutable notice (`feeDelaySeconds` of `getProtocolConfig`). */
  effectiveAt: bigint;
};

/** What {@link setFee} rejects with: always a {@link RemixError} subclass. */
export type SetFeeErrorType = RemixError;

/**
 * The owner's transaction that announces a protocol fee, without sending it (for a multisig).
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
 * Announces a new protocol fee, in force after the protocol's immutable notice; payments until
 * then keep the fee in force, and a later announcement replaces this one. Owner only
 * (`ContractRevertError` `OwnableUnauthorizedAccount`); above the cap it fails with
 * `FeeAboveMaximum(feeBps, maxFeeBps)`.
 *
 * @example
 * const { feeBps, effectiveAt } = await setFee(adminWallet, { feeBps: 500 });
 */
export async function setFee(
  client: AnyClient,
  parameters: SetFeeParameters & WriteParameters,
): Promise<SetFeeReturnType> {
  const prepared = await prepareSetFee(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, remixProtocolAbi, "FeeChangeScheduled");
  return {
    receipt,
    currentFeeBps: args.currentFeeBps,
    feeBps: args.newFeeBps,
    effectiveAt: BigInt(args.effectiveAt),
  };
}

/** The gas this fee change would use now. */
export async function estimateSetFeeGas(
  client: AnyClient,
  parameters: SetFeeParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await prepareSetFee(client, parameters), parameters);
}
