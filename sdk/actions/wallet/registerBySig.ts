import { encodeFunctionData, type Hex } from "viem";
import { relayAbi } from "../../abis/relayAbi.js";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { receiptEvent } from "../../utils/receiptEvents.js";
import { relayAddress } from "../../utils/relay.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
  type WriteReturnType,
} from "../../utils/sendPreparedCall.js";
import type { SignedRegistration } from "./signRegistration.js";

/** Parameters of {@link registerBySig}: a registration from {@link signRegistration}. */
export type RegisterBySigParameters = SignedRegistration;

/** What {@link registerBySig} resolves to. */
export type RegisterBySigReturnType = WriteReturnType & {
  /** The new asset, minted to the signer. */
  assetId: bigint;
  creator: Hex;
  contentHash: Hex;
};

/** What {@link registerBySig} rejects with: always a {@link RemixError} subclass. */
export type RegisterBySigErrorType = RemixError;

/**
 * The relay transaction that registers a signed registration, without sending it.
 *
 * @example
 * const { to, data } = await prepareRegisterBySig(relayerClient, signed);
 */
export async function prepareRegisterBySig(
  client: AnyClient,
  parameters: RegisterBySigParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  return {
    to: await relayAddress(client, deployment),
    data: encodeFunctionData({
      abi: relayAbi,
      functionName: "registerBySig",
      args: [parameters.request, parameters.deadline, parameters.signature],
    }),
    value: 0n,
  };
}

/**
 * Sends a registration its creator signed ({@link signRegistration}): the sender pays the gas,
 * the asset is minted to the signer. A tampered request, a reused or foreign signature fails with
 * `ContractRevertError` `InvalidSignature`, a late one with `SignatureExpired`, before sending.
 *
 * @example
 * const { assetId } = await registerBySig(relayerWallet, signed);
 */
export async function registerBySig(
  client: AnyClient,
  parameters: RegisterBySigParameters & WriteParameters,
): Promise<RegisterBySigReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const prepared = await prepareRegisterBySig(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, deployment.protocol, remixProtocolAbi, "AssetRegistered");
  return { receipt, assetId: args.assetId, creator: args.creator, contentHash: args.contentHash };
}

/** The gas relaying this registration would use now. */
export async function estimateRegisterBySigGas(
  client: AnyClient,
  parameters: RegisterBySigParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(
    client,
    await prepareRegisterBySig(client, parameters),
    parameters,
  );
}
