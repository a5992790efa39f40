import { type Address, isAddressEqual } from "viem";
import type { Deployment } from "../deployments/deployment.js";
import { IndexerError } from "../errors/indexer.js";
import type { LineageEdge } from "./lineageGraph.js";

// Reads from the project's indexer (`npm run indexer`): the lists and graphs that would otherwise
// take log scans. Its JSON writes every integer as a decimal string; these decode it back.

/** Read actions that can take their lists and graphs from an indexer. */
export type IndexerParameters = {
  /**
   * The base URL of an indexer of this deployment (`npm run indexer` prints it), to take lineage
   * and ownership from it instead of scanning logs. Balances and anything that moves money are
   * still read on chain. The answer is as of the indexer's latest indexed block.
   */
  indexer?: string | undefined;
};

const checked = new Map<string, Promise<void>>();

// The runtime's `fetch` (Node 18+, browsers), typed here: the SDK does not build against DOM types.
type HttpResponse = { ok: boolean; status: number; text(): Promise<string> };
const httpGet = (url: string): Promise<HttpResponse> =>
  (globalThis as unknown as { fetch(url: string): Promise<HttpResponse> }).fetch(url);

/** GETs `path` from the indexer at `url` and parses its JSON answer. */
export async function indexerGet<T>(url: string, path: string): Promise<T> {
  const base = url.replace(/\/+$/, "");
  let response: HttpResponse;
  try {
    response = await httpGet(`${base}${path}`);
  } catch (error) {
    throw new IndexerError(
      { url, reason: `cannot be reached (${String(error)})` },
      { cause: error },
    );
  }
  const text = await response.text();
  if (!response.ok) {
    const message = (() => {
      try {
        return (JSON.parse(text) as { error?: string }).error ?? text;
      } catch {
        return text;
      }
    })();
    throw new IndexerError({
      url,
      status: response.status,
      reason: `answered ${path} with HTTP ${response.status}${message ? `: ${message}` : ""}`,
    });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new IndexerError(
      { url, status: response.status, reason: `answered ${path} with something other than JSON` },
      { cause: error },
    );
  }
}

/**
 * Resolves once the indexer at `url` is known to index `deployment` (same chain and protocol),
 * checked once per URL and deployment; rejects with {@link IndexerError} otherwise.
 */
export function checkIndexer(url: string, deployment: Deployment): Promise<void> {
  const key = `${url}\0${deployment.chainId}\0${deployment.protocol.toLowerCase()}`;
  let check = checked.get(key);
  if (!check) {
    check = indexerGet<{ chainId: number; protocol: Address }>(url, "/deployment").then(
      (indexed) => {
        if (
          indexed.chainId !== deployment.chainId ||
          !isAddressEqual(indexed.protocol, deployment.protocol)
        ) {
          throw new IndexerError({
            url,
            reason: `indexes the protocol ${indexed.protocol} on chain ${indexed.chainId}, not ${deployment.protocol} on chain ${deployment.chainId}`,
          });
        }
      },
    );
    // A failed check is not remembered: the indexer may be starting.
    check.catch(() => checked.delete(key));
    checked.set(key, check);
  }
  return check;
}

/** Decimal strings back to bigints. */
export const bigints = (values: readonly string[]): bigint[] =>
  values.map((value) => BigInt(value));

/** Parent links as the indexer writes them. */
export type IndexedEdge = { childId: string; parentId: string; shareBps: number };

/** An indexed parent link as the SDK's {@link LineageEdge}. */
export const lineageEdge = ({ childId, parentId, shareBps }: IndexedEdge): LineageEdge => ({
  childId: BigInt(childId),
  parentId: BigInt(parentId),
  shareBps,
});
