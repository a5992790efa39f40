/**
 * `npm start`: the whole product on this machine. Starts a node (anvil, or `hardhat node` where
 * anvil is not installed) on 127.0.0.1:8545, deploys the protocol with Ignition and seeds the
 * opening story (scripts/start/seed.ts), starts the indexer on PGlite, builds the app and serves
 * it, then prints the URL and the dev accounts to import into a browser wallet. Ctrl-C stops
 * everything it started.
 *
 *   npm start -- [--indexer-port 42069] [--app-port 5173]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { toHex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { serveApp } from "../app/serve.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const NODE_PORT = 8545;
const RPC_URL = `http://127.0.0.1:${NODE_PORT}`;
const ANVIL = join(ROOT, ".tools/anvil/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
const HARDHAT = join(ROOT, "node_modules/hardhat/dist/src/cli.js");
/** The development mnemonic of anvil and hardhat node: its accounts are funded. */
const MNEMONIC = "test test test test test test test test test test test junk";
const ACCOUNTS = [
  [1, "alice: creator of A, the original (has royalties to claim)"],
  [2, "bob: creator of B, a remix of A"],
  [4, "a viewer and buyer, with dUSD"],
] as const;

const { values } = parseArgs({
  options: {
    "indexer-port": { type: "string", default: "42069" },
    "app-port": { type: "string", default: "5173" },
  },
});
const indexerPort = Number(values["indexer-port"]);
const appPort = Number(values["app-port"]);

const children: ChildProcess[] = [];
let stopping = false;
function stopAll(code: number): never {
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
  process.exit(code);
}
function fail(message: string): never {
  console.error(`npm start: ${message}`);
  return stopAll(1);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

/**
 * Starts `args` in a process group of its own (so that stopping it stops its children), its
 * output dropped and its errors shown.
 */
function run(name: string, command: string, args: string[]): void {
  const child = spawn(command, args, {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PONDER_TELEMETRY_DISABLED: "true" },
  });
  child.on("exit", (code) => {
    if (!stopping) fail(`${name} exited (code ${code}); everything is stopped`);
  });
  children.push(child);
}

/** Runs `args` to completion, failing with `what` if it does not succeed. */
async function runToEnd(what: string, command: string, args: string[], cwd = ROOT) {
  const child = spawn(command, args, { cwd, stdio: ["ignore", "inherit", "inherit"] });
  const code = await new Promise<number | null>((done) => child.on("exit", done));
  if (code !== 0) fail(`${what} failed (exit code ${code})`);
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer()
      .once("error", () => done(false))
      .once("listening", () => probe.close(() => done(true)))
      .listen(port, "127.0.0.1");
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  fail(`${what} did not come up in ${timeoutMs / 1000} s`);
}

for (const [port, what] of [
  [NODE_PORT, "the node"],
  [indexerPort, "the indexer (--indexer-port)"],
  [appPort, "the app (--app-port)"],
] as const) {
  if (!(await portFree(port))) {
    fail(`port ${port} for ${what} is in use: stop what runs there, or choose another port`);
  }
}

const started = Date.now();
const anvil = existsSync(ANVIL);
console.log(`Starting ${anvil ? "anvil" : "hardhat node"} on ${RPC_URL}…`);
if (anvil) run("anvil", ANVIL, ["--port", String(NODE_PORT), "--silent"]);
else run("hardhat node", process.execPath, [HARDHAT, "node", "--port", String(NODE_PORT)]);
await waitFor(
  "the node",
  async () =>
    (
      await fetch(RPC_URL, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      })
    ).ok,
  30_000,
);

// A new chain: the deployment of the last one (same chain id) no longer exists.
rmSync(join(ROOT, "ignition/deployments/chain-31337"), { recursive: true, force: true });
console.log("Deploying with Ignition and seeding the story…");
await runToEnd("the deployment and seed", process.execPath, [
  HARDHAT,
  "run",
  "scripts/start/seed.ts",
  "--network",
  "localhost",
]);

const dataDir = join(ROOT, "indexer/.ponder/start");
rmSync(dataDir, { recursive: true, force: true });
console.log("Starting the indexer (PGlite)…");
run("the indexer", process.execPath, [
  join(ROOT, "indexer/start.ts"),
  "--rpc-url",
  RPC_URL,
  "--port",
  String(indexerPort),
  "--data-dir",
  dataDir,
]);
const indexerUrl = `http://127.0.0.1:${indexerPort}`;

console.log("Building the app…");
await runToEnd(
  "the app's build",
  process.execPath,
  [join(ROOT, "app/node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
  join(ROOT, "app"),
);
await waitFor("the indexer", async () => (await fetch(`${indexerUrl}/ready`)).ok, 120_000);
const app = await serveApp({ port: appPort, rpcUrl: RPC_URL, indexerUrl });

const accounts = ACCOUNTS.map(([index, role]) => {
  const account = mnemonicToAccount(MNEMONIC, { addressIndex: index });
  const key = toHex(account.getHdKey().privateKey!);
  return `    ${account.address}  ${role}\n      private key ${key}`;
});
console.log(
  [
    "",
    `Remix Royalties is running (${((Date.now() - started) / 1000).toFixed(0)} s):`,
    `  App:      ${app.url}`,
    `  Indexer:  ${indexerUrl}/graphql`,
    `  Node:     ${RPC_URL} (chain id 31337)`,
    "",
    "To use it from a browser wallet (MetaMask, Rabby, ...): add the network",
    `  RPC URL ${RPC_URL}, chain id 31337, currency ETH`,
    "and import one of these development accounts by its private key (test keys, never for real money):",
    ...accounts,
    "",
    "The `remix` CLI works against it too, e.g. `npm run remix -- lineage 1`.",
    "Press Ctrl-C to stop everything.",
  ].join("\n"),
);
