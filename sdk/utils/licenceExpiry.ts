/** The `expiresAt` the contracts record for a licence that never expires: `type(uint40).max`. */
export const PERPETUAL_EXPIRY = (1n << 40n) - 1n;

/** A contract expiry as the SDK returns it: the timestamp, or `null` for a perpetual licence. */
export function toExpiry(expiresAt: number | bigint): bigint | null {
  const value = BigInt(expiresAt);
  return value === PERPETUAL_EXPIRY ? null : value;
}
