// The app as the tests use it: built once per run into a temporary folder, served with the node
// and an indexer behind it by app/serve.ts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ServedApp, serveApp } from "../../../app/serve.ts";

const APP = fileURLToPath(new URL("../../../app/", import.meta.url));

let built: string | undefined;

/** Builds the app (`vite build`) into a temporary folder, once per test run. */
export function buildApp(): string {
  if (built) return built;
  const outDir = mkdtempSync(join(tmpdir(), "remix-app-"));
  const result = spawnSync(
    process.execPath,
    [
      join(APP, "node_modules/vite/bin/vite.js"),
      "build",
      "--outDir",
      outDir,
      "--emptyOutDir",
      "--logLevel",
      "warn",
    ],
    // A production build whatever the test runner's NODE_ENV.
    { cwd: APP, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } },
  );
  if (result.status !== 0)
    throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  process.once("exit", () => rmSync(outDir, { recursive: true, force: true }));
  built = outDir;
  return outDir;
}

/** Serves the built app against `rpcUrl` and `indexerUrl` on a free port. */
export function serveBuiltApp(rpcUrl: string, indexerUrl: string): Promise<ServedApp> {
  return serveApp({ distDir: buildApp(), rpcUrl, indexerUrl, port: 0 });
}
