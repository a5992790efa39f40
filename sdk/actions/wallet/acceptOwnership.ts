import { type Address, encodeFunctionData } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
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

/** Nothing besides the common options: the sender must be the pending owner. */
export type AcceptOwnershipParameters = Record<never, never>;

/** What {@link acceptOwnership} resolves to. */
export type AcceptOwnershipReturnType = WriteReturnType & {
  previousOwner: Address;
  /** The sender, now the owner. */
  owner: Address;
};

/** What {@link acceptOwnership} rejects with: always a {@link RemixError} subclass. */
export type AcceptOwnershipErrorType = RemixError;

/**
 * The pending owner's transaction that completes an ownership transfer, without sending it.
 *
 * @example
 * const { to, data } = await prepareAcceptOwnership(client);
 */
export async function prepareAcceptOwnership(
  client: AnyClient,
  parameters: AcceptOwnershipParameters & EstimateParameters = {},
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  return {
    to: deployment.protocol,
    data: encodeFunctionData({ abi: remixProtocolAbi, functionName: "acceptOwnership" }),
    value: 0n,
  };
}

/**
 * Completes a transfer started by {@link transferOwnership}. Only the pending owner may call
 * (`ContractRevertError` `OwnableUnauthorizedAccount` otherwise).
 *
 * @example
 * const { owner } = await acceptOwnership(multisigWallet);
 */
export async function acceptOwnership(
  client: AnyClient,
  parameters: AcceptOwnershipParameters & WriteParameters = {},
): Promise<AcceptOwnershipReturnType> {
  const prepared = await prepareAcceptOwnership(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, remixProtocolAbi, "OwnershipTransferred");
  return { receipt, previousOwner: args.previousOwner, owner: args.newOwner };
}

/** The gas accepting ownership would use now. */
export async function estimateAcceptOwnershipGas(
  client: AnyClient,
  parameters: AcceptOwnershipParameters & EstimateParameters = {},
): Promise<bigint> {
  return estimatePreparedCallGas(
    client,
    await prepareAcceptOwnership(client, parameters),
    parameters,
  );
}
