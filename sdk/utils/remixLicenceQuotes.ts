import { quoteLicences } from "../actions/public/quoteLicence.js";
import type { Deployment } from "../deployments/deployment.js";
import { ETH, UseKind } from "./constants.js";
import type { CurrencyAmount } from "./currencyTotals.js";
import type { AnyClient } from "./sendPreparedCall.js";

/** What a remix registration is quoted for one parent's licence. */
export type RemixLicenceQuote = {
  maxPrice: CurrencyAmount;
  termsVersion: number;
  /** Whether the licence can be had: held, or bought under terms that allow remixes. */
  allowed: boolean;
};

/**
 * The default quote of a remix registration, per parent: for each parent whose licence is bought
 * (`licenceIds` entry `0n`) its current `Remix` price and terms version, so that new terms or a
 * price rise before inclusion revert; for held licences a zero ETH cap and version 0, which the
 * contract ignores. One batched quote for all parents.
 */
export async function remixLicenceQuotes(
  client: AnyClient,
  deployment: Deployment,
  parents: readonly { parentId: bigint }[],
  licenceIds: readonly bigint[],
): Promise<RemixLicenceQuote[]> {
  const quotes = await quoteLicences(client, {
    deployment,
    assetIds: parents.filter((_, i) => licenceIds[i] === 0n).map(({ parentId }) => parentId),
    kind: UseKind.Remix,
  });
  let next = 0;
  return licenceIds.map((id) => {
    if (id !== 0n) {
      return { maxPrice: { currency: ETH, amount: 0n }, termsVersion: 0, allowed: true };
    }
    const { currency, price, version, allowed } = quotes[next++] as (typeof quotes)[number];
    return { maxPrice: { currency, amount: price }, termsVersion: version, allowed };
  });
}
