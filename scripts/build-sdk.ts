/**
 * Builds the package: the SDK entry `remix-royalties/sdk` into `dist/sdk/` (one ES module bundled
 * by esbuild, dependencies such as viem external, type declarations emitted by tsc) and the
 * `remix` command line into `dist/cli/remix.js` (with the viem code it uses bundled in).
 *
 *   node scripts/build-sdk.ts
 */
import { execFileSync } from "node:child_process";
import { chmod, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = `${root}dist/sdk`;
const cliOut = `${root}dist/cli/remix.js`;

await rm(outDir, { recursive: true, force: true });
await rm(`${root}dist/cli`, { recursive: true, force: true });
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
await build({
  entryPoints: [`${root}scripts/cli/remix.ts`],
  outfile: cliOut,
  bundle: true,
  format: "esm",
  platform: "node",
  // The CLI carries the viem code it uses, tree-shaken into one file: loading viem's hundreds of
  // modules cost ~0.3 s of CPU per command. Hardhat (for --network) and the chain list stay
  // external and load only when asked for.
  external: ["hardhat", "viem/chains"],
  target: "node22",
  logLevel: "warning",
});
await chmod(cliOut, 0o755);
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
console.log(`built ${outDir} and ${cliOut}`);
