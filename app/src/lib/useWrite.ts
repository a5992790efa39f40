// One write's life as a page shows it: waiting for the wallet, sent and pending its receipt,
// confirmed (only on a receipt), declined (a quiet cancel) or failed (the decoded sentence).
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { Hash } from "viem";
import { errorSentence } from "./errors.ts";

/** Where a write is. `step` names what the wallet is asked for when a flow sends several. */
export type WriteState<T> =
  | { kind: "idle" }
  | { kind: "preparing" }
  | { kind: "wallet"; step: string }
  | { kind: "pending"; step: string; hash: Hash }
  | { kind: "confirmed"; result: T }
  | { kind: "cancelled" }
  | { kind: "failed"; message: string };

/** What a flow reports while it runs: the step the wallet is asked for, and each sent hash. */
export type WriteProgress = {
  /** The wallet is asked to send `step` (a short sentence: "Approve 5 dUSD"). */
  step(step: string): void;
  /** Pass as an SDK write's `onSent`: the transaction is sent and waits for its receipt. */
  onSent(hash: Hash): void;
};

/**
 * Runs write flows one at a time and tracks their state; every query is refetched once a flow
 * ends, so totals shown elsewhere follow the chain.
 */
export function useWrite<T>() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<WriteState<T>>({ kind: "idle" });
  const run = useCallback(
    async (flow: (progress: WriteProgress) => Promise<T>): Promise<T | undefined> => {
      let current = "The transaction";
      const progress: WriteProgress = {
        step(step) {
          current = step;
          setState({ kind: "wallet", step });
        },
        onSent(hash) {
          setState({ kind: "pending", step: current, hash });
        },
      };
      setState({ kind: "preparing" });
      try {
        const result = await flow(progress);
        setState({ kind: "confirmed", result });
        return result;
      } catch (error) {
        const message = errorSentence(error);
        setState(message === null ? { kind: "cancelled" } : { kind: "failed", message });
        return undefined;
      } finally {
        // Not awaited: the caller sees the outcome before the pages' reads refresh.
        void queryClient.invalidateQueries();
      }
    },
    [queryClient],
  );
  const reset = useCallback(() => setState({ kind: "idle" }), []);
  const busy = state.kind === "preparing" || state.kind === "wallet" || state.kind === "pending";
  return { state, run, reset, busy };
}
