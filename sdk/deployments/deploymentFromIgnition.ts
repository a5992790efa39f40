import { type Address, getAddress, isAddress } from "viem";
import { InvalidParameterError } from "../errors/parameters.js";
import type { Deployment } from "./deployment.js";

/** The futures of `ignition/modules/RemixProtocol.ts`, as Ignition names them. */
const PROTOCOL_FUTURE = "RemixProtocol#RemixProtocol";
const LICENSING_FUTURE = "RemixProtocol#Licensing";

/** What Ignition's `deployed_addresses.json` does not say about a deployment. */
export type DeploymentFromIgnitionOptions = {
  /** The chain the deployment is on (Ignition's `chain-<id>` folder). */
  chainId: number;
  /** The block the protocol was deployed in (default 0: scans start at genesis). */
  fromBlock?: bigint | undefined;
  /** A Multicall3-compatible contract on the chain, if its viem definition lacks one. */
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
  { chainId, fromBlock = 0n, multicall3 }: DeploymentFromIgnitionOptions,
): Deployment {
  return {
    chainId,
    protocol: futureAddress(deployedAddresses, PROTOCOL_FUTURE),
    licensing: futureAddress(deployedAddresses, LICENSING_FUTURE),
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
