// The two steps of a registration nobody can front-run, shown as such: commit, wait a minute
// (and a block), reveal. The commitment is kept in this browser, so a reload resumes at step 2.
import { useState } from "react";
import type { ApprovalContext } from "../lib/approvals.ts";
import type { FileDigest } from "../lib/fileDigest.ts";
import type { PendingRegistration } from "../lib/pendingRegistrations.ts";
import { commitToRegister, type RegistrationDetails, revealRegistration } from "../lib/registration.ts";
import { href } from "../lib/route.ts";
import { useChainTime } from "../lib/useChainTime.ts";
import { useWrite } from "../lib/useWrite.ts";
import { WriteStatus } from "./WriteStatus.tsx";

type Props = {
  write: { context: ApprovalContext; account: `0x${string}` };
  /** The work as the page shows it now, with its metadata (and, for a remix, the quote on the
   * page): what the commit records and the reveal registers. */
  work?: ({ file: FileDigest } & RegistrationDetails) | undefined;
  /** A commitment already made (resumed from this browser). */
  pending?: PendingRegistration | undefined;
  /** Why the commit cannot be made yet, if it cannot. */
  blocked?: string | null | undefined;
  /** Why the reveal cannot be sent with the page's details, if it cannot. */
  revealBlocked?: string | null | undefined;
  /** Told the new asset's id once its registration's receipt is in. */
  onRegistered?: ((assetId: bigint) => void) | undefined;
};

const time = (seconds: bigint) => new Date(Number(seconds) * 1000).toLocaleTimeString();

/** Commit, then reveal, with each step's state. */
export function RegistrationSteps({ write, work, pending: resumed, blocked, revealBlocked, onRegistered }: Props) {
  const commit = useWrite<PendingRegistration>();
  const reveal = useWrite<bigint>();
  const chainTime = useChainTime();
  const [pending, setPending] = useState(resumed);
  const revealableAt = pending?.revealableAt === undefined ? undefined : BigInt(pending.revealableAt);
  const waiting = revealableAt !== undefined && chainTime !== undefined ? revealableAt - chainTime : undefined;
  const expired = pending?.expiresAt !== undefined && chainTime !== undefined && chainTime > BigInt(pending.expiresAt);
  const live = expired ? undefined : pending;

  const onCommit = async () => {
    if (!work) return;
    const made = await commit.run((progress) =>
      commitToRegister(write.context, write.account, work.file, work, progress),
    );
    if (made) setPending(made);
  };
  const onReveal = async () => {
    if (!pending) return;
    // The page's details when it shows the work, else those kept with the commitment.
    const details = work ?? pending;
    const assetId = await reveal.run((progress) =>
      revealRegistration(write.context, write.account, pending, details, progress),
    );
    if (assetId !== undefined) onRegistered?.(assetId);
  };

  if (reveal.state.kind === "confirmed") {
    const assetId = reveal.state.result;
    return (
      <p role="status" data-testid="registered">
        Registered as <a href={href("asset", assetId)}>asset #{String(assetId)}</a>.{" "}
        <a href={href("terms", assetId)}>Set its terms</a> · <a href={href("lineage", assetId)}>see its lineage</a>
      </p>
    );
  }
  return (
    <ol className="steps" aria-label="Registration steps">
      <li aria-current={live ? undefined : "step"}>
        <strong>Commit.</strong> Records a hash that hides the work, so nobody watching can register it first.{" "}
        {live ? (
          <span data-testid="committed">
            Committed
            {live.expiresAt === undefined
              ? " (sent before its receipt was seen: register once it is mined)."
              : `; it holds the content until ${time(BigInt(live.expiresAt))}.`}
          </span>
        ) : (
          <>
            <button onClick={onCommit} disabled={!work || !!blocked || commit.busy}>
              Commit
            </button>
            {blocked && <span className="muted"> {blocked}</span>}
            <WriteStatus state={commit.state} />
          </>
        )}
      </li>
      <li aria-current={live ? "step" : undefined}>
        <strong>Reveal.</strong> From a minute after the commitment, registers the work and mints it to you.{" "}
        {live && (
          <>
            {waiting !== undefined && waiting > 0n ? (
              <span className="muted" data-testid="reveal-wait">
                Revealable from {time(revealableAt!)} (in {String(waiting)} s of chain time).{" "}
              </span>
            ) : null}
            <button onClick={onReveal} disabled={reveal.busy || !!revealBlocked}>
              Register
            </button>
            {revealBlocked && <span className="muted"> {revealBlocked}</span>}
            <WriteStatus state={reveal.state} />
          </>
        )}
        {expired && <span className="error">The commitment expired: commit again.</span>}
        {!pending && <span className="muted">After step 1.</span>}
      </li>
    </ol>
  );
}
