// The deployment the indexer reads, from the environment that `start.ts` sets (run the indexer
// with `npm run indexer`, which resolves the node, the chain id and the deployment first).
import { readFileSync } from "node:fs";
import type { Deployment } from "../../sdk/deployments/deployment.js";
import { deploymentFromIgnition } from "../../sdk/deployments/deploymentFromIgnition.js";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: start the indexer with \`npm run indexer\``);
  return value;
}

/** The indexed deployment and the node's URL. */
export function indexedDeployment(): { deployment: Deployment; rpcUrl: string } {
  const chainId = Number(required("REMIX_INDEXER_CHAIN_ID"));
  const fromBlock = BigInt(process.env.REMIX_INDEXER_FROM_BLOCK ?? "0");
  const deployment = deploymentFromIgnition(
    JSON.parse(readFileSync(required("REMIX_INDEXER_DEPLOYMENT"), "utf8")) as Record<
      string,
      string
    >,
    { chainId, fromBlock },
  );
  return { deployment, rpcUrl: required("REMIX_INDEXER_RPC_URL") };
}
