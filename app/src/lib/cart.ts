// The dataset cart: asset ids in the order they were added, kept in localStorage per chain so
// that a reload (or a wallet round trip) keeps it. Prices are not kept: they are quoted on chain.
import { useCallback, useEffect, useState } from "react";

/** Asset ids, each once, in the order they were added. */
export type Cart = readonly bigint[];

/** What {@link readCart} and {@link writeCart} need of `localStorage`. */
export type CartStorage = Pick<Storage, "getItem" | "setItem">;

/** `cart` with `assetId` added at the end (unchanged if it is in already). */
export function addToCart(cart: Cart, assetId: bigint): Cart {
  return cart.includes(assetId) ? cart : [...cart, assetId];
}

/** `cart` without `assetIds`. */
export function removeFromCart(cart: Cart, assetIds: readonly bigint[]): Cart {
  return cart.filter((id) => !assetIds.includes(id));
}

/** The localStorage key of the cart on chain `chainId`. */
export const cartKey = (chainId: number) => `remix.datasetCart.${chainId}`;

/** The cart stored for `chainId`; empty when none is, or what is stored is not a list of ids. */
export function readCart(storage: CartStorage, chainId: number): Cart {
  try {
    const stored: unknown = JSON.parse(storage.getItem(cartKey(chainId)) ?? "[]");
    if (!Array.isArray(stored)) return [];
    return stored
      .filter((id): id is string => typeof id === "string" && /^\d+$/.test(id))
      .map(BigInt)
      .reduce(addToCart, [] as Cart);
  } catch {
    return [];
  }
}

/** Stores `cart` for `chainId` (ids as decimal strings: JSON has no bigints). */
export function writeCart(storage: CartStorage, chainId: number, cart: Cart): void {
  storage.setItem(cartKey(chainId), JSON.stringify(cart.map(String)));
}

/** The cart of chain `chainId` and its changes, persisted in `localStorage`. */
export type CartState = {
  assetIds: Cart;
  add(assetId: bigint): void;
  remove(assetIds: readonly bigint[]): void;
};

/** The cart of chain `chainId`, read from `localStorage` and written back on every change. */
export function useCart(chainId: number): CartState {
  const [assetIds, setAssetIds] = useState(() => readCart(localStorage, chainId));
  useEffect(() => writeCart(localStorage, chainId, assetIds), [chainId, assetIds]);
  const add = useCallback((assetId: bigint) => setAssetIds((cart) => addToCart(cart, assetId)), []);
  const remove = useCallback(
    (ids: readonly bigint[]) => setAssetIds((cart) => removeFromCart(cart, ids)),
    [],
  );
  return { assetIds, add, remove };
}
