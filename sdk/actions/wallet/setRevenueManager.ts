import { type Address, encodeFunctionData } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { requireAddress, requireUint256 } from "../../utils/inputChecks.js";
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

/** Parameters of {@link setRevenueManager}. */
export type SetRevenueManagerParameters = {
  assetId: bigint;
  /** Who may claim the asset's revenue and set its terms besides the owner; the zero address
   * revokes. */
  manager: Address;
};

/** What {@link setRevenueManager} resolves to. */
export type SetRevenueManagerReturnType = WriteReturnType & { manager: Address };

/** What {@link setRevenueManager} rejects with: always a {@link RemixError} subclass. */
export type SetRevenueManagerErrorType = RemixError;

/**
 * The owner's transaction that names an asset's revenue manager, without sending it.
 *
 * @example
 * const { to, data } = await prepareSetRevenueManager(client, { assetId: 1n, manager: "0x..." });
 */
export async function prepareSetRevenueManager(
  client: AnyClient,
  parameters: SetRevenueManagerParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  requireUint256("assetId", parameters.assetId);
  requireAddress("manager", parameters.manager);
  return {
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "setRevenueManager",
      args: [parameters.assetId, parameters.manager],
    }),
    value: 0n,
  };
}

/**
 * Names the address that may claim an asset's revenue and set its terms besides its owner (a
 * label's wallet, a payout contract), replacing any earlier one. Owner only: an ERC-721 operator,
 * such as a marketplace listing the work, fails with `ContractRevertError` `NotAssetOwner`. The
 * manager is cleared when the asset changes hands.
 *
 * @example
 * await setRevenueManager(creatorWallet, { assetId: 1n, manager: "0x..." });
 */
export async function setRevenueManager(
  client: AnyClient,
  parameters: SetRevenueManagerParameters & WriteParameters,
): Promise<SetRevenueManagerReturnType> {
  const prepared = await prepareSetRevenueManager(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, remixProtocolAbi, "RevenueManagerSet");
  return { receipt, manager: args.manager };
}

/** The gas naming this manager would use now. */
export async function estimateSetRevenueManagerGas(
  client: AnyClient,
  parameters: SetRevenueManagerParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(
    client,
    await prepareSetRevenueManager(client, parameters),
    parameters,
  );
}
