import type { Address, Hex } from "viem";

/**
 * A write reduced to one transaction's fields: what a multisig, a batcher or a relayer needs.
 * Every write action has a `prepare...` variant that returns this without sending anything.
 */
export type PreparedCall = {
  /** The contract called (`RemixProtocol`, `Licensing` or an ERC-20). */
  to: Address;
  /** The ABI-encoded call. */
  data: Hex;
  /** The ETH the call must carry, in wei. */
  value: bigint;
};
