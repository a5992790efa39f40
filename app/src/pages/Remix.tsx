// Register a remix: pick its parents, set each one's share with its licence minimum and price in
// view, see the total the licences cost (the registration is held to it), then commit and reveal.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  estimateRegisterRemixGas,
  formatBps,
  getTerms,
  InsufficientAllowanceError,
  quoteRemix,
  type QuoteRemixReturnType,
  toRemixError,
  UseKind,
} from "../../../sdk/index.js";
import { FilePicker } from "../components/FilePicker.tsx";
import { ParentSearch } from "../components/ParentSearch.tsx";
import { RegistrationSteps } from "../components/RegistrationSteps.tsx";
import { WorkDetails } from "../components/WorkDetails.tsx";
import { useRemix } from "../context.ts";
import { errorSentence } from "../lib/errors.ts";
import type { FileDigest } from "../lib/fileDigest.ts";
import { loadPending, type PendingRegistration } from "../lib/pendingRegistrations.ts";
import { href } from "../lib/route.ts";
import { formatTokenAmount, useTokens } from "../lib/tokens.ts";
import { useApprovalContext } from "../lib/useApprovalContext.ts";
import { metadataBlock, registrationBlock, showSteps, useRegisteredAs } from "../lib/workChecks.ts";

type Write = NonNullable<ReturnType<typeof useApprovalContext>>;

/** A share typed as a percentage (up to two decimals, as basis points hold) in basis points;
 * `NaN` for anything else ("1e1", "0x1e", "12.345"), which the SDK refuses by name. */
function sharePercentToBps(percent: string): number {
  const text = percent.trim();
  return /^\d{1,3}(\.\d{1,2})?$/.test(text) ? Math.round(Number(text) * 100) : Number.NaN;
}
type ParentRow = { assetId: bigint; percent: string };

/** `#/remix` or `#/remix/<parent id>/...` with parents picked already. */
export function Remix({ parentIds }: { parentIds: string[] }) {
  const write = useApprovalContext();
  if (!write) return <p>Connect your wallet to register a remix.</p>;
  // Each parent once, however often the link names it.
  const ids = [...new Set(parentIds.filter((id) => /^\d+$/.test(id)).map(BigInt))];
  const initial = ids.map((assetId) => ({ assetId, percent: "" }));
  return <RemixWith key={write.account} write={write} initial={initial} />;
}

function RemixWith({ write, initial }: { write: Write; initial: ParentRow[] }) {
  const { deployment } = useRemix();
  const [rows, setRows] = useState<ParentRow[]>(initial);
  const [file, setFile] = useState<FileDigest | null>(null);
  const [metadataUri, setMetadataUri] = useState("");
  const terms = useRemixTerms(rows.map((r) => r.assetId));
  // An empty share means the parent's minimum: what most remixers give.
  const parents = rows.map((row, index) => ({
    assetId: row.assetId,
    shareBps:
      row.percent.trim() === "" ? Math.max(terms.data?.[index]?.minShareBps ?? 0, 1) : sharePercentToBps(row.percent),
  }));
  const quote = useRemixQuote(write, terms.data ? parents : []);
  const duplicate = useRegisteredAs(file);
  // Once registered here, the new asset is the "duplicate": the outcome stays on the page.
  const [registered, setRegistered] = useState<bigint | null>(null);
  const resumedOf = (digest: FileDigest | null) =>
    digest
      ? loadPending(deployment.chainId, write.account).find((p) => p.contentHash === digest.contentHash)
      : undefined;
  const resumed = resumedOf(file);
  // Simulated only before a commitment: once committed, the direct path is refused by design.
  const check = useRemixCheck(write, resumed ? null : file, metadataUri, parents, quote.data);
  // What the reveal registers is what the page shows now: parents, shares, this quote, metadata.
  const revealBlocked =
    (rows.length === 0 && "Add at least one parent.") ||
    metadataBlock(metadataUri) ||
    (quote.error && errorSentence(quote.error)) ||
    (!quote.data && "Quoting the licences…") ||
    (quote.data!.refused.length > 0 && `Asset ${quote.data!.refused.join(", ")} refuses remixes.`) ||
    null;
  const blocked =
    revealBlocked ||
    registrationBlock(file, metadataUri, duplicate) ||
    (check.error && errorSentence(check.error)) ||
    (check.data === undefined && "Checking the registration…") ||
    null;
  const remix: PendingRegistration["remix"] | undefined = quote.data && {
    parents: parents.map((p) => ({ assetId: String(p.assetId), shareBps: p.shareBps })),
    licenceIds: quote.data.licenceIds.map(String),
    termsVersions: quote.data.termsVersions,
    maxPrices: quote.data.maxPrices.map((p) => ({ currency: p.currency, amount: String(p.amount) })),
  };
  const update = (index: number, percent: string) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, percent } : row)));
  return (
    <section className="card" aria-label="Register a remix">
      <h2>Register a remix</h2>
      <ParentSearch
        chosen={rows.map((r) => r.assetId)}
        onAdd={(assetId) => setRows([...rows, { assetId, percent: "" }])}
      />
      <ParentTable
        rows={rows}
        parents={parents}
        terms={terms.data}
        quote={quote.data}
        onShare={update}
        onRemove={(i) => setRows(rows.filter((_, j) => j !== i))}
      />
      <FilePicker
        onDigest={(digest) => {
          setFile(digest);
          setRegistered(null);
          // A commitment kept for this work brings back the metadata it was made with.
          const kept = resumedOf(digest);
          if (kept) setMetadataUri(kept.metadataUri);
        }}
      />
      <WorkDetails
        file={file}
        metadataUri={metadataUri}
        onMetadataUri={setMetadataUri}
        duplicate={registered === null ? duplicate : {}}
      />
      {(registered !== null || showSteps(file, duplicate)) && (
        <RegistrationSteps
          key={`${file?.contentHash ?? "none"}`}
          write={write}
          work={file && remix ? { file, metadataUri, remix } : undefined}
          pending={resumed}
          blocked={blocked}
          revealBlocked={revealBlocked}
          onRegistered={setRegistered}
        />
      )}
    </section>
  );
}

type TableProps = {
  rows: ParentRow[];
  parents: { assetId: bigint; shareBps: number }[];
  terms: Awaited<ReturnType<typeof getTerms>>[] | undefined;
  quote: QuoteRemixReturnType | undefined;
  onShare(index: number, percent: string): void;
  onRemove(index: number): void;
};

function ParentTable({ rows, parents, terms, quote, onShare, onRemove }: TableProps) {
  const tokens = useTokens();
  if (rows.length === 0) return <p className="muted">No parents yet: search for the works this remix uses.</p>;
  return (
    <>
      <table aria-label="Parents">
        <thead>
          <tr>
            <th>Parent</th>
            <th>Remix licence</th>
            <th>Share of this remix's revenue (%)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const t = terms?.[index];
            const held = quote && quote.licenceIds[index] !== 0n;
            return (
              <tr key={String(row.assetId)} data-testid={`parent-${row.assetId}`}>
                <td>
                  <a href={href("asset", row.assetId)}>#{String(row.assetId)}</a>
                </td>
                <td>
                  {!t
                    ? "…"
                    : !t.allowed
                      ? "refuses remixes"
                      : `${held ? "licence held" : formatTokenAmount(t.price, t.currency, tokens.data)} · at least ${formatBps(t.minShareBps)}`}
                </td>
                <td>
                  <input
                    aria-label={`Share for #${row.assetId}`}
                    placeholder={formatBps(parents[index]!.shareBps).replace("%", "")}
                    value={row.percent}
                    onChange={(event) => onShare(index, event.target.value)}
                  />
                </td>
                <td>
                  <button className="quiet" onClick={() => onRemove(index)}>
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {quote && (
        <p data-testid="remix-total">
          The licences cost{" "}
          <strong>
            {quote.totals.length === 0
              ? "nothing"
              : quote.totals.map((t) => formatTokenAmount(t.amount, t.currency, tokens.data)).join(" + ")}
          </strong>
          , bought in the registration itself; it reverts rather than pay more.
        </p>
      )}
    </>
  );
}

/** Each parent's `Remix` terms, read on chain. */
function useRemixTerms(assetIds: bigint[]) {
  const { deployment, publicClient } = useRemix();
  return useQuery({
    queryKey: ["remixTerms", assetIds.map(String)],
    queryFn: () =>
      Promise.all(assetIds.map((assetId) => getTerms(publicClient, { deployment, assetId, kind: UseKind.Remix }))),
  });
}

/** The SDK's quote for these parents and this remixer. */
function useRemixQuote(write: Write, parents: { assetId: bigint; shareBps: number }[]) {
  const { deployment, publicClient } = useRemix();
  return useQuery({
    queryKey: ["remixQuote", write.account, parents.map((p) => `${p.assetId}:${p.shareBps}`)],
    enabled: parents.length > 0,
    queryFn: () => quoteRemix(publicClient, { deployment, parents, remixer: write.account }),
    retry: false,
  });
}

/**
 * The registration simulated on chain (as the direct path, before any commitment), so a share
 * below a minimum or any other refusal shows before the commitment is paid for. A short
 * allowance is not a refusal: the reveal approves first.
 */
function useRemixCheck(
  write: Write,
  file: FileDigest | null,
  metadataUri: string,
  parents: { assetId: bigint; shareBps: number }[],
  quote: QuoteRemixReturnType | undefined,
) {
  const { deployment } = useRemix();
  return useQuery({
    queryKey: [
      "remixCheck",
      write.account,
      file?.contentHash,
      metadataUri,
      parents.map((p) => `${p.assetId}:${p.shareBps}`),
      quote?.termsVersions,
    ],
    enabled: file !== null && metadataUri !== "" && quote !== undefined && quote.refused.length === 0,
    retry: false,
    queryFn: async () => {
      try {
        await estimateRegisterRemixGas(write.context.walletClient, {
          deployment,
          contentHash: file!.contentHash,
          metadataUri,
          parents,
          licenceIds: quote!.licenceIds,
          termsVersions: quote!.termsVersions,
          maxPrices: quote!.maxPrices,
        });
      } catch (error) {
        if (!(toRemixError(error) instanceof InsufficientAllowanceError)) throw error;
      }
      return true;
    },
  });
}
