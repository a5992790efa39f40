import { type Address, getAddress, isAddressEqual, type TransactionReceipt } from "viem";
import { InvalidParameterError } from "../errors/parameters.js";
import { requireAddress, requireNonEmpty } from "./inputChecks.js";
import { receiptClaims } from "./receiptClaims.js";
import type { CurrencyAmount } from "./currencyTotals.js";

/**
 * An amount of one token (`ETH` is `address(0)`), in its smallest unit: balances, payments and
 * claims, as the royalty engine names them (prices use {@link CurrencyAmount}).
 */
export type TokenAmount = { token: Address; amount: bigint };

/**
 * A token list given by the caller, checked (non-empty, addresses, no repeats) and checksummed
 * as events decode tokens, so amounts computed for it compare equal to amounts read from events.
 */
export function checkedTokens(tokens: readonly Address[]): Address[] {
  requireNonEmpty("tokens", tokens);
  tokens.forEach((token, index) => requireAddress(`tokens[${index}]`, token));
  const checksummed = tokens.map((token) => getAddress(token));
  checksummed.forEach((token, index) => {
    if (checksummed.indexOf(token) !== index) {
      throw new InvalidParameterError({ parameter: `tokens[${index}]`, reason: "is listed twice" });
    }
  });
  return checksummed;
}

/** `tokens` in first-appearance order, without repeats. */
export function uniqueTokens(tokens: readonly Address[]): Address[] {
  return tokens.filter(
    (token, index) => tokens.findIndex((other) => isAddressEqual(other, token)) === index,
  );
}

/** What `protocol`'s `Claimed` events in `receipts` paid, per token in order of first appearance. */
export function claimedTotals(
  receipts: readonly TransactionReceipt[],
  protocol: Address,
): TokenAmount[] {
  const totals: TokenAmount[] = [];
  for (const receipt of receipts) {
    for (const claim of receiptClaims(receipt, protocol)) {
      const total = totals.find(({ token }) => isAddressEqual(token, claim.token));
      if (total) total.amount += claim.amount;
      else totals.push({ token: claim.token, amount: claim.amount });
    }
  }
  return totals;
}
