import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

/** The two independent JSON-RPC node implementations the SDK is tested against. */
export type NodeKind = "hardhat" | "anvil";

export type RunningNode = { kind: NodeKind; url: string; stop: () => void };

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const HARDHAT_CLI = `${root}node_modules/hardhat/dist/src/cli.js`;
/** Foundry's anvil from the npm registry, installed by `npm run setup` (Linux x64 only). */
export const ANVIL_BIN = `${root}.tools/anvil/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil`;

export function nodeAvailable(kind: NodeKind): boolean {
  return kind === "hardhat" || existsSync(ANVIL_BIN);
}

/** A TCP port on 127.0.0.1 that nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitForRpc(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`node exited early:\n${output()}`);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`node at ${url} did not answer within 30 s:\n${output()}`);
}

/**
 * Starts a `kind` node on 127.0.0.1 at a free port and resolves once it answers JSON-RPC.
 * `options` adds command-line flags (a benchmark raises anvil's block gas limit).
 */
export async function startNode(
  kind: NodeKind,
  options: { args?: readonly string[] } = {},
): Promise<RunningNode> {
  const port = await freePort();
  const [command, args] =
    kind === "hardhat"
      ? [process.execPath, [HARDHAT_CLI, "node", "--hostname", "127.0.0.1", "--port", `${port}`]]
      : [ANVIL_BIN, ["--host", "127.0.0.1", "--port", `${port}`, "--silent"]];
  args.push(...(options.args ?? []));
  // anvil keeps an on-disk state cache under $HOME/.foundry/anvil/tmp and leaves it behind when
  // stopped (gigabytes after the scale benchmark): each anvil gets a home of its own, removed
  // when it is stopped.
  const home = kind === "anvil" ? mkdtempSync(`${tmpdir()}/remix-anvil-`) : undefined;
  const child = spawn(command, args, {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: home ? { ...process.env, HOME: home } : process.env,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output = (output + chunk).slice(-4_000)));
  child.stderr?.on("data", (chunk) => (output = (output + chunk).slice(-4_000)));
  const stop = () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    if (home) rmSync(home, { recursive: true, force: true });
  };
  process.once("exit", stop);
  const url = `http://127.0.0.1:${port}`;
  await waitForRpc(url, child, () => output);
  return { kind, url, stop };
}
