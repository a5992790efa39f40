import { type Address, encodeFunctionData } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { requireAddress, requireUint256 } from "../../utils/inputChecks.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { receiptClaims } from "../../utils/receiptClaims.js";
import { senderAddress } from "../../utils/senderAddress.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
  type WriteReturnType,
} from "../../utils/sendPreparedCall.js";

/** Parameters of {@link claim}. */
export type ClaimParameters = {
  /** The asset whose collectable balance is paid out; the sender must own it or be approved. */
  assetId: bigint;
  /** {@link ETH} (the zero address) or an ERC-20. */
  token: Address;
  /** Who receives the money (default: the sender). */
  recipient?: Address | undefined;
};

/** What {@link claim} resolves to. */
export type ClaimReturnType = WriteReturnType & {
  /** What was paid to the recipient (0 when nothing was collectable). */
  amount: bigint;
};

/** What {@link claim} rejects with: always a {@link RemixError} subclass. */
export type ClaimErrorType = RemixError;

/**
 * The transaction that claims an asset's collectable balance in one token, without sending it.
 *
 * @example
 * const { to, data } = await prepareClaim(client, { assetId: 1n, token: ETH });
 */
export async function prepareClaim(
  client: AnyClient,
  parameters: ClaimParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  const recipient = parameters.recipient ?? senderAddress(client, parameters.account);
  requireUint256("assetId", parameters.assetId);
  requireAddress("token", parameters.token);
  requireAddress("recipient", recipient);
  return {
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "claim",
      args: [parameters.assetId, parameters.token, recipient],
    }),
    value: 0n,
  };
}

/**
 * Pays what an asset holds for its owner in one token to `recipient`, splitting the asset first
 * if it is a remix with revenue pending (so its parents get their shares in the same transaction).
 * Only the asset's owner or its revenue manager may claim (`ContractRevertError`
 * `NotAssetOwnerOrManager` otherwise: an ERC-721 transfer approval is not enough); claims work
 * while the protocol is paused.
 *
 * @example
 * const { amount } = await claim(walletClient, { assetId: 1n, token: ETH });
 */
export async function claim(
  client: AnyClient,
  parameters: ClaimParameters & WriteParameters,
): Promise<ClaimReturnType> {
  const prepared = await prepareClaim(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const claims = receiptClaims(receipt, prepared.to);
  return { receipt, amount: claims.reduce((sum, { amount }) => sum + amount, 0n) };
}

/** The gas this claim would use now. */
export async function estimateClaimGas(
  client: AnyClient,
  parameters: ClaimParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await prepareClaim(client, parameters), parameters);
}
