import { type Address, encodeFunctionData } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { InvalidParameterError } from "../../errors/parameters.js";
import { requireAddress } from "../../utils/inputChecks.js";
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

/** Parameters of {@link setTokenAllowed}. */
export type SetTokenAllowedParameters = {
  /** The ERC-20 (ETH is always accepted and cannot be listed: `InvalidToken`). */
  token: Address;
  /** Whether new payments may use it. */
  allowed: boolean;
};

/** What {@link setTokenAllowed} resolves to. */
export type SetTokenAllowedReturnType = WriteReturnType & {
  token: Address;
  allowed: boolean;
};

/** What {@link setTokenAllowed} rejects with: always a {@link RemixError} subclass. */
export type SetTokenAllowedErrorType = RemixError;

/**
 * The owner's transaction that adds a token to, or removes it from, the payment allowlist,
 * without sending it.
 *
 * @example
 * const { to, data } = await prepareSetTokenAllowed(client, { token: usd, allowed: true });
 */
export async function prepareSetTokenAllowed(
  client: AnyClient,
  parameters: SetTokenAllowedParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  requireAddress("token", parameters.token);
  if (typeof parameters.allowed !== "boolean") {
    throw new InvalidParameterError({ parameter: "allowed", reason: "must be a boolean" });
  }
  return {
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "setTokenAllowed",
      args: [parameters.token, parameters.allowed],
    }),
    value: 0n,
  };
}

/**
 * Adds or removes an ERC-20 from the payment allowlist. Owner only. List only tokens that transfer
 * exact amounts; removing one stops new payments in it, while balances already credited stay
 * splittable and claimable.
 *
 * @example
 * await setTokenAllowed(adminWallet, { token: usd, allowed: true });
 */
export async function setTokenAllowed(
  client: AnyClient,
  parameters: SetTokenAllowedParameters & WriteParameters,
): Promise<SetTokenAllowedReturnType> {
  const prepared = await prepareSetTokenAllowed(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, remixProtocolAbi, "TokenAllowlistUpdated");
  return { receipt, token: args.token, allowed: args.allowed };
}

/** The gas this allowlist change would use now. */
export async function estimateSetTokenAllowedGas(
  client: AnyClient,
  parameters: SetTokenAllowedParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(
    client,
    await prepareSetTokenAllowed(client, parameters),
    parameters,
  );
}
