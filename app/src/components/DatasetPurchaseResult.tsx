// A confirmed dataset purchase, as its receipt tells it: the licence ids, what each currency was
// charged, and the manifest of those licences to download.
import { useState } from "react";
import type { BuyLicencesReturnType } from "../../../sdk/index.js";
import { useRemix } from "../context.ts";
import { downloadManifest } from "../lib/datasetManifest.ts";
import { errorSentence } from "../lib/errors.ts";
import { formatTokenAmount, useTokens } from "../lib/tokens.ts";

/** What a confirmed purchase bought, and its manifest button. */
export function DatasetPurchaseResult({ result }: { result: BuyLicencesReturnType }) {
  const { deployment, publicClient } = useRemix();
  const tokens = useTokens();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const count = result.licenceIds.length;
  const save = async () => {
    setSaving(true);
    setFailure(null);
    try {
      await downloadManifest(publicClient, deployment, result.licenceIds);
    } catch (error) {
      setFailure(errorSentence(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div role="status" data-testid="purchase-done">
      <p>
        Bought {count} AI-training licence{count === 1 ? "" : "s"} (ids{" "}
        <span data-testid="licence-ids">{result.licenceIds.map(String).join(", ")}</span>) in transaction{" "}
        <span className="mono">{result.receipt.transactionHash}</span>
        {result.totals.length > 0 &&
          `, charged ${result.totals.map((t) => formatTokenAmount(t.amount, t.currency, tokens.data)).join(" + ")}`}
        .
      </p>
      <button onClick={save} disabled={saving}>
        {saving ? "Reading the licences…" : "Download manifest"}
      </button>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
    </div>
  );
}
