// Starts scripts/bench-app/backend.ts (node, deployment, lineage, indexer) under Hardhat as
// scripts/start.ts runs its seed, and hands over what it printed. Its standard input is a pipe
// from here: closing it stops the backend, which also happens when this process dies.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Backend } from "./backend.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const HARDHAT = `${ROOT}node_modules/hardhat/dist/src/cli.js`;

/** A backend starting: `ready` once it is up; `stop` ends it (and waits for its cleanup). */
export type StartingBackend = { ready: Promise<Backend>; stop(): Promise<void> };

/** Starts the benchmark's backend; its progress and errors go to this process's stderr. */
export function startBackend(): StartingBackend {
  // Compiled contracts are a precondition, as for the tests: compiling is not the benchmark's job.
  const child = spawn(
    process.execPath,
    [HARDHAT, "run", "--no-compile", "scripts/bench-app/backend.ts"],
    { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const ready = new Promise<Backend>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      // Whole lines only: a chunk may end inside one.
      const line = output
        .split("\n")
        .slice(0, -1)
        .find((text) => text.startsWith("{"));
      if (line) resolve(JSON.parse(line) as Backend);
    });
    child.once("exit", (code) => reject(new Error(`the backend exited (code ${code})`)));
  });
  return {
    ready,
    async stop() {
      child.stdin.end();
      const timeout = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
