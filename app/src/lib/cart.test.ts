import { act, renderHook } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import {
  addToCart,
  cartKey,
  type CartStorage,
  readCart,
  removeFromCart,
  useCart,
  writeCart,
} from "./cart.ts";

/** A `localStorage` stand-in. */
function memoryStorage(): CartStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

describe("cart", () => {
  it("adds each asset once, in order, and removes any", () => {
    const cart = [3n, 1n, 3n, 2n].reduce(addToCart, []);
    expect(cart).toEqual([3n, 1n, 2n]);
    expect(removeFromCart(cart, [3n, 2n])).toEqual([1n]);
    expect(removeFromCart(cart, [9n])).toEqual(cart);
  });

  it("keeps one cart per chain, ids as decimal strings", () => {
    const storage = memoryStorage();
    writeCart(storage, 31337, [2n, 10n ** 30n]);
    writeCart(storage, 1, [7n]);
    expect(storage.items.get(cartKey(31337))).toBe(`["2","${10n ** 30n}"]`);
    expect(readCart(storage, 31337)).toEqual([2n, 10n ** 30n]);
    expect(readCart(storage, 1)).toEqual([7n]);
    expect(readCart(storage, 5)).toEqual([]);
  });

  it("reads what is not a list of ids as an empty cart, and skips entries that are not ids", () => {
    const storage = memoryStorage();
    for (const [stored, cart] of [
      ["not json", []],
      ['{"a":1}', []],
      ['["4", 5, "-1", "x", "4", "6"]', [4n, 6n]],
    ] as const) {
      storage.setItem(cartKey(1), stored);
      expect(readCart(storage, 1)).toEqual(cart);
    }
  });

  describe("useCart", () => {
    beforeEach(() => localStorage.clear());

    it("persists the cart of its chain across a reload", () => {
      const first = renderHook(() => useCart(31337));
      act(() => first.result.current.add(5n));
      act(() => first.result.current.add(8n));
      act(() => first.result.current.remove([5n]));
      expect(first.result.current.assetIds).toEqual([8n]);
      first.unmount();
      expect(renderHook(() => useCart(31337)).result.current.assetIds).toEqual([8n]);
      expect(renderHook(() => useCart(1)).result.current.assetIds).toEqual([]);
    });
  });
});
