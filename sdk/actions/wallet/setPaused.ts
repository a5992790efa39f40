import { encodeFunctionData } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { InvalidParameterError } from "../../errors/parameters.js";
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

/** Parameters of {@link setPaused}. */
export type SetPausedParameters = {
  /** `true` pauses new registrations and payments; `false` resumes them. */
  paused: boolean;
};

/** What {@link setPaused} resolves to. */
export type SetPausedReturnType = WriteReturnType & {
  paused: boolean;
};

/** What {@link setPaused} rejects with: always a {@link RemixError} subclass. */
export type SetPausedErrorType = RemixError;

/**
 * The owner's transaction that pauses or resumes the protocol, without sending it.
 *
 * @example
 * const { to, data } = await prepareSetPaused(client, { paused: true });
 */
export async function prepareSetPaused(
  client: AnyClient,
  parameters: SetPausedParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  if (typeof parameters.paused !== "boolean") {
    throw new InvalidParameterError({ parameter: "paused", reason: "must be a boolean" });
  }
  return {
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "setPaused",
      args: [parameters.paused],
    }),
    value: 0n,
  };
}

/**
 * Pauses or resumes new registrations, purchases and payments. Owner only. Splits, claims, fee
 * withdrawals and transfers keep working while paused. Asking for the current state fails with
 * `ContractRevertError` `PauseUnchanged`.
 *
 * @example
 * await setPaused(adminWallet, { paused: true });
 */
export async function setPaused(
  client: AnyClient,
  parameters: SetPausedParameters & WriteParameters,
): Promise<SetPausedReturnType> {
  const prepared = await prepareSetPaused(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, remixProtocolAbi, "PauseUpdated");
  return { receipt, paused: args.paused };
}

/** The gas this pause change would use now. */
export async function estimateSetPausedGas(
  client: AnyClient,
  parameters: SetPausedParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await prepareSetPaused(client, parameters), parameters);
}
