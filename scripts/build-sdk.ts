/**
 * Builds the SDK package entry `remix-royalties/sdk` into `dist/sdk/`: one ES module bundled by
 * esbuild (dependencies such as viem stay external) and type declarations emitted by tsc.
 *
 *   node scripts/build-sdk.ts
 */
import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = `${root}dist/sdk`;

await rm(outDir, { recursive: true, force: true });
await build({
  entryPoints: [`${root}sdk/index.ts`],
  outfile: `${outDir}/index.js`,
  bundle: true,
  format: "esm",
  platform: "neutral",
  packages: "external",
  target: "es2022",
  sourcemap: true,
  logLevel: "warning",
});
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(
  process.execPath,
  [
    tsc,
    "-p",
    `${root}sdk/tsconfig.json`,
    "--noEmit",
    "false",
    "--emitDeclarationOnly",
    "--declaration",
    "--declarationMap",
    "--outDir",
    outDir,
  ],
  { stdio: "inherit" },
);
console.log(`built ${outDir}`);
