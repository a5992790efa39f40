// How each event moves an asset's running totals in one token. The balance itself (`held`,
// `pendingGross`, `splitRemainder`) moves by the SDK's mirror of the engine's rules; the other
// totals only add up what the events carry, so the indexing functions only load and store rows.
import {
  balanceAfterClaim,
  balanceAfterCredit,
  balanceAfterSplit,
  type RoyaltyBalance,
} from "../../sdk/utils/splitMath.js";

/** The running totals of one asset in one token (the `asset_token_total` row without its key). */
export type Totals = {
  paidGross: bigint;
  fees: bigint;
  receivedDirect: bigint;
  receivedFromSplits: bigint;
  forwardedToParents: bigint;
  splitGross: bigint;
  claimed: bigint;
  held: bigint;
  pendingGross: bigint;
  splitRemainder: bigint;
};

export const ZERO_TOTALS: Readonly<Totals> = {
  paidGross: 0n,
  fees: 0n,
  receivedDirect: 0n,
  receivedFromSplits: 0n,
  forwardedToParents: 0n,
  splitGross: 0n,
  claimed: 0n,
  held: 0n,
  pendingGross: 0n,
  splitRemainder: 0n,
};

const balanceOf = ({ held, pendingGross, splitRemainder }: Totals): RoyaltyBalance => ({
  held,
  pendingGross,
  remainder: splitRemainder,
});

const withBalance = (
  totals: Totals,
  { held, pendingGross, remainder }: RoyaltyBalance,
): Totals => ({
  ...totals,
  held,
  pendingGross,
  splitRemainder: remainder,
});

/** A paid use (`Paid`): the asset holds the net; a remix owes its parents shares of the gross. */
export function afterPayment(
  totals: Totals,
  amount: bigint,
  fee: bigint,
  isRemix: boolean,
): Totals {
  const net = amount - fee;
  return withBalance(
    {
      ...totals,
      paidGross: totals.paidGross + amount,
      fees: totals.fees + fee,
      receivedDirect: totals.receivedDirect + net,
    },
    balanceAfterCredit(balanceOf(totals), amount, net, isRemix),
  );
}

/** The splitting asset's side of a `Split`: `gross` split, `forwarded` sent to its parents. */
export function afterSplit(totals: Totals, gross: bigint, forwarded: bigint): Totals {
  return withBalance(
    {
      ...totals,
      splitGross: totals.splitGross + gross,
      forwardedToParents: totals.forwardedToParents + forwarded,
    },
    balanceAfterSplit(balanceOf(totals), gross, forwarded),
  );
}

/** A parent's side of a `Split` (a forwarded amount carries no fee: gross and net alike). */
export function afterSplitReceived(totals: Totals, amount: bigint, isRemix: boolean): Totals {
  return withBalance(
    { ...totals, receivedFromSplits: totals.receivedFromSplits + amount },
    balanceAfterCredit(balanceOf(totals), amount, amount, isRemix),
  );
}

/** One asset's entry of a `Claimed`. */
export function afterClaim(totals: Totals, amount: bigint): Totals {
  return withBalance(
    { ...totals, claimed: totals.claimed + amount },
    balanceAfterClaim(balanceOf(totals), amount),
  );
}
