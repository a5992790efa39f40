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

/** A call returned no data: the deployment's address holds no contract on this chain. */
export class ContractNotDeployedError extends RemixError {
  override name = "ContractNotDeployedError";

  constructor(options: RemixErrorOptions) {
    super("No protocol contract at the deployment's address on this chain.", options);
  }
}
