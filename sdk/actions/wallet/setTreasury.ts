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

/** Parameters of {@link setTreasury}. */
export type SetTreasuryParameters = {
  /** The address that will receive protocol fees. */
  treasury: Address;
};

/** What {@link setTreasury} resolves to. */
export type SetTreasuryReturnType = WriteReturnType & {
  previousTreasury: Address;
  treasury: Address;
};

/** What {@link setTreasury} rejects with: always a {@link RemixError} subclass. */
export type SetTreasuryErrorType = RemixError;

/**
 * The owner's transaction that sets the treasury, without sending it.
 *
 * @example
 * const { to, data } = await prepareSetTreasury(client, { treasury: "0x..." });
 */
export async function prepareSetTreasury(
  client: AnyClient,
  parameters: SetTreasuryParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  requireAddress("treasury", parameters.treasury);
  return {
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "setTreasury",
      args: [parameters.treasury],
    }),
    value: 0n,
  };
}

/**
 * Sets the treasury that `withdrawFees` pays. Owner only; the zero address fails with
 * `ContractRevertError` `InvalidTreasury`.
 *
 * @example
 * await setTreasury(adminWallet, { treasury: "0x..." });
 */
export async function setTreasury(
  client: AnyClient,
  parameters: SetTreasuryParameters & WriteParameters,
): Promise<SetTreasuryReturnType> {
  const prepared = await prepareSetTreasury(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, remixProtocolAbi, "TreasuryUpdated");
  return { receipt, previousTreasury: args.previousTreasury, treasury: args.newTreasury };
}

/** The gas this treasury change would use now. */
export async function estimateSetTreasuryGas(
  client: AnyClient,
  parameters: SetTreasuryParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await prepareSetTreasury(client, parameters), parameters);
}
