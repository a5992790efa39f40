import { type Address, encodeFunctionData } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { ETH } from "../../utils/constants.js";
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

/** Parameters of {@link pay}. */
export type PayParameters = {
  /** The asset whose use is paid for. */
  assetId: bigint;
  /** {@link ETH} (the zero address) for ETH, else an allowlisted ERC-20. */
  token: Address;
  /** In the token's smallest unit (wei for ETH). */
  amount: bigint;
};

/** What {@link pay} resolves to. */
export type PayReturnType = WriteReturnType & {
  /** The protocol's fee, taken from `amount`; the rest is credited to the asset. */
  fee: bigint;
};

/** What {@link pay} rejects with: always a {@link RemixError} subclass. */
export type PayErrorType = RemixError;

/**
 * The transaction that pays for a use of an asset, without sending it. For ETH it carries
 * `amount` as value; an ERC-20 payment needs an allowance to the protocol first (see
 * `approveToken`).
 *
 * @example
 * const { to, data, value } = await preparePay(client, { assetId: 2n, token: ETH, amount: parseEther("1") });
 */
export async function preparePay(
  client: AnyClient,
  parameters: PayParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  const { assetId, token, amount } = parameters;
  requireUint256("assetId", assetId);
  requireAddress("token", token);
  requireUint256("amount", amount);
  return {
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "pay",
      args: [assetId, token, amount],
    }),
    value: token === ETH ? amount : 0n,
    pulls: token === ETH ? [] : [{ token, spender: deployment.protocol, amount }],
  };
}

/**
 * Pays `amount` of `token` for a use of `assetId`. The protocol keeps its fee and credits the
 * rest to the asset: an original's owner can claim it at once, a remix's waits for `split`.
 * Fails with `ContractRevertError` `ZeroAmount`, `TokenNotAllowed`, `ProtocolPaused`,
 * `AssetNotFound` or, without allowance, the token's `ERC20InsufficientAllowance`.
 *
 * @example
 * await approveToken(walletClient, { token: usd, amount: 5_000_000n });
 * const { fee } = await pay(walletClient, { assetId: 2n, token: usd, amount: 5_000_000n });
 */
export async function pay(
  client: AnyClient,
  parameters: PayParameters & WriteParameters,
): Promise<PayReturnType> {
  const prepared = await preparePay(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, remixProtocolAbi, "Paid");
  return { receipt, fee: args.fee };
}

/** The gas this payment would use now. */
export async function estimatePayGas(
  client: AnyClient,
  parameters: PayParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await preparePay(client, parameters), parameters);
}
