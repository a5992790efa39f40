// License a dataset (for AI buyers): the assets whose owners allow AI training, a cart priced on
// chain, one bulk purchase, and the manifest of the licences bought.
import { DatasetCart } from "../components/DatasetCart.tsx";
import { DatasetOffers } from "../components/DatasetOffers.tsx";
import { useRemix } from "../context.ts";
import { useCart } from "../lib/cart.ts";

/** `#/dataset`. */
export function LicenseDataset() {
  const { deployment } = useRemix();
  const cart = useCart(deployment.chainId);
  return (
    <>
      <DatasetOffers cart={cart} />
      <DatasetCart cart={cart} />
    </>
  );
}
