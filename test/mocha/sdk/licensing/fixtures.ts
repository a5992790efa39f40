// Shared set-up of the registry and licensing e2e tests (no tests here).
import {
  type Address,
  erc20Abi,
  isAddressEqual,
  keccak256,
  parseEventLogs,
  type TransactionReceipt,
  toHex,
} from "viem";
import {
  ETH,
  type LicenceTermsInput,
  licensingAbi,
  registerOriginal,
  remixProtocolAbi,
  setTerms,
  type UseKind,
} from "../../../../sdk/index.js";
import type { SdkEnv, Wallet } from "../helpers/env.js";

/** Registers an original owned by `owner`, named by `label`, and returns its id. */
export async function original(e: SdkEnv, owner: Wallet, label: string): Promise<bigint> {
  const contentHash = keccak256(toHex(label));
  const { assetId } = await registerOriginal(owner, {
    deployment: e.deployment,
    contentHash,
    metadataUri: `ipfs://${label}`,
  });
  return assetId;
}

/** `LicenceTermsInput` minus `allowed`, keeping its price-needs-currency union. */
type TermsWithoutAllowed = LicenceTermsInput extends infer T
  ? T extends unknown
    ? Omit<T, "allowed">
    : never
  : never;

/** Publishes `terms` for `kind` uses of `assetId`, as its owner. */
export async function allow(
  e: SdkEnv,
  owner: Wallet,
  assetId: bigint,
  kind: UseKind,
  terms: TermsWithoutAllowed = {},
): Promise<void> {
  await setTerms(owner, {
    deployment: e.deployment,
    assetId,
    kind,
    terms: { allowed: true, ...terms },
  });
}

/** Mints `amount` dUSD to `wallet` and approves the protocol (which pulls ERC-20 payments). */
export async function fundUsd(e: SdkEnv, wallet: Wallet, amount: bigint): Promise<void> {
  const mint = await wallet.writeContract({
    address: e.usd,
    abi: [
      {
        type: "function",
        name: "mint",
        stateMutability: "nonpayable",
        inputs: [
          { name: "to", type: "address" },
          { name: "amount", type: "uint256" },
        ],
        outputs: [],
      },
    ],
    functionName: "mint",
    args: [wallet.account.address, amount],
  });
  await e.publicClient.waitForTransactionReceipt({ hash: mint });
  const approve = await wallet.writeContract({
    address: e.usd,
    abi: erc20Abi,
    functionName: "approve",
    args: [e.deployment.protocol, amount],
  });
  await e.publicClient.waitForTransactionReceipt({ hash: approve });
}

/** What a transaction cost its sender in gas, in wei. */
export function gasCost(receipt: TransactionReceipt): bigint {
  return receipt.gasUsed * receipt.effectiveGasPrice;
}

/** Balance of `holder` in `currency` (ETH or dUSD). */
export async function balanceOf(e: SdkEnv, holder: Address, currency: Address): Promise<bigint> {
  if (currency === ETH) return e.publicClient.getBalance({ address: holder });
  return e.publicClient.readContract({
    address: currency,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [holder],
  });
}

/** The collectable balance of `assetId` in `token`. */
export function collectable(e: SdkEnv, assetId: bigint, token: Address): Promise<bigint> {
  return e.publicClient.readContract({
    address: e.deployment.protocol,
    abi: remixProtocolAbi,
    functionName: "collectableBalance",
    args: [assetId, token],
  });
}

/** The (held, pendingGross, remainder) balance of `assetId` in `token`. */
export function royaltyBalance(
  e: SdkEnv,
  assetId: bigint,
  token: Address,
): Promise<readonly [bigint, bigint, bigint]> {
  return e.publicClient.readContract({
    address: e.deployment.protocol,
    abi: remixProtocolAbi,
    functionName: "royaltyBalance",
    args: [assetId, token],
  });
}

/** Protocol fees accrued in `token`. */
export async function accruedFees(e: SdkEnv, token: Address): Promise<bigint> {
  const [amount] = await e.publicClient.readContract({
    address: e.deployment.protocol,
    abi: remixProtocolAbi,
    functionName: "accruedFees",
    args: [token],
  });
  return amount;
}

export function nonceOf(e: SdkEnv, wallet: Wallet): Promise<number> {
  return e.publicClient.getTransactionCount({ address: wallet.account.address });
}

/** What `promise` rejected with (fails the test if it resolved). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

/** The latest block's timestamp. */
export async function chainTime(e: SdkEnv): Promise<bigint> {
  return (await e.publicClient.getBlock()).timestamp;
}

/** Moves the chain's clock `seconds` ahead and mines a block there. */
export async function travel(e: SdkEnv, seconds: number): Promise<void> {
  await e.testClient.increaseTime({ seconds });
  await e.testClient.mine({ blocks: 1 });
}

/** How many licence tokens the licensing contract has issued. */
export function totalLicences(e: SdkEnv): Promise<bigint> {
  return e.publicClient.readContract({
    address: e.deployment.licensing,
    abi: licensingAbi,
    functionName: "totalLicences",
  });
}

/** The logs the licensing contract itself emitted in `receipt` (not the protocol's). */
function licensingLogs(e: SdkEnv, receipt: TransactionReceipt) {
  return receipt.logs.filter((log) => isAddressEqual(log.address, e.deployment.licensing));
}

/** The names of the events the licensing contract emitted in `receipt`, in log order. */
export function licensingEventNames(e: SdkEnv, receipt: TransactionReceipt): string[] {
  return parseEventLogs({ abi: licensingAbi, logs: licensingLogs(e, receipt) }).map(
    (log) => log.eventName,
  );
}

/** The `RemixLicensed` events of `receipt`, in log order: the licences bought and used at once. */
export function remixLicensed(e: SdkEnv, receipt: TransactionReceipt) {
  return parseEventLogs({
    abi: licensingAbi,
    eventName: "RemixLicensed",
    logs: licensingLogs(e, receipt),
  }).map((log) => log.args);
}
