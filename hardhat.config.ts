import { createRequire } from "node:module";
import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { defineConfig } from "hardhat/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  solidity: {
    // The compiler comes from the pinned npm package `solc` (WebAssembly build), so builds
    // never download a compiler. Keep this version equal to `solc` in package.json.
    version: "0.8.30",
    path: require.resolve("solc/soljson.js"),
    settings: {
      optimizer: { enabled: true, runs: 10_000 },
      evmVersion: "prague",
    },
  },
  paths: {
    tests: { mocha: "test/mocha", solidity: "test/solidity" },
  },
  test: {
    solidity: {
      fuzz: { runs: 256 },
    },
  },
});
