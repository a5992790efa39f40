// The indexer's configuration, read from the environment that `start.ts` sets (run the indexer
// with `npm run indexer`, which resolves the node, the chain id and the deployment first).
import { createConfig } from "ponder";
import { licensingAbi } from "../sdk/abis/licensingAbi.js";
import { remixProtocolAbi } from "../sdk/abis/remixProtocolAbi.js";
import { indexedDeployment } from "./lib/deployment.js";
import { isLocalChain } from "./lib/localChain.ts";

const { deployment, rpcUrl } = indexedDeployment();
const { chainId } = deployment;
/** Local development chains are restarted from scratch under the same id: cache nothing. */
const local = isLocalChain(chainId);
const databaseUrl = process.env.DATABASE_URL;

export default createConfig({
  // PGlite (embedded PostgreSQL) in a data folder by default; PostgreSQL with DATABASE_URL.
  database: databaseUrl
    ? { kind: "postgres", connectionString: databaseUrl }
    : { kind: "pglite", directory: process.env.REMIX_INDEXER_DATA_DIR ?? ".ponder/pglite" },
  chains: {
    chain: {
      id: chainId,
      rpc: rpcUrl,
      pollingInterval: local ? 200 : 1_000,
      disableCache: local,
    },
  },
  contracts: {
    RemixProtocol: {
      chain: "chain",
      abi: remixProtocolAbi,
      address: deployment.protocol,
      startBlock: Number(deployment.fromBlock),
    },
    Licensing: {
      chain: "chain",
      abi: licensingAbi,
      address: deployment.licensing,
      startBlock: Number(deployment.fromBlock),
    },
  },
});
