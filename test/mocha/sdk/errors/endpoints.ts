import { createServer, type Server } from "node:http";

/** A JSON-RPC error object as a node sends it. */
export type NodeError = { code: number; message: string };

/** A real HTTP endpoint on 127.0.0.1, stopped by `close`. */
export type Endpoint = { url: string; close: () => Promise<void> };

async function listen(server: Server): Promise<Endpoint> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * An endpoint in front of the node at `nodeUrl` that answers an `eth_getLogs` spanning more than
 * `maxBlocks` blocks with `error`, as a node with that cap does, and forwards everything else.
 */
export function cappedLogsEndpoint(
  nodeUrl: string,
  { maxBlocks, error }: { maxBlocks: bigint; error: NodeError },
): Promise<Endpoint> {
  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const call = JSON.parse(body) as { id: number; method: string; params: unknown[] };
    const filter = call.params?.[0] as { fromBlock?: string; toBlock?: string } | undefined;
    const span =
      call.method === "eth_getLogs" && filter?.fromBlock && filter.toBlock
        ? BigInt(filter.toBlock) - BigInt(filter.fromBlock) + 1n
        : 0n;
    const answer =
      span > maxBlocks
        ? JSON.stringify({ jsonrpc: "2.0", id: call.id, error })
        : await (
            await fetch(nodeUrl, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body,
            })
          ).text();
    response.writeHead(200, { "content-type": "application/json" }).end(answer);
  });
  return listen(server);
}

/** An endpoint that accepts connections and never answers. */
export function silentEndpoint(): Promise<Endpoint> {
  return listen(createServer(() => {}));
}

/** The URL of a port nothing listens on (it was free a moment ago). */
export async function closedPortUrl(): Promise<string> {
  const endpoint = await silentEndpoint();
  await endpoint.close();
  return endpoint.url;
}
