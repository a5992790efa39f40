// What the `remix` CLI costs before it asks the chain anything: the CPU time (user + system, all
// threads) of the built CLI until its first JSON-RPC request reaches a local HTTP server.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

/** One command's startup: CPU milliseconds until its first request, over `runs` runs. */
export type CliStartup = { command: string; runs: number; medianMs: number; maxMs: number };

const root = fileURLToPath(new URL("../../", import.meta.url));
const RUNS = 10;
/** `/proc/<pid>/stat` counts CPU time in clock ticks of this length (Linux's USER_HZ, fixed at 100
 * per second for user space whatever the kernel's own tick rate). */
const TICK_MS = 10;

/**
 * Builds the package, then runs a read, a purchase and a file-hashing write of the built CLI
 * `RUNS` times each against a server that, on the first request, reads the CLI's CPU time from
 * `/proc` (Linux) and kills it: what the CLI computed before the request, nothing after. Returns
 * nothing elsewhere, where there is no `/proc` to read.
 */
export async function cliStartupBench(): Promise<CliStartup[]> {
  if (process.platform !== "linux") return [];
  execFileSync(process.execPath, [`${root}scripts/build-sdk.ts`], { stdio: "ignore" });
  const dir = await mkdtemp(`${tmpdir()}/remix-bench-`);
  const file = `${dir}/work.mp4`;
  await writeFile(file, "a work to register");
  const commands = [
    ["lineage", "1"],
    ["pay", "2", "--views", "3"],
    ["register", file, "--uri", "ipfs://bench"],
  ];
  const results: CliStartup[] = [];
  for (const args of commands) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) times.push(await cpuUntilFirstRequest(args));
    times.sort((a, b) => a - b);
    // RUNS is even: the median is the mean of the two middle runs.
    const middle = ((times[RUNS / 2 - 1] as number) + (times[RUNS / 2] as number)) / 2;
    results.push({
      command: `remix ${args.join(" ").replace(file, "<file>")}`,
      runs: RUNS,
      medianMs: middle,
      maxMs: times[RUNS - 1] as number,
    });
  }
  await rm(dir, { recursive: true, force: true });
  return results;
}

/** The CPU milliseconds the CLI run with `args` spent before its first JSON-RPC request. */
async function cpuUntilFirstRequest(args: readonly string[]): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  const env: NodeJS.ProcessEnv = { ...process.env, REMIX_PRIVATE_KEY: `0x${"11".repeat(32)}` };
  delete env.REMIX_RPC_URL;
  const child = spawn(
    process.execPath,
    [`${root}dist/cli/remix.js`, "--rpc-url", `http://127.0.0.1:${port}`, ...args],
    { env, stdio: "ignore" },
  );
  let ms: number | undefined;
  server.on("request", (request) => {
    ms ??= cpuMs(child.pid as number);
    child.kill("SIGKILL");
    request.socket.destroy();
  });
  await new Promise((exited) => child.once("exit", exited));
  server.close();
  if (ms === undefined) throw new Error(`remix ${args.join(" ")} exited before any request`);
  return ms;
}

/** User plus system CPU time of process `pid` so far, in milliseconds. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (in parentheses, may hold spaces): utime and stime are 14, 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}
