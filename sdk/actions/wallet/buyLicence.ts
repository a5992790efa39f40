import { type Address, encodeFunctionData, isAddressEqual } from "viem";
import { licensingAbi } from "../../abis/licensingAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import type { UseKind } from "../../utils/constants.js";
import { type CurrencyAmount, erc20Pulls, ethAmount } from "../../utils/currencyTotals.js";
import { resolveDeadline } from "../../utils/deadline.js";
import { toExpiry } from "../../utils/licenceExpiry.js";
import { requireAddress, requireUint256 } from "../../utils/inputChecks.js";
import {
  assertCurrencyAmount,
  assertTermsVersion,
  assertUseKind,
} from "../../utils/licensingChecks.js";
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
import { senderAddress } from "../../utils/senderAddress.js";
import { type LicenceQuote, quoteLicence } from "../public/quoteLicence.js";

/** Parameters of {@link buyLicence}. */
export type BuyLicenceParameters = {
  assetId: bigint;
  /** Any kind but `View` (paid per use with `payForUse`). */
  kind: UseKind;
  /** Who receives the licence (it cannot be transferred later); default the sender. */
  recipient?: Address | undefined;
  /**
   * The terms version the buyer was shown (from `quoteLicence`); default the latest when the
   * transaction is built. If the owner publishes new terms before inclusion (another duration,
   * minimum share, document or currency, even at the same price), the purchase reverts with
   * `TermsVersionMismatch` and charges nothing.
   */
  termsVersion?: number | undefined;
  /**
   * The most the sender accepts to pay, and in which currency; default the current quote, so a
   * price rise (`PriceAboveMaximum`) or currency switch (`CurrencyMismatch`) reverts. For ETH the
   * whole cap is sent and the contract refunds what the price leaves over. The default quote is
   * taken when the transaction is built: to hold the buyer to the price they were shown, pass
   * that quote (from `quoteLicence`) here.
   */
  maxPrice?: CurrencyAmount | undefined;
  /** Latest timestamp (seconds) the purchase may be included at; default the latest block's
   * timestamp plus one hour. */
  deadline?: bigint | undefined;
};

/** What {@link buyLicence} resolves to. */
export type BuyLicenceReturnType = WriteReturnType & {
  licenceId: bigint;
  /** End of validity (seconds since the epoch); `null` when perpetual. */
  expiresAt: bigint | null;
  /** What was charged, in `currency`. */
  price: bigint;
  currency: Address;
  termsVersion: number;
};

/** What {@link buyLicence} rejects with: always a {@link RemixError} subclass. */
export type BuyLicenceErrorType = RemixError;

/**
 * The transaction that buys one licence, without sending it (quotes and reads the deadline's
 * block when `maxPrice` or `deadline` is not given).
 *
 * @example
 * const { to, data, value } = await prepareBuyLicence(client, { assetId: 1n, kind: UseKind.Commercial });
 */
export async function prepareBuyLicence(
  client: AnyClient,
  parameters: BuyLicenceParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  const { assetId, kind } = parameters;
  requireUint256("assetId", assetId);
  assertUseKind(kind);
  const recipient = parameters.recipient ?? senderAddress(client, parameters.account);
  requireAddress("recipient", recipient);
  if (parameters.maxPrice !== undefined) assertCurrencyAmount(parameters.maxPrice, "maxPrice");
  if (parameters.termsVersion !== undefined) {
    assertTermsVersion(parameters.termsVersion, "termsVersion");
  }
  const needsQuote = parameters.maxPrice === undefined || parameters.termsVersion === undefined;
  const [quote, deadline] = await Promise.all([
    needsQuote ? quoteLicence(client, { deployment, assetId, kind }) : undefined,
    resolveDeadline(client, parameters.deadline),
  ]);
  const maxPrice = parameters.maxPrice ?? {
    currency: (quote as LicenceQuote).currency,
    amount: (quote as LicenceQuote).price,
  };
  const termsVersion = parameters.termsVersion ?? (quote as LicenceQuote).version;
  return {
    to: deployment.licensing,
    data: encodeFunctionData({
      abi: licensingAbi,
      functionName: "buyLicence",
      args: [assetId, kind, termsVersion, recipient, maxPrice, deadline],
    }),
    value: ethAmount([maxPrice]),
    // The price when quoted here; otherwise at most the buyer's cap.
    pulls: erc20Pulls(
      [
        quote && isAddressEqual(quote.currency, maxPrice.currency)
          ? { ...maxPrice, amount: quote.price }
          : maxPrice,
      ],
      deployment.protocol,
    ),
  };
}

/**
 * Buys one `kind` licence of an asset at its current price, paid through the asset's royalty
 * tree. ERC-20 prices need an allowance to the protocol contract (`deployment.protocol`).
 *
 * @example
 * const { licenceId, expiresAt } = await buyLicence(walletClient, {
 *   assetId: 1n,
 *   kind: UseKind.Commercial,
 * });
 */
export async function buyLicence(
  client: AnyClient,
  parameters: BuyLicenceParameters & WriteParameters,
): Promise<BuyLicenceReturnType> {
  const prepared = await prepareBuyLicence(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, licensingAbi, "LicenceIssued");
  return {
    receipt,
    licenceId: args.licenceId,
    expiresAt: toExpiry(args.expiresAt),
    price: args.price,
    currency: args.currency,
    termsVersion: args.termsVersion,
  };
}

/** The gas buying this licence would use now. */
export async function estimateBuyLicenceGas(
  client: AnyClient,
  parameters: BuyLicenceParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await prepareBuyLicence(client, parameters), parameters);
}
