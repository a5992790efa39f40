import { InvalidParameterError } from "../errors/parameters.js";
import { BPS } from "./constants.js";
import { requireBps, requireUint } from "./inputChecks.js";

// A mirror of the contracts' arithmetic (contracts/libraries/RoyaltyMath.sol and
// RoyaltyEngine._split), so previews and UIs compute to the wei what the chain will do.

const TEN_THOUSAND = BigInt(BPS);

/** An asset's splittable balance in one token (see `splittableBalance` in the protocol). */
export type SplittableBalance = {
  /** What the parents' shares apply to. */
  gross: bigint;
  /** What is actually held: `gross` less the fees of direct payments. */
  net: bigint;
};

/** The outcome of splitting one splittable balance. */
export type BalanceSplit = {
  /** What each parent receives, in the order of the shares (registration order). */
  forwarded: bigint[];
  /** What the splitting asset keeps (credited to its collectable balance): `net - sum(forwarded)`. */
  kept: bigint;
};

/**
 * The protocol fee on a payment of `amount`: `floor(amount * feeBps / 10,000)`.
 *
 * @example
 * protocolFee(1_000_003n, 1_000); // 100_000n
 */
export function protocolFee(amount: bigint, feeBps: number): bigint {
  requireUint("amount", amount);
  requireBps("feeBps", feeBps);
  return (amount * BigInt(feeBps)) / TEN_THOUSAND;
}

/**
 * What receiver i gets of `amount` when the receivers before it hold `cumulativeBeforeBps` in
 * total and it holds `shareBps`: `floor(amount * c_i / 10,000) - floor(amount * c_{i-1} / 10,000)`.
 */
export function cumulativeShare(
  amount: bigint,
  cumulativeBeforeBps: number,
  shareBps: number,
): bigint {
  const before = BigInt(cumulativeBeforeBps);
  return (amount * (before + BigInt(shareBps))) / TEN_THOUSAND - (amount * before) / TEN_THOUSAND;
}

/**
 * Each parent's part of `gross` for shares `sharesBps` (in registration order). The parts add up
 * to exactly `floor(gross * sum(sharesBps) / 10,000)`; the rounding remainder stays with the child.
 *
 * @example
 * parentParts(10n, [3_333, 3_333, 3_334]); // [3n, 3n, 4n]
 */
export function parentParts(gross: bigint, sharesBps: readonly number[]): bigint[] {
  requireUint("gross", gross);
  let cumulative = 0;
  return sharesBps.map((shareBps, index) => {
    requireBps(`sharesBps[${index}]`, shareBps);
    const part = cumulativeShare(gross, cumulative, shareBps);
    cumulative += shareBps;
    if (cumulative > BPS) {
      throw new InvalidParameterError({ parameter: "sharesBps", reason: "add up to over 10,000" });
    }
    return part;
  });
}

/**
 * What `split` does with a splittable balance: parents receive their parts of `gross`, the asset
 * keeps `net` less what was forwarded.
 *
 * @example
 * splitBalance({ gross: 1_000_003n, net: 900_003n }, [2_000]);
 * // { forwarded: [200_000n], kept: 700_003n }
 */
export function splitBalance(
  balance: SplittableBalance,
  sharesBps: readonly number[],
): BalanceSplit {
  requireUint("net", balance.net);
  const forwarded = parentParts(balance.gross, sharesBps);
  const kept = balance.net - forwarded.reduce((sum, part) => sum + part, 0n);
  // The contract guarantees this for real balances (shares plus the fee cap never exceed 100%).
  if (kept < 0n) {
    throw new InvalidParameterError({ parameter: "balance", reason: "forwards more than net" });
  }
  return { forwarded, kept };
}
