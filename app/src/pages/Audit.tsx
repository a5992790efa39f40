// The audit: per token, paid in = claimed + fees withdrawn + claimable + in transit + fees
// accrued, and the contract holds what it owes; the indexer's totals, the event replay and the
// contract's state compared to the wei.
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { auditProtocol, formatDiscrepancy } from "../../../sdk/index.js";
import { useRemix } from "../context.ts";
import { errorSentence } from "../lib/errors.ts";
import { formatTokenAmount, tokenSymbol, useTokens } from "../lib/tokens.ts";

/** `#/audit`. */
export function Audit() {
  const { deployment, indexerUrl, publicClient } = useRemix();
  const tokens = useTokens();
  const audit = useQuery({
    queryKey: ["audit"],
    queryFn: () => auditProtocol(publicClient, { deployment, indexer: indexerUrl }),
  });
  if (audit.error) {
    return (
      <p role="alert" className="error">
        {errorSentence(audit.error)}
      </p>
    );
  }
  if (!audit.isSuccess) return <p aria-busy="true">Replaying every money event…</p>;
  const result = audit.data;
  const amount = (value: bigint, token: Address) => formatTokenAmount(value, token, tokens.data);
  const symbol = (token: Address) => tokenSymbol(token, tokens.data);
  return (
    <section className="card" aria-label="Audit">
      <h2>Audit</h2>
      <p role="status" data-testid="audit-verdict" className={result.ok ? "pass" : "fail"}>
        {result.ok
          ? `Pass: every unit paid in is claimed, withdrawn or owed, the contract holds what it owes, and the indexer, the events and the contract agree.`
          : `Fail: ${result.discrepancies.length} disagreement${result.discrepancies.length === 1 ? "" : "s"} found.`}
      </p>
      <p className="muted">
        At block {String(result.blockNumber)}: {result.assetCount} assets, {result.eventCount} money events replayed,{" "}
        {result.indexerCompared ?? 0} indexed totals compared.{" "}
        <button onClick={() => audit.refetch()} disabled={audit.isFetching}>
          Audit again
        </button>
      </p>
      <table>
        <thead>
          <tr>
            <th>Token</th>
            <th>Paid in</th>
            <th>Claimed</th>
            <th>Fees withdrawn</th>
            <th>Claimable</th>
            <th>In transit</th>
            <th>Fees accrued</th>
            <th>Held by the contract</th>
            <th>Verdict</th>
          </tr>
        </thead>
        <tbody>
          {result.tokens.map((t) => (
            <tr key={t.token} data-testid={`audit-${symbol(t.token)}`}>
              <td>{symbol(t.token)}</td>
              <td>{amount(t.paidIn, t.token)}</td>
              <td>{amount(t.claimed, t.token)}</td>
              <td>{amount(t.feesWithdrawn, t.token)}</td>
              <td>{amount(t.claimable, t.token)}</td>
              <td>{amount(t.inTransit, t.token)}</td>
              <td>{amount(t.feesAccrued, t.token)}</td>
              <td>{amount(t.balance, t.token)}</td>
              <td>
                {t.conserved ? "conserved" : "NOT conserved"}, {t.solvent ? "solvent" : "INSOLVENT"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.discrepancies.length > 0 && (
        <>
          <h3>Disagreements</h3>
          <ul data-testid="discrepancies">
            {result.discrepancies.map((d, i) => (
              <li key={i}>{formatDiscrepancy(d, symbol)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
