// What the page needs to know before it renders: where the node and the indexer are (the app
// server forwards both on its own origin) and which deployment the indexer indexes.
import { getAddress } from "viem";
import type { Deployment } from "../../sdk/index.js";

/** The app's runtime configuration. */
export type AppConfig = {
  deployment: Deployment;
  /** The indexer's base URL (the app server's `/indexer`). */
  indexerUrl: string;
  /** JSON-RPC for reads (the app server's `/rpc`). */
  rpcUrl: string;
  /** The node's own URL, for a wallet's network settings. */
  nodeUrl: string;
};

/** Loads the configuration from the app server and the indexer it forwards to. */
export async function loadAppConfig(origin: string = window.location.origin): Promise<AppConfig> {
  const indexerUrl = `${origin}/indexer`;
  const [server, indexed] = await Promise.all([
    fetchJson<{ nodeUrl: string }>(`${origin}/config.json`),
    fetchJson<{
      chainId: number;
      protocol: string;
      licensing: string;
      fromBlock: string;
      multicall3?: string;
    }>(`${indexerUrl}/deployment`),
  ]);
  return {
    deployment: {
      chainId: indexed.chainId,
      protocol: getAddress(indexed.protocol),
      licensing: getAddress(indexed.licensing),
      fromBlock: BigInt(indexed.fromBlock),
      ...(indexed.multicall3 ? { multicall3: getAddress(indexed.multicall3) } : {}),
    },
    indexerUrl,
    rpcUrl: `${origin}/rpc`,
    nodeUrl: server.nodeUrl,
  };
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url).catch((error: unknown) => {
    throw new Error(`${url} cannot be reached (${String(error)})`);
  });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  return (await response.json()) as T;
}
