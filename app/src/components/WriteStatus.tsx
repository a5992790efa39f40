// A write's state in words: what the wallet is asked for, the pending transaction, a quiet
// cancel, or the decoded failure. Confirmed results are the caller's to show.
import type { WriteState } from "../lib/useWrite.ts";

/** The status line of a write (nothing when idle or confirmed). */
export function WriteStatus({ state }: { state: WriteState<unknown> }) {
  switch (state.kind) {
    case "preparing":
      return (
        <p aria-busy="true" data-testid="write-status">
          Preparing the transaction…
        </p>
      );
    case "wallet":
      return (
        <p aria-busy="true" data-testid="write-status">
          {state.step}: confirm in your wallet…
        </p>
      );
    case "pending":
      return (
        <p aria-busy="true" data-testid="write-status">
          {state.step}: sent as <span className="mono">{state.hash.slice(0, 10)}…</span>, waiting for its receipt…
        </p>
      );
    case "cancelled":
      return <p className="muted">Cancelled in the wallet: nothing sent.</p>;
    case "failed":
      return (
        <p role="alert" className="error">
          {state.message}
        </p>
      );
    default:
      return null;
  }
}
