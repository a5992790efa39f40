import type { Address } from "viem";
import type { TokenReconciliation } from "../../sdk/index.js";
import { formatAmount, formatTable } from "./format.js";

/**
 * An audit's reconciliation as a table, one row per token: paid in, claimed, claimable, in
 * transit, fees (accrued and withdrawn), what the contract holds, and ✓ when the token is
 * conserved and solvent (as `auditProtocol`'s verdict: a surplus someone sent directly is owed to
 * no one and breaks neither).
 */
export function reconciliationTable(
  tokens: readonly TokenReconciliation[],
  describe: (token: Address) => { symbol: string; decimals: number },
): string {
  const rows = tokens.map((t) => {
    const { symbol, decimals } = describe(t.token);
    const cell = (amount: bigint) => formatAmount(amount, decimals);
    return [
      symbol,
      cell(t.paidIn),
      cell(t.claimed),
      cell(t.claimable),
      cell(t.inTransit),
      cell(t.feesAccrued + t.feesWithdrawn),
      cell(t.balance),
      t.conserved && t.solvent ? "✓" : "✗",
    ];
  });
  return formatTable(
    ["token", "paid in", "claimed", "claimable", "in transit", "fees", "contract holds", "ok"],
    rows,
  );
}
