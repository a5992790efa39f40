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

/** The called address holds no contract on this chain (a wrong deployment or chain). */
export class ContractNotDeployedError extends RemixError {
  override name = "ContractNotDeployedError";

  constructor(options: RemixErrorOptions) {
    super("No contract at the called address on this chain: check the deployment.", options);
  }
}

/** The deployment passed is for another chain than the client's. */
export class ChainMismatchError extends RemixError {
  override name = "ChainMismatchError";
  readonly deploymentChainId: number;
  readonly clientChainId: number;

  constructor({
    deploymentChainId,
    clientChainId,
  }: {
    deploymentChainId: number;
    clientChainId: number;
  }) {
    super(
      `The deployment is for chain ${deploymentChainId} but the client is on chain ${clientChainId}.`,
    );
    this.deploymentChainId = deploymentChainId;
    this.clientChainId = clientChainId;
  }
}
