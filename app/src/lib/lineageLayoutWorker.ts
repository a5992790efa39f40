// The lineage layout's Web Worker: ELK's layered run of a 1,000-node tree takes most of a second,
// here off the page's main thread. Ids stay bigints: structured clone carries them, and the Set of
// a view, as they are.
import { type LayoutInput, type LineageLayout, layoutLineage } from "./lineageLayout.ts";

/** A layout asked of the worker. */
export type LayoutRequest = { id: number; view: LayoutInput };
/** The worker's answer to the request of the same `id`: its layout, or why there is none. */
export type LayoutResponse = { id: number; layout: LineageLayout } | { id: number; error: string };

/** Lays out `request`'s view; an ELK failure becomes the answer's `error`, never a throw. */
export async function answerLayout(request: LayoutRequest): Promise<LayoutResponse> {
  try {
    return { id: request.id, layout: await layoutLineage(request.view) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The part of the worker's global scope used here (the app compiles against the DOM's types). */
type WorkerScope = {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
};

// Assigned after the imports ran on purpose: ELK's bundle, once loaded in a worker, claims
// `self.onmessage` for its own protocol (`new ELK()` in lineageLayout.ts loads it).
const scope = self as unknown as WorkerScope;
scope.onmessage = async ({ data }) => scope.postMessage(await answerLayout(data));
