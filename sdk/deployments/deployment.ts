import type { Address } from "viem";

/** Where the protocol lives on one chain. */
export type Deployment = {
  chainId: number;
  /** The `RemixProtocol` contract: registry, royalty engine and admin. */
  protocol: Address;
  /** The `Licensing` contract that `protocol` created (its `LICENSING()`). */
  licensing: Address;
  /** The `Relay` of signed registrations and claims that `protocol` created (its `RELAY()`);
   * read from the protocol when left out. */
  relay?: Address;
  /** The block `protocol` was deployed in: log scans start here. */
  fromBlock: bigint;
  /**
   * A Multicall3-compatible contract (`aggregate3`) for batched reads, when the chain's viem
   * definition has none (local nodes). Without either, reads are sent one call per request.
   */
  multicall3?: Address;
};

/**
 * The protocol's public deployments by chain id. A chain missing here needs a `deployment`
 * parameter (for example from an Ignition deployment on a local node).
 */
export const deployments: Readonly<Record<number, Deployment>> = {};
