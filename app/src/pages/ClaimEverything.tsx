// Claim everything: the gas-free preview first (amounts, transactions, what is skipped and why),
// then the plan sent from the wallet with progress per transaction; done only on receipts.
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Address } from "viem";
import { useWalletClient } from "wagmi";
import {
  claimAll,
  type ClaimAllReturnType,
  claimAllTransactionCount,
  previewClaimAll,
  type PreviewClaimAllReturnType,
} from "../../../sdk/index.js";
import { useRemix } from "../context.ts";
import { errorSentence } from "../lib/errors.ts";
import { formatTokenAmount, tokenSymbol, useTokens } from "../lib/tokens.ts";

type Step =
  | { kind: "idle" }
  | { kind: "previewing" }
  | { kind: "preview"; preview: PreviewClaimAllReturnType; transactions: number }
  | { kind: "sending"; done: number; total: number }
  | { kind: "done"; result: ClaimAllReturnType }
  | { kind: "cancelled" }
  | { kind: "failed"; message: string };

const SKIP_REASONS = {
  reachesNothing: "it would bring your assets nothing",
  belowThreshold: "it would bring less than its gas costs",
} as const;

/** The Claim everything button and its preview, progress and outcome. */
export function ClaimEverything({ owner }: { owner: Address }) {
  const { deployment, indexerUrl, publicClient } = useRemix();
  const { data: walletClient } = useWalletClient();
  const tokens = useTokens();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const amount = (value: bigint, token: Address) => formatTokenAmount(value, token, tokens.data);
  const fail = (error: unknown) => {
    const message = errorSentence(error);
    setStep(message === null ? { kind: "cancelled" } : { kind: "failed", message });
  };

  const preview = async () => {
    setStep({ kind: "previewing" });
    try {
      const result = await previewClaimAll(publicClient, {
        deployment,
        indexer: indexerUrl,
        owner,
      });
      setStep({ kind: "preview", preview: result, transactions: claimAllTransactionCount(result) });
    } catch (error) {
      fail(error);
    }
  };

  const send = async () => {
    if (!walletClient) return;
    setStep({ kind: "sending", done: 0, total: step.kind === "preview" ? step.transactions : 0 });
    try {
      const result = await claimAll(walletClient, {
        deployment,
        indexer: indexerUrl,
        onTransaction: (_, done, total) => setStep({ kind: "sending", done, total }),
      });
      setStep({ kind: "done", result });
    } catch (error) {
      fail(error);
    } finally {
      await queryClient.invalidateQueries();
    }
  };

  return (
    <section className="card" aria-label="Claim everything">
      <h2>Claim everything</h2>
      {(step.kind === "idle" || step.kind === "cancelled" || step.kind === "failed") && (
        <button onClick={preview}>Preview claim</button>
      )}
      {step.kind === "cancelled" && <p className="muted">Cancelled in the wallet: nothing sent.</p>}
      {step.kind === "failed" && (
        <p role="alert" className="error">
          {step.message}
        </p>
      )}
      {step.kind === "previewing" && <p aria-busy="true">Computing the plan (no gas)…</p>}
      {step.kind === "preview" && (
        <div aria-label="Claim preview">
          {step.preview.totals.length === 0 ? (
            <p>Nothing to claim yet.</p>
          ) : (
            <>
              <p>
                You would receive{" "}
                <strong data-testid="preview-total">
                  {step.preview.totals.map((t) => amount(t.amount, t.token)).join(" + ")}
                </strong>{" "}
                in {step.transactions} transaction{step.transactions === 1 ? "" : "s"} (
                {step.preview.splitPlan.assetIds.length} splits, then {step.preview.claimPlan.assetIds.length} claims).
              </p>
              {step.preview.skippedSplits.length > 0 && (
                <details>
                  <summary>{step.preview.skippedSplits.length} splits skipped</summary>
                  <ul>
                    {step.preview.skippedSplits.map((s) => (
                      <li key={`${s.assetId}:${s.token}`}>
                        Asset {String(s.assetId)} in {tokenSymbol(s.token, tokens.data)}: {SKIP_REASONS[s.reason]} (
                        {amount(s.value, s.token)})
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {step.preview.skippedClaims.length > 0 && (
                <p className="muted">
                  {step.preview.skippedClaims.length} claims skipped: each pays less than its gas.
                </p>
              )}
              <button onClick={send} disabled={!walletClient}>
                Claim {step.preview.totals.map((t) => amount(t.amount, t.token)).join(" + ")}
              </button>{" "}
              <button className="quiet" onClick={() => setStep({ kind: "idle" })}>
                Not now
              </button>
            </>
          )}
        </div>
      )}
      {step.kind === "sending" && (
        <p aria-busy="true" data-testid="claim-progress">
          {step.done < step.total
            ? `Transaction ${step.done + 1} of ${step.total}: confirm in your wallet, then wait for its receipt…`
            : "Confirming…"}
        </p>
      )}
      {step.kind === "done" && (
        <p role="status" data-testid="claim-done">
          {step.result.claimed.length === 0
            ? "Nothing was claimed."
            : `Claimed ${step.result.claimed.map((t) => amount(t.amount, t.token)).join(" + ")} in ${step.result.transactions.length} transaction${step.result.transactions.length === 1 ? "" : "s"}.`}
          {step.result.failed.map((f) => (
            <span key={f.token} className="error">
              {" "}
              {tokenSymbol(f.token, tokens.data)} was left out: {errorSentence(f.error)}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
