/**
 * Basis points as a percentage with two decimals, in integer arithmetic.
 *
 * @example
 * formatBps(1_234); // "12.34%"
 */
export function formatBps(bps: number): string {
  return `${Math.floor(bps / 100)}.${String(bps % 100).padStart(2, "0")}%`;
}
