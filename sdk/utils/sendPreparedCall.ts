import {
  type Account,
  type Address,
  type Chain,
  type Client,
  type Hash,
  type ReplacementReturnType,
  type TransactionReceipt,
  TransactionNotFoundError,
  TransactionReceiptNotFoundError,
  type Transport,
  WaitForTransactionReceiptTimeoutError,
} from "viem";
import {
  call,
  estimateGas,
  getCode,
  getTransaction,
  getTransactionCount,
  getTransactionReceipt,
  sendTransaction,
  waitForTransactionReceipt,
} from "viem/actions";
import type { DeploymentParameters } from "../deployments/resolveDeployment.js";
import { ContractNotDeployedError } from "../errors/deployment.js";
import { AccountNotFoundError } from "../errors/parameters.js";
import { toRemixError } from "../errors/toRemixError.js";
import {
  TransactionDroppedError,
  TransactionReplacedError,
  TransactionRevertedError,
  TransactionTimeoutError,
} from "../errors/transaction.js";
import { explainAllowanceShortfall } from "./allowanceShortfall.js";
import type { PreparedCall } from "./preparedCall.js";

/** Options every write action accepts. */
export type WriteParameters = DeploymentParameters & {
  /** The sender; defaults to the client's account. */
  account?: Account | Address | undefined;
  /** How long to wait for the receipt, in milliseconds (default 60,000). */
  timeout?: number | undefined;
  /** Blocks to wait for after inclusion (default 1). */
  confirmations?: number | undefined;
  /** Called with the hash once the wallet has sent the transaction, before its receipt: for a
   * dapp to show it pending. What it throws is ignored. A repriced replacement is mined under
   * another hash: the receipt's is the one that counts. */
  onSent?: ((hash: Hash) => void) | undefined;
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

/** Any viem client (public or wallet, extended or not): what every action takes first. */
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
 * anything is sent (and if the target holds no contract), and after sending on a revert (with
 * the decoded reason as `cause` when the call still reverts), a replacement (other than a
 * re-pricing of the same call), a drop or a timeout.
 */
export async function sendPreparedCall(
  client: AnyClient,
  prepared: PreparedCall,
  { account, timeout = DEFAULT_TIMEOUT, confirmations = 1, onSent }: WriteParameters = {},
): Promise<TransactionReceipt> {
  const sender = writeAccount(client, account);
  const from = typeof sender === "string" ? sender : sender.address;
  const transaction = { to: prepared.to, data: prepared.data, value: prepared.value };
  const { hash, nonce } = await (async () => {
    try {
      // A call to an address without code "succeeds": refuse it before any value moves.
      const [code, pendingNonce] = await Promise.all([
        getCode(client, { address: prepared.to }),
        getTransactionCount(client, { address: from, blockTag: "pending" }),
        call(client, { account: sender, ...transaction }),
      ]);
      if (code === undefined || code === "0x") {
        throw new ContractNotDeployedError({ address: prepared.to });
      }
      const sent = await sendTransaction(client, {
        account: sender,
        chain: client.chain,
        nonce: pendingNonce,
        ...transaction,
      });
      return { hash: sent, nonce: pendingNonce };
    } catch (error) {
      throw await explainAllowanceShortfall(client, from, prepared, toRemixError(error));
    }
  })();
  // A dapp's callback must not turn a sent transaction into a failed write.
  try {
    onSent?.(hash);
  } catch {
    // Ignored: the receipt is still awaited and returned.
  }

  let replacement: ReplacementReturnType | undefined;
  let receipt: TransactionReceipt;
  try {
    receipt = await waitForTransactionReceipt(client, {
      hash,
      timeout,
      confirmations,
      // Lets viem recognise a replacement even if the node forgot the original transaction.
      replacement: { from, nonce, to: prepared.to, input: prepared.data, value: prepared.value },
      onReplaced: (replaced) => {
        replacement = replaced;
      },
    });
  } catch (error) {
    if (!(error instanceof WaitForTransactionReceiptTimeoutError)) throw toRemixError(error);
    receipt = await afterTimeout(client, hash, timeout, error);
  }
  if (replacement && replacement.reason !== "repriced") {
    throw new TransactionReplacedError({
      hash,
      reason: replacement.reason,
      replacementHash: replacement.transaction.hash,
    });
  }
  if (receipt.status === "reverted") {
    // Replaying the call on the block's final state usually reproduces the reason.
    const reason = await call(client, {
      account: sender,
      ...transaction,
      blockNumber: receipt.blockNumber,
    }).then(
      () => undefined,
      (replayError: unknown) => toRemixError(replayError),
    );
    throw new TransactionRevertedError({ receipt }, { cause: reason });
  }
  return receipt;
}

/** At the timeout: the receipt if it just arrived, else why the transaction is not mined. */
async function afterTimeout(
  client: AnyClient,
  hash: Hash,
  timeout: number,
  cause: unknown,
): Promise<TransactionReceipt> {
  try {
    return await getTransactionReceipt(client, { hash });
  } catch (error) {
    if (!(error instanceof TransactionReceiptNotFoundError)) throw toRemixError(error);
  }
  try {
    await getTransaction(client, { hash });
  } catch (error) {
    if (error instanceof TransactionNotFoundError) {
      throw new TransactionDroppedError({ hash }, { cause });
    }
    throw toRemixError(error);
  }
  throw new TransactionTimeoutError({ hash, timeout }, { cause });
}

/** The gas `prepared` would use now, from `account`; a revert throws the decoded error. */
export async function estimatePreparedCallGas(
  client: AnyClient,
  prepared: PreparedCall,
  { account }: EstimateParameters = {},
): Promise<bigint> {
  const sender = writeAccount(client, account);
  try {
    return await estimateGas(client, {
      account: sender,
      to: prepared.to,
      data: prepared.data,
      value: prepared.value,
    });
  } catch (error) {
    const from = typeof sender === "string" ? sender : sender.address;
    throw await explainAllowanceShortfall(client, from, prepared, toRemixError(error));
  }
}
