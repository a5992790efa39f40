import { type Address, encodeFunctionData } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { ETH } from "../../utils/constants.js";
import { requireAddress, requireNonEmpty, requireUint256 } from "../../utils/inputChecks.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { receiptEvents } from "../../utils/receiptEvents.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
  type WriteReturnType,
} from "../../utils/sendPreparedCall.js";

/** Parameters of {@link payMany}. */
export type PayManyParameters = {
  /** {@link ETH} (the zero address) for ETH, else an allowlisted ERC-20. */
  token: Address;
  /** One paid use per entry; the same asset may appear more than once. */
  payments: readonly { assetId: bigint; amount: bigint }[];
};

/** What {@link payMany} resolves to. */
export type PayManyReturnType = WriteReturnType & {
  /** The sum of the amounts, taken in one transfer. */
  total: bigint;
  /** The protocol's fees on all payments. */
  fees: bigint;
  /** Each payment with its fee, in the order given. */
  payments: { assetId: bigint; amount: bigint; fee: bigint }[];
};

/** What {@link payMany} rejects with: always a {@link RemixError} subclass. */
export type PayManyErrorType = RemixError;

/**
 * The transaction that pays for uses of many assets in one token, without sending it. For ETH it
 * carries the total as value; an ERC-20 needs an allowance of the total to the protocol.
 *
 * @example
 * const prepared = await preparePayMany(client, {
 *   token: ETH,
 *   payments: [{ assetId: 1n, amount: 10n ** 17n }, { assetId: 2n, amount: 10n ** 17n }],
 * });
 */
export async function preparePayMany(
  client: AnyClient,
  parameters: PayManyParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  const { token, payments } = parameters;
  requireAddress("token", token);
  requireNonEmpty("payments", payments);
  payments.forEach(({ assetId, amount }, index) => {
    requireUint256(`payments[${index}].assetId`, assetId);
    requireUint256(`payments[${index}].amount`, amount);
  });
  const total = payments.reduce((sum, { amount }) => sum + amount, 0n);
  return {
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "payMany",
      args: [token, payments.map(({ assetId }) => assetId), payments.map(({ amount }) => amount)],
    }),
    value: token === ETH ? total : 0n,
    pulls: token === ETH ? [] : [{ token, spender: deployment.protocol, amount: total }],
  };
}

/**
 * Pays for uses of many assets (any owners, any trees) in one token with a single transfer of the
 * total; each payment is charged the fee and credited as by {@link pay}. One zero amount fails
 * the whole call with `ContractRevertError` `ZeroAmount`.
 *
 * @example
 * const { total, fees } = await payMany(walletClient, {
 *   token: ETH,
 *   payments: [{ assetId: 1n, amount: parseEther("0.1") }, { assetId: 2n, amount: parseEther("0.2") }],
 * });
 */
export async function payMany(
  client: AnyClient,
  parameters: PayManyParameters & WriteParameters,
): Promise<PayManyReturnType> {
  const prepared = await preparePayMany(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const payments = receiptEvents(receipt, prepared.to, remixProtocolAbi, "Paid").map(
    ({ args }) => ({ assetId: args.assetId, amount: args.amount, fee: args.fee }),
  );
  return {
    receipt,
    total: payments.reduce((sum, { amount }) => sum + amount, 0n),
    fees: payments.reduce((sum, { fee }) => sum + fee, 0n),
    payments,
  };
}

/** The gas these payments would use now. */
export async function estimatePayManyGas(
  client: AnyClient,
  parameters: PayManyParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await preparePayMany(client, parameters), parameters);
}
