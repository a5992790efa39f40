import type { Address } from "viem";
import { RemixError, type RemixErrorOptions } from "./base.js";

/** The SDK knows no deployment of the protocol on the client's chain, and none was passed. */
export class UnknownChainError extends RemixError {
  override name = "UnknownChainError";
  /** The client's chain id, or `undefined` when the client has no chain. */
  readonly chainId: number | undefined;

  constructor({ chainId }: { chainId: number | undefined }) {
    super(
      chainId === undefined
        ? "The client has no chain: pass `deployment`, or create the client with a `chain`."
        : `The protocol has no known deployment on chain ${chainId}: pass \`deployment\`.`,
    );
    this.chainId = chainId;
  }
}

/**
 * The called address holds no contract on this chain (a wrong deployment or chain, or a local
 * node restarted since the deployment).
 */
export class ContractNotDeployedError extends RemixError {
  override name = "ContractNotDeployedError";
  /** The address without code, when known. */
  readonly address: Address | undefined;

  constructor(
    { address }: { address?: Address | undefined } = {},
    options: RemixErrorOptions = {},
  ) {
    super(
      `No contract at ${address ?? "the called address"} on this chain: check the deployment.`,
      options,
    );
    this.address = address;
  }
}

/** The deployment (or the transaction) is for another chain than the one the client is on. */
export class ChainMismatchError extends RemixError {
  override name = "ChainMismatchError";
  /** The chain the deployment, or the signed transaction, is for. */
  readonly deploymentChainId: number;
  /** The chain the client's node is on. */
  readonly clientChainId: number;

  constructor(
    { deploymentChainId, clientChainId }: { deploymentChainId: number; clientChainId: number },
    options: RemixErrorOptions = {},
  ) {
    super(
      `The deployment is for chain ${deploymentChainId} but the client is on chain ${clientChainId}.`,
      options,
    );
    this.deploymentChainId = deploymentChainId;
    this.clientChainId = clientChainId;
  }
}
