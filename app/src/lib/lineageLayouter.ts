// The page's side of the layout worker. The worker lays out one view at a time; the views asked
// for meanwhile wait their turn. A request whose signal aborts (the page moved on to another view)
// rejects at once: if it waits, it never runs; if it runs, its result is dropped, never drawn.
import type { LayoutInput, LineageLayout } from "./lineageLayout.ts";
import type { LayoutRequest, LayoutResponse } from "./lineageLayoutWorker.ts";

/** The part of a `Worker` used here (tests pass a fake). */
export type LayoutWorker = {
  postMessage(request: LayoutRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<LayoutResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

/** Lays out lineages off the main thread. */
export type LineageLayouter = {
  /** The layout of `view`; rejects with an `AbortError` once `signal` aborts. */
  layout(view: LayoutInput, signal?: AbortSignal): Promise<LineageLayout>;
  /** Starts the worker now if it is not running, so that its script loads before it is needed. */
  start(): void;
  /** Stops the worker, rejecting what is pending; a later `layout` starts a new one. */
  terminate(): void;
};

/** Starts the layout worker: its own chunk, with ELK, fetched on the first layout. */
export function spawnLayoutWorker(): LayoutWorker {
  return new Worker(new URL("./lineageLayoutWorker.ts", import.meta.url), { type: "module" });
}

type Job = {
  request: LayoutRequest;
  resolve(layout: LineageLayout): void;
  reject(error: unknown): void;
  /** Resolved, rejected or aborted: whatever the worker answers now is dropped. */
  settled: boolean;
};

/** A layouter over the worker that `spawn` starts when first needed. */
export function createLineageLayouter(
  spawn: () => LayoutWorker = spawnLayoutWorker,
): LineageLayouter {
  let worker: LayoutWorker | undefined;
  let running: Job | undefined;
  const waiting: Job[] = [];
  let nextId = 0;

  const settle = (job: Job, outcome: () => void) => {
    if (job.settled) return;
    job.settled = true;
    outcome();
  };
  const next = () => {
    while (!running && waiting.length > 0) {
      const job = waiting.shift()!;
      if (job.settled) continue;
      running = job;
      worker ??= open();
      worker.postMessage(job.request);
    }
  };
  const failAll = (error: Error) => {
    for (const job of [...(running ? [running] : []), ...waiting.splice(0)]) {
      settle(job, () => job.reject(error));
    }
    running = undefined;
    worker?.terminate();
    worker = undefined;
  };
  const open = () => {
    const started = spawn();
    started.onmessage = ({ data }) => {
      const job = running;
      if (!job || job.request.id !== data.id) return;
      running = undefined;
      settle(job, () =>
        "layout" in data
          ? job.resolve(data.layout)
          : job.reject(new Error(`The layout failed: ${data.error}`)),
      );
      next();
    };
    // The script did not load, or the worker threw outside a layout: nothing pending is answered.
    started.onerror = (event) =>
      failAll(
        new Error(`The layout engine stopped: ${event.message || "its script did not load"}`),
      );
    return started;
  };

  return {
    layout(view, signal) {
      return new Promise<LineageLayout>((resolve, reject) => {
        const abort = () => reject(signal?.reason);
        if (signal?.aborted) return abort();
        const job: Job = {
          // Only what ELK needs crosses to the worker (a caller may pass a whole view).
          request: { id: nextId++, view: { nodeIds: view.nodeIds, edges: view.edges } },
          resolve,
          reject,
          settled: false,
        };
        signal?.addEventListener("abort", () => settle(job, abort), { once: true });
        waiting.push(job);
        next();
      });
    },
    start: () => void (worker ??= open()),
    terminate: () => failAll(new DOMException("The lineage explorer closed", "AbortError")),
  };
}
