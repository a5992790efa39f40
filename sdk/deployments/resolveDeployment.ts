import type { Chain, Client, Transport } from "viem";
import { UnknownChainError } from "../errors/deployment.js";
import { type Deployment, deployments } from "./deployment.js";

/** Parameters every action accepts: an explicit deployment overrides the built-in table. */
export type DeploymentParameters = {
  /** The deployment to use; defaults to the known deployment on the client's chain. */
  deployment?: Deployment | undefined;
};

/**
 * The deployment an action uses: `deployment` when given, else the known deployment on the
 * client's chain.
 *
 * @throws {UnknownChainError} when neither exists.
 */
export function resolveDeployment(
  client: Client<Transport, Chain | undefined>,
  { deployment }: DeploymentParameters = {},
): Deployment {
  if (deployment) return deployment;
  const chainId = client.chain?.id;
  const known = chainId === undefined ? undefined : deployments[chainId];
  if (!known) throw new UnknownChainError({ chainId });
  return known;
}
