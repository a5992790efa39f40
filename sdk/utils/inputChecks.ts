import { type Address, type Hex, isAddress } from "viem";
import { InvalidParameterError } from "../errors/parameters.js";
import { BPS } from "./constants.js";

// These checks only refuse what could never be a valid call (what would fail to encode, or is
// meaningless); everything that depends on chain state is left to the contract's own errors.

/** `value` must be a bigint in [`min`, 2^`bits` - 1]: the range of the Solidity type it encodes to. */
export function requireUint(parameter: string, value: bigint, bits = 256, min = 0n): void {
  if (typeof value !== "bigint" || value < min || value >= 1n << BigInt(bits)) {
    throw new InvalidParameterError({
      parameter,
      reason: `must be a bigint from ${min} to 2^${bits} - 1`,
    });
  }
}

/** `value` must be a bigint that fits a `uint256` (an amount or an asset id). */
export function requireUint256(parameter: string, value: bigint): void {
  requireUint(parameter, value);
}

/** `value` must be an address (any checksum casing). */
export function requireAddress(parameter: string, value: Address): void {
  if (typeof value !== "string" || !isAddress(value, { strict: false })) {
    throw new InvalidParameterError({ parameter, reason: `${String(value)} is not an address` });
  }
}

/** `value` must be an integer number of basis points from `min` to 10,000. */
export function requireBps(parameter: string, value: number, min = 0): void {
  if (!Number.isInteger(value) || value < min || value > BPS) {
    throw new InvalidParameterError({
      parameter,
      reason: `must be an integer number of basis points from ${min} to ${BPS}`,
    });
  }
}

/** `values` must have at least one item: an empty batch would be a transaction that does nothing. */
export function requireNonEmpty(parameter: string, values: readonly unknown[]): void {
  if (!Array.isArray(values) || values.length === 0) {
    throw new InvalidParameterError({ parameter, reason: "must not be empty" });
  }
}

/** Checks every asset id and token of a batch (non-empty lists). */
export function requireAssetsAndTokens(
  assetIds: readonly bigint[],
  tokens: readonly Address[],
): void {
  requireNonEmpty("assetIds", assetIds);
  requireNonEmpty("tokens", tokens);
  assetIds.forEach((assetId, index) => requireUint256(`assetIds[${index}]`, assetId));
  tokens.forEach((token, index) => requireAddress(`tokens[${index}]`, token));
}

const BYTES32 = /^0x[0-9a-fA-F]{64}$/;

/** `value` must be 32 bytes of hex (a content hash). */
export function requireBytes32(parameter: string, value: Hex): void {
  if (typeof value !== "string" || !BYTES32.test(value)) {
    throw new InvalidParameterError({ parameter, reason: "must be 32 bytes of hex" });
  }
}

/** Refuses a commitment salt that is not 32 bytes of hex, or is zero (the direct path's). */
export function requireSalt(salt: Hex): void {
  if (typeof salt !== "string" || !BYTES32.test(salt) || BigInt(salt) === 0n) {
    throw new InvalidParameterError({
      parameter: "salt",
      reason: "must be 32 non-zero bytes of hex (the salt of a commitment)",
    });
  }
}
