import { createRequire } from "node:module";
import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  solidity: {
    // The compiler comes from the pinned npm package `solc` (WebAssembly build), so builds
    // never download a compiler. Keep this version equal to `solc` in package.json.
    version: "0.8.30",
    path: require.resolve("solc/soljson.js"),
    settings: {
      // 1,000 runs keeps the protocol's creation code (which embeds the licensing contract's and the
      // relay's) at 45.6 KB, under the 49,152-byte initcode limit (10,000 runs: 48.8 KB), for at
      // most 0.25% more gas per call (a steady ETH payment: 102).
      optimizer: { enabled: true, runs: 1_000 },
      evmVersion: "prague",
    },
  },
  networks: {
    // Any EVM network is configured like this one. The values are configuration variables: Hardhat
    // reads them from its encrypted keystore (`npx hardhat keystore set SEPOLIA_PRIVATE_KEY`) or
    // the environment, and only when the network is used.
    sepolia: {
      type: "http",
      chainType: "l1",
      url: configVariable("SEPOLIA_RPC_URL"),
      accounts: [configVariable("SEPOLIA_PRIVATE_KEY")],
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
