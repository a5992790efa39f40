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
      // 200 runs keeps the protocol at 22.0 KB of code (24,576 allowed) and its creation code,
      // which embeds the licensing contract's and the relay's, at 44.8 KB (49,152 allowed); 1,000
      // runs would leave under 1 KB of either for 0.4% less gas per call (a steady ETH payment:
      // 171).
      optimizer: { enabled: true, runs: 200 },
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
