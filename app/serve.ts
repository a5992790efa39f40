/**
 * Serves the built app (`dist/`) with the node and the indexer behind it on the same origin, so
 * the page needs no CORS and no build-time addresses:
 *
 *   node app/serve.ts [--port 5173] [--hostname 127.0.0.1] [--rpc-url URL] [--indexer URL]
 *
 * `/rpc` forwards JSON-RPC to the node (`--rpc-url`, else REMIX_RPC_URL, else
 * http://127.0.0.1:8545), `/indexer/*` to the indexer (`--indexer`, else REMIX_INDEXER_URL, else
 * http://127.0.0.1:42069), and `/config.json` tells the page the node's own URL (for a wallet's
 * network settings). Every other path is a file of `dist/`, or `index.html`.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/** What {@link serveApp} takes. */
export type ServeAppOptions = {
  /** The built app (default: this folder's `dist/`). */
  distDir?: string;
  /** The node's JSON-RPC URL. */
  rpcUrl: string;
  /** The indexer's base URL. */
  indexerUrl: string;
  /** 0 picks a free port. */
  port?: number;
  hostname?: string;
};

/** A running app server. */
export type ServedApp = { url: string; close(): Promise<void> };

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
};

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function forward(request: IncomingMessage, response: ServerResponse, target: string) {
  try {
    const upstream = await fetch(target, {
      method: request.method,
      headers: { "content-type": request.headers["content-type"] ?? "application/json" },
      body:
        request.method === "GET" || request.method === "HEAD"
          ? undefined
          : new Uint8Array(await body(request)),
    });
    response.writeHead(upstream.status, {
      "content-type": upstream.headers.get("content-type") ?? "application/json",
    });
    response.end(Buffer.from(await upstream.arrayBuffer()));
  } catch (error) {
    response.writeHead(502, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: `${target} cannot be reached (${String(error)})` }));
  }
}

function serveFile(distDir: string, pathname: string, response: ServerResponse) {
  const requested = normalize(join(distDir, decodeURIComponent(pathname)));
  const inside = requested.startsWith(`${distDir}/`) && existsSync(requested);
  const file = inside && statSync(requested).isFile() ? requested : join(distDir, "index.html");
  if (!existsSync(file)) {
    response.writeHead(503, { "content-type": "text/plain" });
    response.end(
      `The app is not built: run \`npm run build -w app\` (${distDir} has no index.html)`,
    );
    return;
  }
  response.writeHead(200, {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    // Hashed assets never change; the page itself is always fetched again.
    "cache-control": file.includes(`${join(distDir, "assets")}`)
      ? "public, max-age=31536000, immutable"
      : "no-cache",
  });
  createReadStream(file).pipe(response);
}

/** Starts the app server; resolves once it listens. */
export async function serveApp(options: ServeAppOptions): Promise<ServedApp> {
  const distDir = resolve(options.distDir ?? fileURLToPath(new URL("dist", import.meta.url)));
  const indexer = options.indexerUrl.replace(/\/+$/, "");
  const config = JSON.stringify({ nodeUrl: options.rpcUrl });
  const server: Server = createServer((request, response) => {
    const { pathname, search } = new URL(request.url ?? "/", "http://app");
    if (pathname === "/config.json") {
      response.writeHead(200, { "content-type": "application/json", "cache-control": "no-cache" });
      response.end(config);
    } else if (pathname === "/rpc") {
      void forward(request, response, options.rpcUrl);
    } else if (pathname === "/indexer" || pathname.startsWith("/indexer/")) {
      void forward(request, response, `${indexer}${pathname.slice("/indexer".length)}${search}`);
    } else {
      serveFile(distDir, pathname, response);
    }
  });
  const hostname = options.hostname ?? "127.0.0.1";
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, hostname, done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${hostname}:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "5173" },
      hostname: { type: "string", default: "127.0.0.1" },
      "rpc-url": { type: "string" },
      indexer: { type: "string" },
    },
  });
  const served = await serveApp({
    port: Number(values.port),
    hostname: values.hostname,
    rpcUrl: values["rpc-url"] ?? process.env.REMIX_RPC_URL ?? "http://127.0.0.1:8545",
    indexerUrl: values.indexer ?? process.env.REMIX_INDEXER_URL ?? "http://127.0.0.1:42069",
  });
  console.log(`Remix app: ${served.url}`);
}
