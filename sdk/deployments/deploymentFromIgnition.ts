import { type Address, getAddress, isAddress } from "viem";
import { InvalidParameterError } from "../errors/parameters.js";
import type { Deployment } from "./deployment.js";

/** The futures of `ignition/modules/RemixProtocol.ts`, as Ignition names them. */
const PROTOCOL_FUTURE = "RemixProtocol#RemixProtocol";
const LICENSING_FUTURE = "RemixProtocol#Licensing";
const RELAY_FUTURE = "RemixProtocol#Relay";
const LOCAL_MULTICALL3_FUTURE = "LocalDevelopment#Multicall3";

/** What Ignition's `deployed_addresses.json` does not say about a deployment. */
export type DeploymentFromIgnitionOptions = {
  /** The chain the deployment is on (Ignition's `chain-<id>` folder). */
  chainId: number;
  /** The block the protocol was deployed in (default 0: scans start at genesis). */
  fromBlock?: bigint | undefined;
  /** A Multicall3-compatible contract on the chain, if its viem definition lacks one; default the
   * one the `LocalDevelopment` module deployed, if it did. */
  multicall3?: Address | undefined;
};

/**
 * A {@link Deployment} from the contents of an Ignition `deployed_addresses.json` (for example
 * `ignition/deployments/chain-31337/deployed_addresses.json` after deploying to a local node).
 *
 * @example
 * const addresses = JSON.parse(await readFile(
 *   "ignition/deployments/chain-31337/deployed_addresses.json", "utf8"));
 * const deployment = deploymentFromIgnition(addresses, { chainId: 31337 });
 */
export function deploymentFromIgnition(
  deployedAddresses: Readonly<Record<string, string>>,
  { chainId, fromBlock = 0n, multicall3: given }: DeploymentFromIgnitionOptions,
): Deployment {
  // The LocalDevelopment module deploys a Multicall3 for local nodes; use it unless told otherwise.
  const local = deployedAddresses[LOCAL_MULTICALL3_FUTURE];
  const multicall3 =
    given ??
    (local === undefined ? undefined : futureAddress(deployedAddresses, LOCAL_MULTICALL3_FUTURE));
  // Deployments made before the relay existed have no Relay future: it is read from the protocol.
  const relay =
    deployedAddresses[RELAY_FUTURE] === undefined
      ? undefined
      : futureAddress(deployedAddresses, RELAY_FUTURE);
  return {
    chainId,
    protocol: futureAddress(deployedAddresses, PROTOCOL_FUTURE),
    licensing: futureAddress(deployedAddresses, LICENSING_FUTURE),
    ...(relay === undefined ? {} : { relay }),
    fromBlock,
    ...(multicall3 === undefined ? {} : { multicall3 }),
  };
}

function futureAddress(deployedAddresses: Readonly<Record<string, string>>, future: string) {
  const address = deployedAddresses[future];
  if (address === undefined || !isAddress(address)) {
    throw new InvalidParameterError({
      parameter: "deployedAddresses",
      reason: `no address for ${future}`,
    });
  }
  return getAddress(address);
}
