import { InvalidParameterError } from "../errors/parameters.js";
import { BPS } from "./constants.js";
import { requireBps, requireUint } from "./inputChecks.js";

// A mirror of the contracts' arithmetic (contracts/libraries/RoyaltyMath.sol and
// RoyaltyEngine._coveredSplit), so previews and UIs compute to the wei what the chain will do.

const TEN_THOUSAND = BigInt(BPS);

/** What the engine keeps for one asset in one token (see `royaltyBalance` in the protocol). */
export type RoyaltyBalance = {
  /** Everything held for the asset: its own revenue and what its parents are still owed. */
  held: bigint;
  /** Received and not yet split: what the parents' shares apply to (0 for an original). */
  pendingGross: bigint;
  /** The gross the asset split over its life, modulo 10,000: it fixes the next split's rounding. */
  remainder: bigint;
};

/** The outcome of splitting one balance. */
export type BalanceSplit = {
  /** The part of the pending gross split (all of it unless what is held cannot cover it). */
  gross: bigint;
  /** What each parent receives, in the order of the shares (registration order). */
  amounts: bigint[];
  /** Their total. */
  forwarded: bigint;
  /** The asset's balance afterwards. */
  balance: RoyaltyBalance;
};

/**
 * What a receiver of `bps` is owed of `amount` added to a running total whose value modulo 10,000
 * is `remainder`: `floor((T + amount) * bps / 10,000) - floor(T * bps / 10,000)`. Summed over any
 * chunking of a total, the increments add up to `floor(total * bps / 10,000)`.
 *
 * @example
 * roundingIncrement(0n, 3n, 3_000); // 0n
 * roundingIncrement(9_999n, 3n, 3_000); // 1n
 */
export function roundingIncrement(remainder: bigint, amount: bigint, bps: number): bigint {
  requireUint("remainder", remainder, 14);
  requireUint("amount", amount);
  requireBps("bps", bps);
  const weight = BigInt(bps);
  return ((remainder + amount) * weight) / TEN_THOUSAND - (remainder * weight) / TEN_THOUSAND;
}

/** A running total's remainder modulo 10,000 once `amount` is added to it. */
export function advanceRemainder(remainder: bigint, amount: bigint): bigint {
  return (remainder + amount) % TEN_THOUSAND;
}

/**
 * The protocol fees of payments made in order in one token, given the token's `grossRemainder`
 * (see `accruedFees`): each is the increment of `floor(lifetime gross paid * fee)`, so their total
 * does not depend on how the payments are chunked.
 *
 * @example
 * paymentFees([9n, 9n], 1_000, 0n); // { fees: [0n, 1n], grossRemainder: 18n }
 */
export function paymentFees(
  amounts: readonly bigint[],
  feeBps: number,
  grossRemainder: bigint,
): { fees: bigint[]; grossRemainder: bigint } {
  let remainder = grossRemainder;
  const fees = amounts.map((amount) => {
    const fee = roundingIncrement(remainder, amount, feeBps);
    remainder = advanceRemainder(remainder, amount);
    return fee;
  });
  return { fees, grossRemainder: remainder };
}

/**
 * The protocol fee on one payment of `amount` when the token's gross remainder is
 * `grossRemainder` (default 0: the fee on a first payment, `floor(amount * feeBps / 10,000)`).
 *
 * @example
 * protocolFee(1_000_003n, 1_000); // 100_000n
 */
export function protocolFee(amount: bigint, feeBps: number, grossRemainder = 0n): bigint {
  return roundingIncrement(grossRemainder, amount, feeBps);
}

/**
 * Each parent's part of `gross` split after a lifetime split gross of `remainder` modulo 10,000,
 * for shares `sharesBps` (in registration order): each rounds on its own, so over a remix's life
 * parent i receives exactly `floor(G * s_i / 10,000)` of everything G it split.
 *
 * @example
 * parentParts(10n, [3_333, 3_333, 3_334]); // [3n, 3n, 3n]
 */
export function parentParts(gross: bigint, sharesBps: readonly number[], remainder = 0n): bigint[] {
  requireUint("gross", gross);
  let total = 0;
  sharesBps.forEach((shareBps, index) => {
    requireBps(`sharesBps[${index}]`, shareBps);
    total += shareBps;
  });
  if (total > BPS) {
    throw new InvalidParameterError({ parameter: "sharesBps", reason: "add up to over 10,000" });
  }
  return sharesBps.map((shareBps) => roundingIncrement(remainder, gross, shareBps));
}

/**
 * What a claim pays from `balance` once the asset is split: everything held, unless part of the
 * pending gross stayed unsplit (what is held does not cover it), when all of it is owed to the
 * parents and a claim pays nothing.
 */
export function claimable(balance: RoyaltyBalance): bigint {
  return balance.pendingGross === 0n ? balance.held : 0n;
}

const sum = (values: readonly bigint[]) => values.reduce((total, value) => total + value, 0n);

/**
 * What `split` does with a balance: the parents receive their parts of the pending gross, unless
 * together they are owed more than is held (a tiny split among many parents); then only the
 * largest covered part of the pending gross is split and the rest stays pending.
 *
 * @example
 * splitBalance({ held: 900_003n, pendingGross: 1_000_003n, remainder: 0n }, [2_000]);
 * // { gross: 1_000_003n, amounts: [200_000n], forwarded: 200_000n,
 * //   balance: { held: 700_003n, pendingGross: 0n, remainder: 3n } }
 */
export function splitBalance(balance: RoyaltyBalance, sharesBps: readonly number[]): BalanceSplit {
  requireUint("held", balance.held);
  requireUint("pendingGross", balance.pendingGross);
  const owed = (gross: bigint) => parentParts(gross, sharesBps, balance.remainder);
  let gross = balance.pendingGross;
  let amounts = owed(gross);
  if (sum(amounts) > balance.held) {
    // Owed only grows with the gross split; owed(low) <= held < owed(high).
    let low = 0n;
    let high = gross;
    while (high - low > 1n) {
      const middle = low + (high - low) / 2n;
      if (sum(owed(middle)) <= balance.held) low = middle;
      else high = middle;
    }
    gross = low;
    amounts = owed(gross);
  }
  const forwarded = sum(amounts);
  return { gross, amounts, forwarded, balance: balanceAfterSplit(balance, gross, forwarded) };
}

/**
 * What claiming the asset pays from `balance`: a claim splits the asset first (its parents' shares
 * `sharesBps`, in registration order), then pays what is left {@link claimable}.
 */
export function claimPays(balance: RoyaltyBalance, sharesBps: readonly number[]): bigint {
  return claimable(
    balance.pendingGross === 0n ? balance : splitBalance(balance, sharesBps).balance,
  );
}

/** An empty balance: an asset and token the engine has never credited. */
export const EMPTY_BALANCE: Readonly<RoyaltyBalance> = {
  held: 0n,
  pendingGross: 0n,
  remainder: 0n,
};

/**
 * A balance once money reaches it (a payment's `net` of fee, or a parent's part of a child's
 * split, where `gross` and `net` are equal): held at once, and, for a remix, also pending until
 * split, since its parents' shares apply to the `gross`.
 */
export function balanceAfterCredit(
  balance: RoyaltyBalance,
  gross: bigint,
  net: bigint,
  isRemix: boolean,
): RoyaltyBalance {
  return {
    held: balance.held + net,
    pendingGross: isRemix ? balance.pendingGross + gross : 0n,
    remainder: balance.remainder,
  };
}

/** The splitting asset's balance once a split of `gross` sent `forwarded` to its parents. */
export function balanceAfterSplit(
  balance: RoyaltyBalance,
  gross: bigint,
  forwarded: bigint,
): RoyaltyBalance {
  return {
    held: balance.held - forwarded,
    pendingGross: balance.pendingGross - gross,
    remainder: advanceRemainder(balance.remainder, gross),
  };
}

/** A balance once a claim paid `amount` of it out. */
export function balanceAfterClaim(balance: RoyaltyBalance, amount: bigint): RoyaltyBalance {
  return { ...balance, held: balance.held - amount };
}
