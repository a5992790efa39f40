// One use kind's terms, as its owner publishes them: allow or refuse, price and currency,
// duration, remix minimum share, terms document. Publishing makes a new version.
import { useState } from "react";
import { formatUnits, type Hex, parseUnits, zeroHash } from "viem";
import { BPS, type LicenceTermsInput, setTerms, type VersionedTerms } from "../../../sdk/index.js";
import type { ApprovalContext } from "../lib/approvals.ts";
import type { FileDigest } from "../lib/fileDigest.ts";
import type { TokenInfo } from "../lib/tokens.ts";
import type { KindInfo } from "../lib/useKinds.ts";
import { useWrite } from "../lib/useWrite.ts";
import { FilePicker } from "./FilePicker.tsx";
import { WriteStatus } from "./WriteStatus.tsx";

type Props = {
  assetId: bigint;
  info: KindInfo;
  current: VersionedTerms;
  tokens: readonly TokenInfo[];
  write: { context: ApprovalContext } | null;
};

/** The form of one kind's terms, filled with the current version. */
export function TermsForm({ assetId, info, current, tokens, write }: Props) {
  const found = tokens.find((t) => t.address.toLowerCase() === current.currency.toLowerCase());
  const known = found ?? tokens[0]!;
  const [allowed, setAllowed] = useState(current.allowed);
  const [currency, setCurrency] = useState(known.address);
  // A price in a token the app does not know is not shown in another's units: it is typed again.
  const [price, setPrice] = useState(found ? formatUnits(current.price, found.decimals) : "");
  const [days, setDays] = useState(String(Number(current.duration) / 86_400));
  const [minShare, setMinShare] = useState(String(current.minShareBps / 100));
  const [documentUri, setDocumentUri] = useState(current.documentUri);
  const [document, setDocument] = useState<FileDigest | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const publish = useWrite<number>();

  const submit = () => {
    const token = tokens.find((t) => t.address === currency)!;
    const terms = termsInput({
      allowed,
      token,
      price,
      days,
      minShare,
      documentUri,
      info,
      documentHash: document?.contentHash ?? current.documentHash,
    });
    if (typeof terms === "string") return setInvalid(terms);
    setInvalid(null);
    void publish.run(async (progress) => {
      progress.step(`Publish ${info.label} terms`);
      const { version } = await setTerms(write!.context.walletClient, {
        deployment: write!.context.deployment,
        assetId,
        kind: info.kind,
        terms,
        onSent: progress.onSent,
      });
      return version;
    });
  };
  const id = `terms-${info.name}`;
  return (
    <form
      className="card terms"
      aria-label={`${info.label} terms`}
      data-testid={id}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3>
        {info.label} <span className="muted">version {current.version || "none"}</span>
      </h3>
      {!found && (
        <p role="alert" className="error">
          The terms in force are priced in {current.currency}, a token not on the list: publishing replaces them with
          the currency and price chosen here.
        </p>
      )}
      <label className="field">
        <input
          type="checkbox"
          aria-label={`${info.label} allowed`}
          checked={allowed}
          onChange={(e) => setAllowed(e.target.checked)}
        />{" "}
        Allowed
      </label>
      {allowed && (
        <>
          <label className="field">
            Price{info.kind === 0 ? " per view" : " per licence"}{" "}
            <input aria-label={`${info.label} price`} value={price} onChange={(e) => setPrice(e.target.value)} />{" "}
            <select
              aria-label={`${info.label} currency`}
              value={currency}
              onChange={(e) => setCurrency(e.target.value as Hex)}
            >
              {tokens
                .filter((t) => t.allowed)
                .map((t) => (
                  <option key={t.address} value={t.address}>
                    {t.symbol}
                  </option>
                ))}
            </select>
          </label>
          {info.hasDuration && (
            <label className="field">
              Licence lasts (days, 0 = perpetual){" "}
              <input aria-label={`${info.label} duration`} value={days} onChange={(e) => setDays(e.target.value)} />
            </label>
          )}
          {info.hasMinShare && (
            <label className="field">
              Least share a remix gives this work (%){" "}
              <input aria-label="Remix minimum share" value={minShare} onChange={(e) => setMinShare(e.target.value)} />
            </label>
          )}
          <label className="field">
            Terms document URI{" "}
            <input
              aria-label={`${info.label} document`}
              value={documentUri}
              onChange={(e) => setDocumentUri(e.target.value)}
            />
          </label>
          <details>
            <summary>
              Terms document hash{" "}
              {document ? document.contentHash : current.documentHash === zeroHash ? "(none)" : current.documentHash}
            </summary>
            <FilePicker onDigest={setDocument} />
          </details>
        </>
      )}
      <button type="submit" disabled={!write || publish.busy}>
        Publish {info.label} terms
      </button>
      {invalid && (
        <p role="alert" className="error">
          {invalid}
        </p>
      )}
      <WriteStatus state={publish.state} />
      {publish.state.kind === "confirmed" && (
        <p role="status" data-testid={`${id}-published`}>
          Published as version {publish.state.result}.
        </p>
      )}
    </form>
  );
}

type Fields = {
  allowed: boolean;
  token: TokenInfo;
  price: string;
  days: string;
  minShare: string;
  documentUri: string;
  documentHash: Hex;
  info: KindInfo;
};

/** The SDK's terms from the form, or the sentence saying which field is wrong. */
function termsInput(fields: Fields): LicenceTermsInput | string {
  const { allowed, token, info } = fields;
  if (!allowed) return { allowed: false };
  // Plain decimals only: `parseUnits` would round digits past the token's decimals away (a
  // price of 0.0000004 dUSD would publish as free), and `Number` takes "1e3" and "0x10".
  const priceText = fields.price.trim();
  const decimals = token.decimals > 0 ? `(\\.\\d{1,${token.decimals}})?` : "";
  if (!new RegExp(`^\\d+${decimals}$`).test(priceText)) {
    return `The price must be a number of ${token.symbol} with at most ${token.decimals} decimals, as in 1.5.`;
  }
  const price = parseUnits(priceText, token.decimals);
  const daysText = fields.days.trim();
  if (info.hasDuration && !/^\d+(\.\d+)?$/.test(daysText)) {
    return "The duration must be a number of days (0 for perpetual).";
  }
  const days = Number(daysText);
  const shareText = fields.minShare.trim();
  const minShareBps = Math.round(Number(shareText) * 100);
  if (info.hasMinShare && !(/^\d{1,3}(\.\d{1,2})?$/.test(shareText) && minShareBps <= BPS)) {
    return "The minimum share must be a percentage from 0 to 100, with at most two decimals.";
  }
  return {
    allowed,
    currency: token.address,
    price,
    duration: info.hasDuration ? BigInt(Math.round(days * 86_400)) : 0n,
    minShareBps: info.hasMinShare ? minShareBps : 0,
    documentHash: fields.documentHash,
    documentUri: fields.documentUri,
  };
}
