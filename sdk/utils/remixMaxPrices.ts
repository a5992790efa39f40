import { quoteLicences } from "../actions/public/quoteLicence.js";
import type { Deployment } from "../deployments/deployment.js";
import { ETH, UseKind } from "./constants.js";
import type { CurrencyAmount } from "./currencyTotals.js";
import type { AnyClient } from "./sendPreparedCall.js";

/**
 * The default caps of a remix registration: for each parent whose licence is bought (`licenceIds`
 * entry `0n`) its current `Remix` quote, so a later price rise or currency switch reverts; for
 * held licences a zero ETH cap, which the contract ignores. One batched quote for all parents.
 */
export async function remixMaxPrices(
  client: AnyClient,
  deployment: Deployment,
  parents: readonly { parentId: bigint }[],
  licenceIds: readonly bigint[],
): Promise<CurrencyAmount[]> {
  const quotes = await quoteLicences(client, {
    deployment,
    assetIds: parents.filter((_, i) => licenceIds[i] === 0n).map(({ parentId }) => parentId),
    kind: UseKind.Remix,
  });
  let next = 0;
  return licenceIds.map((id) => {
    if (id !== 0n) return { currency: ETH, amount: 0n };
    const { currency, price } = quotes[next++] as (typeof quotes)[number];
    return { currency, amount: price };
  });
}
