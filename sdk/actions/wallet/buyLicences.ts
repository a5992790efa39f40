import { type Address, encodeFunctionData } from "viem";
import { licensingAbi } from "../../abis/licensingAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { InvalidParameterError } from "../../errors/parameters.js";
import type { UseKind } from "../../utils/constants.js";
import {
  type CurrencyAmount,
  erc20Pulls,
  ethAmount,
  sumByCurrency,
} from "../../utils/currencyTotals.js";
import { resolveDeadline } from "../../utils/deadline.js";
import { requireAddress, requireUint256 } from "../../utils/inputChecks.js";
import {
  assertCurrencyAmount,
  assertLength,
  assertTermsVersion,
  assertUseKind,
} from "../../utils/licensingChecks.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { receiptEvent, receiptEvents } from "../../utils/receiptEvents.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
  type WriteReturnType,
} from "../../utils/sendPreparedCall.js";
import { senderAddress } from "../../utils/senderAddress.js";
import { quoteLicences } from "../public/quoteLicence.js";

/** Parameters of {@link buyLicences}. */
export type BuyLicencesParameters = {
  /** One licence is bought per entry (any creators, currencies and trees). */
  assetIds: readonly bigint[];
  /** Any kind but `View`. */
  kind: UseKind;
  /** Who receives the licences; default the sender. */
  recipient?: Address | undefined;
  /**
   * The terms version the buyer was shown for each asset, in the order of `assetIds`; default
   * the latest when the transaction is built. If any asset's owner publishes new terms before
   * inclusion, the whole purchase reverts with `TermsVersionMismatch` naming that asset.
   */
  termsVersions?: readonly number[] | undefined;
  /**
   * The most the sender accepts to pay in each currency the purchase charges; default the
   * current quotes summed per currency, taken when the transaction is built (pass the totals
   * the buyer was shown to hold them to those). The whole ETH cap is sent; the excess is refunded.
   */
  maxTotals?: readonly CurrencyAmount[] | undefined;
  /** Default: the latest block's timestamp plus one hour. */
  deadline?: bigint | undefined;
};

/** What {@link buyLicences} resolves to. */
export type BuyLicencesReturnType = WriteReturnType & {
  firstLicenceId: bigint;
  /** One per asset, in the order of `assetIds`. */
  licenceIds: bigint[];
  /** The terms version each licence was sold under, in the order of `assetIds`. */
  termsVersions: number[];
  /** What was charged per currency (one entry per cap given, zero if nothing was charged in it). */
  totals: CurrencyAmount[];
};

/** What {@link buyLicences} rejects with: always a {@link RemixError} subclass. */
export type BuyLicencesErrorType = RemixError;

/**
 * The transaction that buys one licence of each asset, without sending it.
 *
 * @example
 * const { to, data, value } = await prepareBuyLicences(client, {
 *   assetIds: [1n, 2n, 3n], kind: UseKind.AITraining,
 * });
 */
export async function prepareBuyLicences(
  client: AnyClient,
  parameters: BuyLicencesParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  const { assetIds, kind } = parameters;
  if (!Array.isArray(assetIds) || assetIds.length === 0) {
    throw new InvalidParameterError({ parameter: "assetIds", reason: "must not be empty" });
  }
  assetIds.forEach((assetId, index) => requireUint256(`assetIds[${index}]`, assetId));
  assertUseKind(kind);
  const recipient = parameters.recipient ?? senderAddress(client, parameters.account);
  requireAddress("recipient", recipient);
  parameters.maxTotals?.forEach((cap, index) => assertCurrencyAmount(cap, `maxTotals[${index}]`));
  if (parameters.termsVersions !== undefined) {
    assertLength(parameters.termsVersions, assetIds.length, "termsVersions", "assets");
    parameters.termsVersions.forEach((version, index) =>
      assertTermsVersion(version, `termsVersions[${index}]`),
    );
  }
  const needsQuotes = parameters.maxTotals === undefined || parameters.termsVersions === undefined;
  const [quotes, deadline] = await Promise.all([
    needsQuotes ? quoteLicences(client, { deployment, assetIds, kind }) : [],
    resolveDeadline(client, parameters.deadline),
  ]);
  const maxTotals =
    parameters.maxTotals ??
    sumByCurrency(quotes.map(({ currency, price }) => ({ currency, amount: price })));
  const termsVersions = parameters.termsVersions ?? quotes.map(({ version }) => version);
  return {
    to: deployment.licensing,
    data: encodeFunctionData({
      abi: licensingAbi,
      functionName: "buyLicences",
      args: [assetIds, kind, termsVersions, recipient, maxTotals, deadline],
    }),
    value: ethAmount(maxTotals),
    pulls: erc20Pulls(maxTotals, deployment.protocol),
  };
}

/**
 * Buys one `kind` licence of each asset in one transaction (a dataset licence), each price paid
 * into its asset's own tree, with one payment per currency. ERC-20 totals need an allowance to
 * the protocol contract.
 *
 * @example
 * const { licenceIds, totals } = await buyLicences(walletClient, {
 *   assetIds: [1n, 2n, 3n],
 *   kind: UseKind.AITraining,
 * });
 */
export async function buyLicences(
  client: AnyClient,
  parameters: BuyLicencesParameters & WriteParameters,
): Promise<BuyLicencesReturnType> {
  const prepared = await prepareBuyLicences(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, licensingAbi, "BulkLicensed");
  const issued = receiptEvents(receipt, prepared.to, licensingAbi, "LicenceIssued");
  return {
    receipt,
    firstLicenceId: args.firstLicenceId,
    licenceIds: Array.from(
      { length: Number(args.count) },
      (_, i) => args.firstLicenceId + BigInt(i),
    ),
    termsVersions: issued.map((event) => event.args.termsVersion),
    totals: args.currencies.map((currency, i) => ({ currency, amount: args.totals[i] as bigint })),
  };
}

/** The gas buying these licences would use now. */
export async function estimateBuyLicencesGas(
  client: AnyClient,
  parameters: BuyLicencesParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await prepareBuyLicences(client, parameters), parameters);
}
