// Buying a priced cart: exactly the approvals its ERC-20 totals need, then one `buyLicences` for
// every asset in every currency, held to the terms versions quoted and capped at the totals shown.
import type { Address } from "viem";
import {
  buyLicences,
  type BuyLicencesReturnType,
  type CurrencyAmount,
  type LicenceQuote,
  prepareBuyLicences,
  sumByCurrency,
  UseKind,
} from "../../../sdk/index.js";
import { type ApprovalContext, approveShortfalls } from "./approvals.ts";
import type { WriteProgress } from "./useWrite.ts";

/** What a cart purchase asks for: one licence per asset, as quoted. */
export type DatasetOrder = {
  assetIds: bigint[];
  /** The terms version quoted for each asset: newer terms revert the purchase. */
  termsVersions: number[];
  /** The quoted prices summed per currency (free licences need none): the purchase's caps. */
  totals: CurrencyAmount[];
};

/** The order of the AI-training `quotes` of a cart, in the cart's order. */
export function datasetOrder(quotes: readonly LicenceQuote[]): DatasetOrder {
  return {
    assetIds: quotes.map((quote) => quote.assetId),
    termsVersions: quotes.map((quote) => quote.version),
    totals: sumByCurrency(quotes.map(({ currency, price }) => ({ currency, amount: price }))),
  };
}

/**
 * Approves what `order` may pull of each ERC-20 beyond `buyer`'s allowance, then buys the order
 * in one transaction (the SDK's deadline: an hour after the latest block when it is built).
 */
export async function buyDataset(
  context: ApprovalContext,
  buyer: Address,
  order: DatasetOrder,
  progress: WriteProgress,
): Promise<BuyLicencesReturnType> {
  const parameters = {
    deployment: context.deployment,
    assetIds: order.assetIds,
    kind: UseKind.AITraining,
    termsVersions: order.termsVersions,
    maxTotals: order.totals,
  };
  const call = await prepareBuyLicences(context.walletClient, parameters);
  await approveShortfalls(context, buyer, call, progress);
  const count = order.assetIds.length;
  progress.step(`Buy ${count} AI-training licence${count === 1 ? "" : "s"} in one transaction`);
  return buyLicences(context.walletClient, { ...parameters, onSent: progress.onSent });
}
