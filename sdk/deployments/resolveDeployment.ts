import type { Chain, Client, Transport } from "viem";
import { ChainMismatchError, UnknownChainError } from "../errors/deployment.js";
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
 * @throws {ChainMismatchError} when `deployment` is for another chain than the client's.
 */
export function resolveDeployment(
  client: Client<Transport, Chain | undefined>,
  { deployment }: DeploymentParameters = {},
): Deployment {
  const chainId = client.chain?.id;
  if (deployment) {
    if (chainId !== undefined && deployment.chainId !== chainId) {
      throw new ChainMismatchError({
        deploymentChainId: deployment.chainId,
        clientChainId: chainId,
      });
    }
    return deployment;
  }
  const known = chainId === undefined ? undefined : deployments[chainId];
  if (!known) throw new UnknownChainError({ chainId });
  return known;
}
