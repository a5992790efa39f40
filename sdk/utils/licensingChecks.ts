import { InvalidParameterError } from "../errors/parameters.js";
import { UseKind } from "./constants.js";
import type { CurrencyAmount } from "./currencyTotals.js";
import { requireAddress, requireUint256 } from "./inputChecks.js";

const USE_KINDS: readonly number[] = Object.values(UseKind);

/** Refuses a `kind` that is not one of {@link UseKind}'s values. */
export function assertUseKind(kind: number, parameter = "kind"): asserts kind is UseKind {
  if (!USE_KINDS.includes(kind)) {
    throw new InvalidParameterError({
      parameter,
      reason: `${String(kind)} is not a UseKind (0 to ${USE_KINDS.length - 1})`,
    });
  }
}

/** Refuses an array whose length differs from `expected`, the number of `of` it goes with. */
export function assertLength(
  items: readonly unknown[],
  expected: number,
  parameter: string,
  of = "parents",
): void {
  if (items.length !== expected) {
    throw new InvalidParameterError({
      parameter,
      reason: `has ${items.length} entries for ${expected} ${of}`,
    });
  }
}

/** Refuses a terms version that is not a whole number a `uint32` holds. */
export function assertTermsVersion(version: number, parameter: string): void {
  if (!Number.isSafeInteger(version) || version < 0 || version > 0xffff_ffff) {
    throw new InvalidParameterError({
      parameter,
      reason: `${String(version)} is not a terms version (a whole number from 0 to 4,294,967,295)`,
    });
  }
}

/** Refuses a cap whose currency is not an address or whose amount is not a uint256. */
export function assertCurrencyAmount(cap: CurrencyAmount, parameter: string): void {
  if (typeof cap !== "object" || cap === null) {
    throw new InvalidParameterError({ parameter, reason: "must be { currency, amount }" });
  }
  requireAddress(`${parameter}.currency`, cap.currency);
  requireUint256(`${parameter}.amount`, cap.amount);
}
