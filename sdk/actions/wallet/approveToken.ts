import { type Address, encodeFunctionData, erc20Abi } from "viem";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { requireAddress, requireUint256 } from "../../utils/inputChecks.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { receiptEvent } from "../../utils/receiptEvents.js";
import { requireErc20 } from "../../utils/requireErc20.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
  type WriteReturnType,
} from "../../utils/sendPreparedCall.js";

/** Parameters of {@link approveToken}. */
export type ApproveTokenParameters = {
  /** The ERC-20 (not ETH). */
  token: Address;
  /** The allowance to set, replacing the current one, in the token's smallest unit. */
  amount: bigint;
  /** Who may spend it (default: the protocol, which pulls payments and licence prices). */
  spender?: Address | undefined;
};

/** What {@link approveToken} resolves to. */
export type ApproveTokenReturnType = WriteReturnType & {
  owner: Address;
  spender: Address;
  /** The allowance now set. */
  amount: bigint;
};

/** What {@link approveToken} rejects with: always a {@link RemixError} subclass. */
export type ApproveTokenErrorType = RemixError;

/**
 * The ERC-20 `approve` transaction, without sending it.
 *
 * @example
 * const { to, data } = await prepareApproveToken(client, { token: usd, amount: 5_000_000n });
 */
export async function prepareApproveToken(
  client: AnyClient,
  parameters: ApproveTokenParameters & EstimateParameters,
): Promise<PreparedCall> {
  const spender = parameters.spender ?? resolveDeployment(client, parameters).protocol;
  requireErc20("token", parameters.token);
  requireUint256("amount", parameters.amount);
  requireAddress("spender", spender);
  return {
    to: parameters.token,
    data: encodeFunctionData({
      abi: erc20Abi,
      functionName: "approve",
      args: [spender, parameters.amount],
    }),
    value: 0n,
  };
}

/**
 * Sets the sender's ERC-20 allowance to the protocol (or `spender`), which payments, licence
 * purchases and remix registrations in that token need. A token's own errors (for example
 * OpenZeppelin's `ERC20InvalidSpender`) are decoded like the protocol's.
 *
 * @example
 * await approveToken(walletClient, { token: usd, amount: 5_000_000n });
 * await pay(walletClient, { assetId: 2n, token: usd, amount: 5_000_000n });
 */
export async function approveToken(
  client: AnyClient,
  parameters: ApproveTokenParameters & WriteParameters,
): Promise<ApproveTokenReturnType> {
  const prepared = await prepareApproveToken(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, erc20Abi, "Approval");
  return { receipt, owner: args.owner, spender: args.spender, amount: args.value };
}

/** The gas this approval would use now. */
export async function estimateApproveTokenGas(
  client: AnyClient,
  parameters: ApproveTokenParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await prepareApproveToken(client, parameters), parameters);
}
