import { type Address, encodeFunctionData } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { requireAddress } from "../../utils/inputChecks.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { readContracts } from "../../utils/readContracts.js";
import { receiptEvents } from "../../utils/receiptEvents.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
  type WriteReturnType,
} from "../../utils/sendPreparedCall.js";

/** Parameters of {@link withdrawFees}. */
export type WithdrawFeesParameters = {
  /** {@link ETH} (the zero address) or an ERC-20. */
  token: Address;
};

/** What {@link withdrawFees} resolves to. */
export type WithdrawFeesReturnType = WriteReturnType & {
  /** The fees paid out (0 when none had accrued). */
  amount: bigint;
  /** The treasury that received them. */
  treasury: Address;
};

/** What {@link withdrawFees} rejects with: always a {@link RemixError} subclass. */
export type WithdrawFeesErrorType = RemixError;

/**
 * The transaction that pays accrued fees in one token to the treasury, without sending it.
 *
 * @example
 * const { to, data } = await prepareWithdrawFees(client, { token: ETH });
 */
export async function prepareWithdrawFees(
  client: AnyClient,
  parameters: WithdrawFeesParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  requireAddress("token", parameters.token);
  return {
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "withdrawFees",
      args: [parameters.token],
    }),
    value: 0n,
  };
}

/**
 * Pays the protocol fees accrued in `token` to the treasury. Anyone may call (the money can only
 * go to the treasury); never paused.
 *
 * @example
 * const { amount, treasury } = await withdrawFees(walletClient, { token: ETH });
 */
export async function withdrawFees(
  client: AnyClient,
  parameters: WithdrawFeesParameters & WriteParameters,
): Promise<WithdrawFeesReturnType> {
  const prepared = await prepareWithdrawFees(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const [event] = receiptEvents(receipt, prepared.to, remixProtocolAbi, "FeesWithdrawn");
  if (event) return { receipt, amount: event.args.amount, treasury: event.args.treasury };
  // Nothing had accrued, so no event names the treasury: read it as of the receipt's block.
  const deployment = resolveDeployment(client, parameters);
  const [treasury] = await readContracts(
    client,
    deployment,
    [{ address: deployment.protocol, abi: remixProtocolAbi, functionName: "treasury" }] as const,
    { blockNumber: receipt.blockNumber },
  );
  return { receipt, amount: 0n, treasury };
}

/** The gas this withdrawal would use now. */
export async function estimateWithdrawFeesGas(
  client: AnyClient,
  parameters: WithdrawFeesParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await prepareWithdrawFees(client, parameters), parameters);
}
