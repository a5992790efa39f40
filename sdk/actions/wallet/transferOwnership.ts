import { type Address, encodeFunctionData } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
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

/** Parameters of {@link transferOwnership}. */
export type TransferOwnershipParameters = {
  /** The proposed owner, who must then call `acceptOwnership`. */
  newOwner: Address;
};

/** What {@link transferOwnership} resolves to. */
export type TransferOwnershipReturnType = WriteReturnType & {
  /** The owner, unchanged until the transfer is accepted. */
  owner: Address;
  pendingOwner: Address;
};

/** What {@link transferOwnership} rejects with: always a {@link RemixError} subclass. */
export type TransferOwnershipErrorType = RemixError;

/**
 * The owner's transaction that proposes a new owner, without sending it.
 *
 * @example
 * const { to, data } = await prepareTransferOwnership(client, { newOwner: "0x..." });
 */
export async function prepareTransferOwnership(
  client: AnyClient,
  parameters: TransferOwnershipParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  requireAddress("newOwner", parameters.newOwner);
  return {
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "transferOwnership",
      args: [parameters.newOwner],
    }),
    value: 0n,
  };
}

/**
 * Starts a two-step ownership transfer: `newOwner` becomes the pending owner and takes over only
 * when it calls {@link acceptOwnership}, so a mistyped address cannot lock the admin out. A new
 * proposal replaces the pending one; proposing the zero address cancels it. Owner only.
 *
 * @example
 * await transferOwnership(adminWallet, { newOwner: multisig });
 * await acceptOwnership(multisigWallet);
 */
export async function transferOwnership(
  client: AnyClient,
  parameters: TransferOwnershipParameters & WriteParameters,
): Promise<TransferOwnershipReturnType> {
  const prepared = await prepareTransferOwnership(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, remixProtocolAbi, "OwnershipTransferStarted");
  return { receipt, owner: args.previousOwner, pendingOwner: args.newOwner };
}

/** The gas this proposal would use now. */
export async function estimateTransferOwnershipGas(
  client: AnyClient,
  parameters: TransferOwnershipParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(
    client,
    await prepareTransferOwnership(client, parameters),
    parameters,
  );
}
