import type { Chain, Client, Transport } from "viem";
import { getChainId, getCode } from "viem/actions";
import { ChainMismatchError, ContractNotDeployedError } from "../errors/deployment.js";
import type { Deployment } from "./deployment.js";

type AnyClient = Client<Transport, Chain | undefined>;

/** Each client's checks, running or passed, by deployment; a failed check is forgotten. */
const checks = new WeakMap<AnyClient, Map<string, Promise<void>>>();

function checkKey({ chainId, protocol }: Deployment): string {
  return `${chainId}:${protocol.toLowerCase()}`;
}

/** Whether {@link checkDeployment} has run, or is running, for this client and deployment. */
export function deploymentCheckStarted(client: AnyClient, deployment: Deployment): boolean {
  return checks.get(client)?.has(checkKey(deployment)) ?? false;
}

/**
 * Checks, once per client and deployment for the client's life, that the client is on the
 * deployment's chain and that the protocol has code there; concurrent and later calls share the
 * first check. A client created with a chain was compared already (`resolveDeployment`); only a
 * client without one is asked `eth_chainId`. `protocolAnswered` resolves `true` when the caller
 * saw the protocol answer a call anyway (a batched read), saving the `eth_getCode`, and rejects
 * when the caller could not reach the node.
 *
 * @throws {ChainMismatchError} when the node is on another chain than the deployment.
 * @throws {ContractNotDeployedError} when the protocol has no code (for example on a local node
 * restarted since the deployment).
 */
export function checkDeployment(
  client: AnyClient,
  deployment: Deployment,
  protocolAnswered: Promise<boolean> = Promise.resolve(false),
): Promise<void> {
  let byDeployment = checks.get(client);
  if (!byDeployment) {
    byDeployment = new Map();
    checks.set(client, byDeployment);
  }
  const key = checkKey(deployment);
  const running = byDeployment.get(key);
  if (running) return running;
  const check = runCheck(client, deployment, protocolAnswered);
  byDeployment.set(key, check);
  // The next call asks again: the node may be back, or the protocol deployed by then.
  check.catch(() => byDeployment.get(key) === check && byDeployment.delete(key));
  return check;
}

async function runCheck(
  client: AnyClient,
  deployment: Deployment,
  protocolAnswered: Promise<boolean>,
): Promise<void> {
  const [chainId, hasCode] = await Promise.all([
    client.chain?.id ?? getChainId(client),
    protocolAnswered.then(async (answered) => {
      if (answered) return true;
      const code = await getCode(client, { address: deployment.protocol });
      return code !== undefined && code !== "0x";
    }),
  ]);
  if (chainId !== deployment.chainId) {
    throw new ChainMismatchError({ deploymentChainId: deployment.chainId, clientChainId: chainId });
  }
  if (!hasCode) throw new ContractNotDeployedError({ address: deployment.protocol });
}
