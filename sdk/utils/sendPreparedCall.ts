import {
  type Account,
  type Address,
  type Chain,
  type Client,
  type ReplacementReturnType,
  type TransactionReceipt,
  type Transport,
  WaitForTransactionReceiptTimeoutError,
} from "viem";
import {
  call,
  estimateGas,
  getTransaction,
  sendTransaction,
  waitForTransactionReceipt,
} from "viem/actions";
import type { DeploymentParameters } from "../deployments/resolveDeployment.js";
import { AccountNotFoundError } from "../errors/parameters.js";
import { toRemixError } from "../errors/toRemixError.js";
import {
  TransactionDroppedError,
  TransactionReplacedError,
  TransactionRevertedError,
  TransactionTimeoutError,
} from "../errors/transaction.js";
import type { PreparedCall } from "./preparedCall.js";

/** Options every write action accepts. */
export type WriteParameters = DeploymentParameters & {
  /** The sender; defaults to the client's account. */
  account?: Account | Address | undefined;
  /** How long to wait for the receipt, in milliseconds (default 60,000). */
  timeout?: number | undefined;
  /** Blocks to wait for after inclusion (default 1). */
  confirmations?: number | undefined;
};

/** Options of the gas-estimate variants of writes. */
export type EstimateParameters = DeploymentParameters & {
  account?: Account | Address | undefined;
};

/** What every write returns besides its decoded result. */
export type WriteReturnType = {
  /** The transaction's receipt (status `success`). */
  receipt: TransactionReceipt;
};

export type AnyClient = Client<Transport, Chain | undefined, Account | undefined>;

const DEFAULT_TIMEOUT = 60_000;

/** The account a write is sent from. */
export function writeAccount(client: AnyClient, account: Account | Address | undefined) {
  const sender = account ?? client.account;
  if (!sender) throw new AccountNotFoundError();
  return sender;
}

/**
 * Simulates `prepared`, sends it and waits for its receipt. Fails with the decoded revert before
 * anything is sent, and after sending on a revert, a replacement (other than a re-pricing of the
 * same call), a drop or a timeout.
 */
export async function sendPreparedCall(
  client: AnyClient,
  prepared: PreparedCall,
  { account, timeout = DEFAULT_TIMEOUT, confirmations = 1 }: WriteParameters = {},
): Promise<TransactionReceipt> {
  const sender = writeAccount(client, account);
  const hash = await (async () => {
    try {
      await call(client, { account: sender, ...prepared });
      return await sendTransaction(client, { account: sender, chain: client.chain, ...prepared });
    } catch (error) {
      throw toRemixError(error);
    }
  })();

  let replacement: ReplacementReturnType | undefined;
  let receipt: TransactionReceipt;
  try {
    receipt = await waitForTransactionReceipt(client, {
      hash,
      timeout,
      confirmations,
      onReplaced: (replaced) => {
        replacement = replaced;
      },
    });
  } catch (error) {
    if (!(error instanceof WaitForTransactionReceiptTimeoutError)) throw toRemixError(error);
    const pending = await getTransaction(client, { hash }).catch(() => undefined);
    if (pending) throw new TransactionTimeoutError({ hash, timeout });
    throw new TransactionDroppedError({ hash });
  }
  if (replacement && replacement.reason !== "repriced") {
    throw new TransactionReplacedError({
      hash,
      reason: replacement.reason,
      replacementHash: replacement.transaction.hash,
    });
  }
  if (receipt.status === "reverted") throw new TransactionRevertedError({ receipt });
  return receipt;
}

/** The gas `prepared` would use now, from `account`; a revert throws the decoded error. */
export async function estimatePreparedCallGas(
  client: AnyClient,
  prepared: PreparedCall,
  { account }: EstimateParameters = {},
): Promise<bigint> {
  try {
    return await estimateGas(client, { account: writeAccount(client, account), ...prepared });
  } catch (error) {
    throw toRemixError(error);
  }
}
