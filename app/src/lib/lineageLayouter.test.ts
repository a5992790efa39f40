import { describe, expect, it } from "vitest";
import type { LineageLayout } from "./lineageLayout.ts";
import { createLineageLayouter, type LayoutWorker } from "./lineageLayouter.ts";
import { answerLayout, type LayoutRequest, type LayoutResponse } from "./lineageLayoutWorker.ts";
import { lineageView } from "./lineageView.ts";

const view = lineageView(
  { rootId: 1n, edges: [{ childId: 2n, parentId: 1n, shareBps: 1_000 }] },
  1,
);
const layoutOf = (width: number): LineageLayout => ({ nodes: [], edges: [], width, height: 1 });

/** A worker the test answers by hand, recording what it was sent. */
class FakeWorker implements LayoutWorker {
  posted: LayoutRequest[] = [];
  terminated = false;
  onmessage: LayoutWorker["onmessage"] = null;
  onerror: LayoutWorker["onerror"] = null;
  postMessage(request: LayoutRequest) {
    this.posted.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  answer(response: LayoutResponse) {
    this.onmessage?.({ data: response } as MessageEvent<LayoutResponse>);
  }
}

/** A layouter over fake workers, and the workers it started. */
function fakeLayouter() {
  const workers: FakeWorker[] = [];
  const layouter = createLineageLayouter(() => {
    workers.push(new FakeWorker());
    return workers.at(-1)!;
  });
  return { layouter, workers };
}

describe("createLineageLayouter", () => {
  it("gives the worker's layout, which is layoutLineage's across postMessage", async () => {
    const layouter = createLineageLayouter(() => {
      const worker: LayoutWorker = {
        onmessage: null,
        onerror: null,
        terminate() {},
        postMessage: async (request) => {
          const response = await answerLayout(structuredClone(request));
          worker.onmessage?.({ data: structuredClone(response) } as MessageEvent<LayoutResponse>);
        },
      };
      return worker;
    });
    const answer = await answerLayout({ id: 0, view });
    expect(await layouter.layout(view)).toEqual("layout" in answer && answer.layout);
  });

  it("lays out one view at a time, in order, on one worker started on first use", async () => {
    const { layouter, workers } = fakeLayouter();
    expect(workers).toHaveLength(0);
    const first = layouter.layout(view);
    const second = layouter.layout(view);
    expect(workers).toHaveLength(1);
    const worker = workers[0]!;
    expect(worker.posted.map((r) => r.id)).toEqual([0]);
    // Only what ELK needs is sent.
    expect(Object.keys(worker.posted[0]!.view).sort()).toEqual(["edges", "nodeIds"]);
    worker.answer({ id: 0, layout: layoutOf(1) });
    expect(await first).toEqual(layoutOf(1));
    expect(worker.posted.map((r) => r.id)).toEqual([0, 1]);
    worker.answer({ id: 1, layout: layoutOf(2) });
    expect(await second).toEqual(layoutOf(2));
  });

  it("drops a superseded layout: running, its late result; waiting, it never runs", async () => {
    const { layouter, workers } = fakeLayouter();
    const [a, b] = [new AbortController(), new AbortController()];
    const running = layouter.layout(view, a.signal);
    const waiting = layouter.layout(view, b.signal);
    const latest = layouter.layout(view);
    a.abort();
    b.abort();
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    const worker = workers[0]!;
    worker.answer({ id: 0, layout: layoutOf(1) });
    // The waiting request (id 1) is skipped: the latest goes next.
    expect(worker.posted.map((r) => r.id)).toEqual([0, 2]);
    worker.answer({ id: 2, layout: layoutOf(3) });
    expect(await latest).toEqual(layoutOf(3));
  });

  it("starts the worker ahead of the first layout on request, and lays out on it", async () => {
    const { layouter, workers } = fakeLayouter();
    layouter.start();
    layouter.start();
    expect(workers).toHaveLength(1);
    const layout = layouter.layout(view);
    expect(workers).toHaveLength(1);
    workers[0]!.answer({ id: 0, layout: layoutOf(1) });
    expect(await layout).toEqual(layoutOf(1));
  });

  it("rejects at once a layout whose signal has already aborted, sending nothing", async () => {
    const { layouter, workers } = fakeLayouter();
    await expect(layouter.layout(view, AbortSignal.abort())).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(workers).toHaveLength(0);
  });

  it("turns a failed layout into an error with the worker's reason, and goes on", async () => {
    const { layouter, workers } = fakeLayouter();
    const failing = layouter.layout(view);
    const next = layouter.layout(view);
    workers[0]!.answer({ id: 0, error: "Referenced shape does not exist: 2" });
    await expect(failing).rejects.toThrow("The layout failed: Referenced shape does not exist: 2");
    workers[0]!.answer({ id: 1, layout: layoutOf(1) });
    expect(await next).toEqual(layoutOf(1));
  });

  it("fails everything pending when the worker itself fails, and starts a new one next time", async () => {
    const { layouter, workers } = fakeLayouter();
    const pending = [layouter.layout(view), layouter.layout(view)];
    workers[0]!.onerror?.({ message: "" } as ErrorEvent);
    for (const layout of pending) {
      await expect(layout).rejects.toThrow("The layout engine stopped: its script did not load");
    }
    expect(workers[0]!.terminated).toBe(true);
    const retried = layouter.layout(view);
    expect(workers).toHaveLength(2);
    workers[1]!.answer({ id: 2, layout: layoutOf(1) });
    expect(await retried).toEqual(layoutOf(1));
  });

  it("terminates the worker, rejecting what is pending and ignoring its answers", async () => {
    const { layouter, workers } = fakeLayouter();
    const pending = layouter.layout(view);
    layouter.terminate();
    expect(workers[0]!.terminated).toBe(true);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    const later = layouter.layout(view);
    expect(workers).toHaveLength(2);
    workers[0]!.answer({ id: 0, layout: layoutOf(9) });
    workers[1]!.answer({ id: 1, layout: layoutOf(1) });
    expect(await later).toEqual(layoutOf(1));
  });
});
