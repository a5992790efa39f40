import type { Address } from "viem";
import type { AuditDiscrepancy } from "../actions/public/auditProtocol.js";

/**
 * One line naming an audit disagreement: where (an asset or the protocol's fees), which field or
 * event, and what each side says, in base units of the token `symbolOf` names.
 *
 * @example
 * audit.discrepancies.map((found) => formatDiscrepancy(found, (token) => symbols.get(token)!));
 * // "asset #3 held in ETH: the contract holds 300, the indexer says 299"
 */
export function formatDiscrepancy(
  found: AuditDiscrepancy,
  symbolOf: (token: Address) => string | undefined,
): string {
  const where = found.assetId === null ? "protocol" : `asset #${found.assetId}`;
  const symbol = symbolOf(found.token) ?? found.token;
  switch (found.kind) {
    case "state":
      return `${where} ${found.field} in ${symbol}: events give ${found.expected}, the contract holds ${found.actual}`;
    case "indexer":
      return `${where} ${found.field} in ${symbol}: the contract holds ${found.expected}, the indexer says ${found.actual}`;
    case "event":
      return `${found.eventName} of asset #${found.assetId} in ${symbol} (tx ${found.transactionHash}): expected ${found.expected}, got ${found.actual}`;
  }
}
