import { type Address, isAddressEqual } from "viem";
import { ETH } from "./constants.js";
import type { TokenPull } from "./preparedCall.js";
import type { TokenAmount } from "./tokenAmounts.js";

/**
 * An amount in one currency: `ETH` (the zero address) or an allowlisted ERC-20. Prices and price
 * caps use it, as the licensing contract's `CurrencyAmount` struct does; balances and claims use
 * {@link TokenAmount}, as the royalty engine does.
 */
export type CurrencyAmount = {
  currency: Address;
  /** In the currency's smallest unit (wei for ETH). */
  amount: bigint;
};

/**
 * `amounts` added up per currency, in order of first appearance. Zero amounts are left out: a
 * free licence needs no cap, and the contracts accept any cap (or none) for it.
 */
export function sumByCurrency(amounts: readonly CurrencyAmount[]): CurrencyAmount[] {
  const totals: CurrencyAmount[] = [];
  for (const { currency, amount } of amounts) {
    if (amount === 0n) continue;
    const total = totals.find((entry) => isAddressEqual(entry.currency, currency));
    if (total) total.amount += amount;
    else totals.push({ currency, amount });
  }
  return totals;
}

/**
 * The ETH a purchase sends: the sum of its ETH caps. Sending the cap rather than the quoted price
 * lets a purchase succeed at any price up to the cap; the contract refunds what it did not charge.
 */
export function ethAmount(amounts: readonly CurrencyAmount[]): bigint {
  return amounts.reduce(
    (sum, { currency, amount }) => (isAddressEqual(currency, ETH) ? sum + amount : sum),
    0n,
  );
}

/** What a purchase capped at `amounts` may pull from its sender, per ERC-20 (ETH is sent). */
export function erc20Pulls(amounts: readonly CurrencyAmount[], spender: Address): TokenPull[] {
  return sumByCurrency(amounts)
    .filter(({ currency }) => !isAddressEqual(currency, ETH))
    .map(({ currency, amount }) => ({ token: currency, spender, amount }));
}
