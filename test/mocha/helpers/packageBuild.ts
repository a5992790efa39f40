import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The repository's root directory. */
export const root = fileURLToPath(new URL("../../../", import.meta.url));

let build: Promise<unknown> | undefined;
/** Builds the package (`dist/sdk`, `dist/cli`) once per test run, as `npm run build:sdk` does. */
export function buildPackage(): Promise<unknown> {
  build ??= run(process.execPath, [`${root}scripts/build-sdk.ts`], { cwd: root });
  return build;
}
