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
  /**
   * The most each ERC-20 the call may pull from the sender, and by whom (the protocol contract),
   * so that a token's revert on a short allowance is reported as `InsufficientAllowanceError`.
   * Only metadata: not part of the transaction.
   */
  pulls?: readonly TokenPull[] | undefined;
};

/** An ERC-20 amount `spender` may pull from a call's sender, in the token's smallest unit. */
export type TokenPull = { token: Address; spender: Address; amount: bigint };
