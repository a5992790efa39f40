import { defineConfig } from "tsup";

// Builds the SDK (`remix-royalties/sdk`): ESM with type declarations, no bundled dependencies.
export default defineConfig({
  entry: { index: "sdk/index.ts" },
  outDir: "dist/sdk",
  format: ["esm"],
  dts: true,
  tsconfig: "sdk/tsconfig.json",
  target: "es2022",
  sourcemap: true,
  clean: true,
  treeshake: true,
});
