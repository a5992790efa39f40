/**
 * Starts the indexer against a node: resolves the node's chain id, the protocol's deployment and
 * the database, then runs `ponder start` (or `ponder dev` with --dev) and prints the GraphQL URL.
 *
 *   npm run indexer -- [--rpc-url <url>] [--deployment <file>] [--from-block <n>]
 *                      [--port <n>] [--hostname <host>] [--data-dir <dir>] [--schema <name>] [--dev]
 *
 * Like the `remix` CLI: the node is `--rpc-url`, else REMIX_RPC_URL, else http://127.0.0.1:8545;
 * the deployment is Ignition's `ignition/deployments/chain-<id>/deployed_addresses.json` (or
 * `--deployment`), read relative to the working directory. Indexing starts at `--from-block`, else
 * at the protocol's deployment block from Ignition's journal beside that file, else at block 0.
 * Data goes to PGlite (embedded PostgreSQL) in `--data-dir` (default a folder per chain under
 * indexer/.ponder/pglite), or to PostgreSQL when DATABASE_URL is set. Stop it with Ctrl-C.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { isLocalChain } from "./lib/localChain.ts";

const INDEXER_DIR = dirname(fileURLToPath(import.meta.url));
const PROTOCOL_FUTURE = "RemixProtocol#RemixProtocol";

type Options = {
  rpcUrl: string;
  deployment: string | undefined;
  fromBlock: string | undefined;
  port: number;
  hostname: string;
  dataDir: string | undefined;
  schema: string | undefined;
  dev: boolean;
};

function fail(message: string): never {
  console.error(`indexer: ${message}`);
  process.exit(1);
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      "rpc-url": { type: "string" },
      deployment: { type: "string" },
      "from-block": { type: "string" },
      port: { type: "string", default: "42069" },
      hostname: { type: "string", default: "127.0.0.1" },
      "data-dir": { type: "string" },
      schema: { type: "string" },
      dev: { type: "boolean", default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`invalid --port ${values.port}`);
  const fromBlock = values["from-block"];
  if (fromBlock !== undefined && !/^\d+$/.test(fromBlock))
    fail(`invalid --from-block ${fromBlock}`);
  return {
    rpcUrl: values["rpc-url"] ?? process.env.REMIX_RPC_URL ?? "http://127.0.0.1:8545",
    deployment: values.deployment,
    fromBlock,
    port,
    hostname: values.hostname,
    dataDir: values["data-dir"] === undefined ? undefined : resolve(values["data-dir"]),
    schema: values.schema ?? process.env.DATABASE_SCHEMA,
    dev: values.dev,
  };
}

async function rpc<T>(url: string, method: string, params: unknown[]): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  }).catch((error: unknown) => fail(`cannot reach ${url} (${String(error)})`));
  if (!response.ok) fail(`${url} answered ${method} with HTTP ${response.status}`);
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error || body.result === undefined) {
    fail(`${url} refused ${method}: ${body.error?.message ?? "no result"}`);
  }
  return body.result;
}

/** The protocol's deployment block from Ignition's journal beside `deployedAddresses`, if any. */
function journalFromBlock(deployedAddresses: string): bigint | undefined {
  const journal = join(dirname(deployedAddresses), "journal.jsonl");
  if (!existsSync(journal)) return undefined;
  for (const line of readFileSync(journal, "utf8").split("\n")) {
    if (!line.includes(PROTOCOL_FUTURE) || !line.includes("TRANSACTION_CONFIRM")) continue;
    const entry = JSON.parse(line) as {
      type?: string;
      futureId?: string;
      receipt?: { blockNumber?: number };
    };
    if (entry.type === "TRANSACTION_CONFIRM" && entry.futureId === PROTOCOL_FUTURE) {
      if (entry.receipt?.blockNumber !== undefined) return BigInt(entry.receipt.blockNumber);
    }
  }
  return undefined;
}

/** The indexer's code and the SDK it imports, so a changed indexer gets a schema of its own
 * (`ponder start` refuses to reuse a schema another build wrote). */
function codeFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? codeFiles(path) : path.endsWith(".ts") ? [path] : [];
    });
}

/** A schema name for this code, chain, deployment and chain history (at most 45 characters). */
function defaultSchema(parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of [
    join(INDEXER_DIR, "ponder.config.ts"),
    join(INDEXER_DIR, "ponder.schema.ts"),
    ...["schema", "src", "lib"].flatMap((dir) => codeFiles(join(INDEXER_DIR, dir))),
    ...codeFiles(join(INDEXER_DIR, "..", "sdk")),
  ]) {
    hash.update(readFileSync(file));
  }
  for (const part of parts) hash.update(`\0${part}`);
  return `remix_${hash.digest("hex").slice(0, 16)}`;
}

async function waitForHealth(url: string, child: ChildProcess): Promise<boolean> {
  while (child.exitCode === null && child.signalCode === null) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((done) => setTimeout(done, 200));
  }
  return false;
}

const options = parseOptions(process.argv.slice(2));
const chainId = Number.parseInt(await rpc<string>(options.rpcUrl, "eth_chainId", []), 16);
const deploymentFile = resolve(
  options.deployment ?? `ignition/deployments/chain-${chainId}/deployed_addresses.json`,
);
if (!existsSync(deploymentFile)) {
  fail(
    `no deployment for chain ${chainId}: ${deploymentFile} not found (deploy with Ignition, or pass --deployment)`,
  );
}
const fromBlock =
  options.fromBlock !== undefined
    ? BigInt(options.fromBlock)
    : (journalFromBlock(deploymentFile) ?? 0n);
const startBlock = await rpc<{ hash: string } | null>(options.rpcUrl, "eth_getBlockByNumber", [
  `0x${fromBlock.toString(16)}`,
  false,
]);
if (!startBlock) fail(`chain ${chainId} has no block ${fromBlock} yet`);
const schema =
  options.schema ??
  defaultSchema([
    String(chainId),
    readFileSync(deploymentFile, "utf8"),
    `${fromBlock}`,
    startBlock.hash,
  ]);

// Ponder caches a chain's blocks and logs by chain id and number, and reads events back from that
// cache even with `disableCache`, so a local chain restarted under the same id would be indexed
// from the previous chain's logs: on local chains, a folder per chain history (the hash of the
// deployment block tells them apart).
const dataDir =
  options.dataDir ??
  join(
    INDEXER_DIR,
    ".ponder",
    "pglite",
    isLocalChain(chainId) ? `chain-${chainId}-${startBlock.hash.slice(2, 14)}` : `chain-${chainId}`,
  );

const ponderBin = join(dirname(fileURLToPath(import.meta.resolve("ponder"))), "bin", "ponder.js");
const args = [
  ponderBin,
  "--root",
  INDEXER_DIR,
  options.dev ? "dev" : "start",
  "--schema",
  schema,
  "--port",
  String(options.port),
  "--hostname",
  options.hostname,
  ...(options.dev ? ["--disable-ui"] : []),
];
const child = spawn(process.execPath, args, {
  // Ponder writes what it generates (generated/schema.graphql) in its working directory.
  cwd: INDEXER_DIR,
  stdio: "inherit",
  env: {
    ...process.env,
    PONDER_TELEMETRY_DISABLED: "true",
    REMIX_INDEXER_RPC_URL: options.rpcUrl,
    REMIX_INDEXER_CHAIN_ID: String(chainId),
    REMIX_INDEXER_DEPLOYMENT: deploymentFile,
    REMIX_INDEXER_FROM_BLOCK: String(fromBlock),
    REMIX_INDEXER_DATA_DIR: dataDir,
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

const base = `http://${options.hostname.includes(":") ? `[${options.hostname}]` : options.hostname}:${options.port}`;
if (await waitForHealth(`${base}/health`, child)) {
  const database = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${dataDir}`;
  console.log(
    [
      `Remix indexer: chain ${chainId}, from block ${fromBlock}, schema ${schema}, ${database}`,
      `  GraphQL: ${base}/graphql`,
      `  Status:  ${base}/status (ready once caught up: ${base}/ready)`,
    ].join("\n"),
  );
}
