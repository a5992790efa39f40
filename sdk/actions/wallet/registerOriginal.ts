import { encodeFunctionData, type Hex } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { type ContentParameters, contentHashOf } from "../../utils/contentHashOf.js";
import { requireSalt } from "../../utils/inputChecks.js";
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

/** The work, by its bytes or its content hash, and where its metadata lives. */
export type RegisterOriginalParameters = ContentParameters & {
  /** The metadata URI (for example `ipfs://...`), at most 512 bytes. */
  metadataUri: string;
  /** The salt of the sender's commitment (see `commitRegistration`) to reveal it, from a minute
   * after the commitment: the registration nobody watching the mempool can take first.
   * Without it, the direct path, safe only through a private mempool. */
  salt?: Hex | undefined;
};

/** What {@link registerOriginal} resolves to. */
export type RegisterOriginalReturnType = WriteReturnType & {
  /** The new asset, minted to the sender. */
  assetId: bigint;
  contentHash: Hex;
};

/** What {@link registerOriginal} rejects with: always a {@link RemixError} subclass. */
export type RegisterOriginalErrorType = RemixError;

/**
 * The transaction that registers an original, without sending it.
 *
 * @example
 * const { to, data, value } = await prepareRegisterOriginal(client, {
 *   contentHash: "0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
 *   metadataUri: "ipfs://bafy.../metadata.json",
 * });
 */
export async function prepareRegisterOriginal(
  client: AnyClient,
  parameters: RegisterOriginalParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  const contentHash = contentHashOf(parameters);
  const { salt } = parameters;
  if (salt !== undefined) requireSalt(salt);
  return {
    to: deployment.protocol,
    data:
      salt === undefined
        ? encodeFunctionData({
            abi: remixProtocolAbi,
            functionName: "registerOriginal",
            args: [contentHash, parameters.metadataUri],
          })
        : encodeFunctionData({
            abi: remixProtocolAbi,
            functionName: "revealOriginal",
            args: [contentHash, parameters.metadataUri, salt],
          }),
    value: 0n,
  };
}

/**
 * Registers an original work, minted to the sender, and returns its asset id.
 *
 * @example
 * const { assetId } = await registerOriginal(walletClient, {
 *   content: await readFile("smartwatch-demo.mp4"),
 *   metadataUri: "ipfs://bafy.../metadata.json",
 * });
 */
export async function registerOriginal(
  client: AnyClient,
  parameters: RegisterOriginalParameters & WriteParameters,
): Promise<RegisterOriginalReturnType> {
  const prepared = await prepareRegisterOriginal(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, remixProtocolAbi, "AssetRegistered");
  return { receipt, assetId: args.assetId, contentHash: args.contentHash };
}

/** The gas registering this original would use now. */
export async function estimateRegisterOriginalGas(
  client: AnyClient,
  parameters: RegisterOriginalParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(
    client,
    await prepareRegisterOriginal(client, parameters),
    parameters,
  );
}
