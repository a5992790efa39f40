import type { Address } from "viem";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { type CurrencyAmount, sumByCurrency } from "../../utils/currencyTotals.js";
import { heldRemixLicences } from "../../utils/heldRemixLicences.js";
import { requireAddress } from "../../utils/inputChecks.js";
import { remixLicenceQuotes } from "../../utils/remixLicenceQuotes.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";
import { type RemixParent, validateParents } from "../../utils/validateParents.js";

/** Parameters of {@link quoteRemix}. */
export type QuoteRemixParameters = DeploymentParameters & {
  /** The parents the remix will name, as `registerRemix` takes them. */
  parents: readonly RemixParent[];
  /** Who will register the remix: the `Remix` licences this address holds are used, not bought. */
  remixer: Address;
};

/**
 * What registering a remix costs now, per parent in the order of `parents`, in the shape
 * `registerRemix` takes: pass `licenceIds`, `termsVersions` and `maxPrices` to the registration
 * to hold it to exactly this quote.
 */
export type QuoteRemixReturnType = {
  /** The remixer's unused `Remix` licence used for each parent, or `0n` where one is bought. */
  licenceIds: bigint[];
  /** The `Remix` terms version each bought licence is sold under (0 for held licences). */
  termsVersions: number[];
  /** The price of each bought licence (zero ETH for held licences). */
  maxPrices: CurrencyAmount[];
  /** What the registration pays in all, per currency (free licences left out). */
  totals: CurrencyAmount[];
  /** The parents whose licence must be bought but whose `Remix` terms refuse remixes (or were
   * never published): registering now would revert with `UseNotAllowed`. */
  refused: bigint[];
};

/** What {@link quoteRemix} rejects with: always a {@link RemixError} subclass. */
export type QuoteRemixErrorType = RemixError;

/**
 * Quotes a remix registration: which parents' `Remix` licences the remixer holds, and the price
 * and terms version of each one it must buy. A dapp shows `totals` and passes the quote to
 * `registerRemix`, so new terms or a higher price before inclusion revert instead of charging
 * more than was shown.
 *
 * @example
 * const quote = await quoteRemix(publicClient, { parents, remixer: account.address });
 * console.log(quote.totals); // what the creator will pay, per currency
 * const { licenceIds, termsVersions, maxPrices } = quote;
 * await registerRemix(walletClient, { content, metadataUri, parents, licenceIds, termsVersions, maxPrices });
 */
export async function quoteRemix(
  client: AnyClient,
  parameters: QuoteRemixParameters,
): Promise<QuoteRemixReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const parents = validateParents(parameters.parents);
  requireAddress("remixer", parameters.remixer);
  const licenceIds = await heldRemixLicences(client, deployment, parameters.remixer, parents);
  const quotes = await remixLicenceQuotes(client, deployment, parents, licenceIds);
  const maxPrices = quotes.map(({ maxPrice }) => maxPrice);
  return {
    licenceIds,
    termsVersions: quotes.map(({ termsVersion }) => termsVersion),
    maxPrices,
    totals: sumByCurrency(maxPrices),
    refused: parents.filter((_, i) => !quotes[i]?.allowed).map(({ parentId }) => parentId),
  };
}
