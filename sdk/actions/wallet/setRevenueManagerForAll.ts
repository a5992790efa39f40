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

/** Parameters of {@link setRevenueManagerForAll}. */
export type SetRevenueManagerForAllParameters = {
  /** Who may claim and set terms for every asset the sender owns, now or later. */
  manager: Address;
  /** `true` names the manager, `false` revokes it. */
  approved: boolean;
};

/** What {@link setRevenueManagerForAll} resolves to. */
export type SetRevenueManagerForAllReturnType = WriteReturnType & {
  manager: Address;
  approved: boolean;
};

/** What {@link setRevenueManagerForAll} rejects with: always a {@link RemixError} subclass. */
export type SetRevenueManagerForAllErrorType = RemixError;

/**
 * The transaction that names or revokes a manager of all the sender's assets, without sending it.
 *
 * @example
 * const { to, data } = await prepareSetRevenueManagerForAll(client, { manager: "0x...", approved: true });
 */
export async function prepareSetRevenueManagerForAll(
  client: AnyClient,
  parameters: SetRevenueManagerForAllParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  requireAddress("manager", parameters.manager);
  if (typeof parameters.approved !== "boolean") {
    throw new InvalidParameterError({ parameter: "approved", reason: "must be a boolean" });
  }
  return {
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "setRevenueManagerForAll",
      args: [parameters.manager, parameters.approved],
    }),
    value: 0n,
  };
}

/**
 * Names (or revokes) an address that may claim the revenue of, and set terms for, every asset the
 * sender owns, now or later. Unlike an ERC-721 operator approval, it cannot move the NFTs; and an
 * operator approval grants none of this.
 *
 * @example
 * await setRevenueManagerForAll(creatorWallet, { manager: "0x...", approved: true });
 */
export async function setRevenueManagerForAll(
  client: AnyClient,
  parameters: SetRevenueManagerForAllParameters & WriteParameters,
): Promise<SetRevenueManagerForAllReturnType> {
  const prepared = await prepareSetRevenueManagerForAll(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, remixProtocolAbi, "RevenueManagerForAllSet");
  return { receipt, manager: args.manager, approved: args.approved };
}

/** The gas this change would use now. */
export async function estimateSetRevenueManagerForAllGas(
  client: AnyClient,
  parameters: SetRevenueManagerForAllParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(
    client,
    await prepareSetRevenueManagerForAll(client, parameters),
    parameters,
  );
}
