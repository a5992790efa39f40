import { type Address, encodeFunctionData } from "viem";
import { licensingAbi } from "../../abis/licensingAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { UseKind } from "../../utils/constants.js";
import { type CurrencyAmount, erc20Pulls, ethAmount } from "../../utils/currencyTotals.js";
import { resolveDeadline } from "../../utils/deadline.js";
import { assertCurrencyAmount, assertTermsVersion } from "../../utils/licensingChecks.js";
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
import { type LicenceQuote, quoteLicence } from "../public/quoteLicence.js";
import { requireUint, requireUint256 } from "../../utils/inputChecks.js";

/** Parameters of {@link payForUse}. */
export type PayForUseParameters = {
  assetId: bigint;
  /** How many views to pay for (at least 1). */
  count: bigint;
  /**
   * The `View` terms version the payer was shown; default the latest when the transaction is
   * built. New terms published before inclusion make the payment revert (`TermsVersionMismatch`).
   */
  termsVersion?: number | undefined;
  /**
   * The most the sender accepts to pay for all `count` views, and in which currency; default
   * `count` times the `View` price quoted when the transaction is built (pass the total the
   * payer was shown to hold them to it). The whole ETH cap is sent; the excess is refunded.
   */
  maxTotal?: CurrencyAmount | undefined;
  /** Default: the latest block's timestamp plus one hour. */
  deadline?: bigint | undefined;
};

/** What {@link payForUse} resolves to. */
export type PayForUseReturnType = WriteReturnType & {
  /** What was charged: `count` times the `View` price. */
  total: bigint;
  currency: Address;
  termsVersion: number;
};

/** What {@link payForUse} rejects with: always a {@link RemixError} subclass. */
export type PayForUseErrorType = RemixError;

/**
 * The transaction that pays for views, without sending it.
 *
 * @example
 * const { to, data, value } = await preparePayForUse(client, { assetId: 1n, count: 100n });
 */
export async function preparePayForUse(
  client: AnyClient,
  parameters: PayForUseParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  const { assetId, count } = parameters;
  requireUint256("assetId", assetId);
  requireUint("count", count, 256, 1n);
  if (parameters.maxTotal !== undefined) assertCurrencyAmount(parameters.maxTotal, "maxTotal");
  if (parameters.termsVersion !== undefined) {
    assertTermsVersion(parameters.termsVersion, "termsVersion");
  }
  const needsQuote = parameters.maxTotal === undefined || parameters.termsVersion === undefined;
  const [quote, deadline] = await Promise.all([
    needsQuote ? quoteLicence(client, { deployment, assetId, kind: UseKind.View }) : undefined,
    resolveDeadline(client, parameters.deadline),
  ]);
  const maxTotal = parameters.maxTotal ?? {
    currency: (quote as LicenceQuote).currency,
    amount: (quote as LicenceQuote).price * count,
  };
  const termsVersion = parameters.termsVersion ?? (quote as LicenceQuote).version;
  return {
    to: deployment.licensing,
    data: encodeFunctionData({
      abi: licensingAbi,
      functionName: "payForUse",
      args: [assetId, count, termsVersion, maxTotal, deadline],
    }),
    value: ethAmount([maxTotal]),
    pulls: erc20Pulls([maxTotal], deployment.protocol),
  };
}

/**
 * Pays for `count` views of an asset at its current `View` price, through the asset's royalty
 * tree. Issues no licence token. ERC-20 prices need an allowance to the protocol contract.
 *
 * @example
 * const { total, currency } = await payForUse(walletClient, { assetId: 1n, count: 1_000n });
 */
export async function payForUse(
  client: AnyClient,
  parameters: PayForUseParameters & WriteParameters,
): Promise<PayForUseReturnType> {
  const prepared = await preparePayForUse(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, licensingAbi, "UsesPaid");
  return { receipt, total: args.total, currency: args.currency, termsVersion: args.termsVersion };
}

/** The gas paying for these views would use now. */
export async function estimatePayForUseGas(
  client: AnyClient,
  parameters: PayForUseParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await preparePayForUse(client, parameters), parameters);
}
