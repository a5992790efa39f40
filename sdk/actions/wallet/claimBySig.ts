import { encodeFunctionData } from "viem";
import { relayAbi } from "../../abis/relayAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { type AssetClaim, receiptClaims } from "../../utils/receiptClaims.js";
import { relayAddress } from "../../utils/relay.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
  type WriteReturnType,
} from "../../utils/sendPreparedCall.js";
import type { SignedClaim } from "./signClaim.js";

/** Parameters of {@link claimBySig}: a claim from {@link signClaim}. */
export type ClaimBySigParameters = SignedClaim;

/** What {@link claimBySig} resolves to. */
export type ClaimBySigReturnType = WriteReturnType & {
  /** Each non-zero balance claimed, per asset and token. */
  claims: AssetClaim[];
};

/** What {@link claimBySig} rejects with: always a {@link RemixError} subclass. */
export type ClaimBySigErrorType = RemixError;

/**
 * The relay transaction that sends a signed claim, without sending it.
 *
 * @example
 * const { to, data } = await prepareClaimBySig(relayerClient, signed);
 */
export async function prepareClaimBySig(
  client: AnyClient,
  parameters: ClaimBySigParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  return {
    to: await relayAddress(client, deployment),
    data: encodeFunctionData({
      abi: relayAbi,
      functionName: "claimBySig",
      args: [parameters.request, parameters.deadline, parameters.signature],
    }),
    value: 0n,
  };
}

/**
 * Sends a claim its claimer signed ({@link signClaim}): the sender pays the gas, the signed
 * recipient gets the money, `Claimed` names the claimer. A changed recipient or a reused
 * signature fails with `ContractRevertError` `InvalidSignature` before sending. Works while paused.
 *
 * @example
 * const { claims } = await claimBySig(relayerWallet, signed);
 */
export async function claimBySig(
  client: AnyClient,
  parameters: ClaimBySigParameters & WriteParameters,
): Promise<ClaimBySigReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const prepared = await prepareClaimBySig(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const claims = receiptClaims(receipt, deployment.protocol);
  return { receipt, claims };
}

/** The gas relaying this claim would use now. */
export async function estimateClaimBySigGas(
  client: AnyClient,
  parameters: ClaimBySigParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await prepareClaimBySig(client, parameters), parameters);
}
