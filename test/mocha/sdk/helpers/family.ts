import { expect } from "chai";
import {
  type Address,
  erc20Abi,
  keccak256,
  parseAbi,
  parseEventLogs,
  toHex,
  type TransactionReceipt,
  zeroHash,
} from "viem";
import {
  approveToken,
  ContractRevertError,
  ETH,
  InvalidParameterError,
  licensingAbi,
  type ProtocolErrorName,
  registerOriginal,
  remixProtocolAbi,
  UseKind,
} from "../../../../sdk/index.js";
import type { SdkEnv, Wallet } from "./env.js";

// Remix registration goes through viem directly here: the SDK's remix actions are tested
// elsewhere, and the engine tests only need a family tree to pay into.

/** Registers an original owned by `owner`. */
export async function original(e: SdkEnv, owner: Wallet, label: string): Promise<bigint> {
  const { assetId } = await registerOriginal(owner, {
    deployment: e.deployment,
    contentHash: keccak256(toHex(label)),
    metadataUri: `ipfs://${label}`,
  });
  return assetId;
}

/** The parent's owner allows remixes of it, for free, in ETH, with no minimum share. */
export async function allowRemixes(e: SdkEnv, owner: Wallet, assetId: bigint): Promise<void> {
  const hash = await owner.writeContract({
    address: e.deployment.licensing,
    abi: licensingAbi,
    functionName: "setTerms",
    args: [
      assetId,
      UseKind.Remix,
      {
        allowed: true,
        currency: ETH,
        price: 0n,
        duration: 0,
        minShareBps: 0,
        documentHash: zeroHash,
        documentURI: "ipfs://terms",
      },
    ],
  });
  await e.publicClient.waitForTransactionReceipt({ hash });
}

/** `creator` registers a remix of `parentId` (whose owner is `parentOwner`) giving it `shareBps`. */
export async function remix(
  e: SdkEnv,
  creator: Wallet,
  label: string,
  parent: { parentId: bigint; shareBps: number; owner: Wallet },
): Promise<bigint> {
  await allowRemixes(e, parent.owner, parent.parentId);
  // allowRemixes publishes a new version each time: quote the one in force now.
  const termsVersion = await e.publicClient.readContract({
    address: e.deployment.licensing,
    abi: licensingAbi,
    functionName: "latestTermsVersion",
    args: [parent.parentId, UseKind.Remix],
  });
  const hash = await creator.writeContract({
    address: e.deployment.licensing,
    abi: licensingAbi,
    functionName: "registerRemixWithLicences",
    args: [
      keccak256(toHex(label)),
      `ipfs://${label}`,
      [{ parentId: parent.parentId, shareBps: parent.shareBps }],
      [{ licenceId: 0n, termsVersion, maxPrice: { currency: ETH, amount: 0n } }],
      zeroHash,
      2n ** 64n,
    ],
  });
  const receipt = await e.publicClient.waitForTransactionReceipt({ hash });
  const [registered] = parseEventLogs({
    abi: remixProtocolAbi,
    eventName: "AssetRegistered",
    logs: receipt.logs,
  });
  if (!registered) throw new Error(`remix ${label} was not registered`);
  return registered.args.assetId;
}

/** The worked example: original A (alice) and remix B (bob) giving A 3,000 bps. */
export async function workedExample(e: SdkEnv): Promise<{ a: bigint; b: bigint }> {
  const a = await original(e, e.alice, "A");
  const b = await remix(e, e.bob, "B", { parentId: a, shareBps: 3_000, owner: e.alice });
  return { a, b };
}

/** Three generations: A (alice) <- B (bob, 3,000 bps to A) <- C (carol, 2,000 bps to B). */
export async function threeGenerations(e: SdkEnv): Promise<{ a: bigint; b: bigint; c: bigint }> {
  const { a, b } = await workedExample(e);
  const c = await remix(e, e.carol, "C", { parentId: b, shareBps: 2_000, owner: e.bob });
  return { a, b, c };
}

/** Mints dUSD to `wallet` and approves the protocol for it. */
export async function fundUsd(e: SdkEnv, wallet: Wallet, amount: bigint): Promise<void> {
  const hash = await wallet.writeContract({
    address: e.usd,
    abi: parseAbi(["function mint(address to, uint256 amount)"]),
    functionName: "mint",
    args: [wallet.account.address, amount],
  });
  await e.publicClient.waitForTransactionReceipt({ hash });
  await approveToken(wallet, { deployment: e.deployment, token: e.usd, amount });
}

/** `owner`'s balance of ETH or of an ERC-20. */
export async function balanceOf(e: SdkEnv, token: Address, owner: Address): Promise<bigint> {
  if (token === ETH) return e.publicClient.getBalance({ address: owner });
  return e.publicClient.readContract({
    address: token,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [owner],
  });
}

/** The ETH a transaction's sender paid for gas. */
export function gasCost(receipt: TransactionReceipt): bigint {
  return receipt.gasUsed * receipt.effectiveGasPrice;
}

/**
 * Runs `write` from `sender`, expecting it to fail before anything is sent (the sender's nonce
 * does not move), and returns the error.
 */
export async function refused(
  e: SdkEnv,
  sender: Wallet,
  write: () => Promise<unknown>,
): Promise<unknown> {
  const address = sender.account.address;
  const nonce = await e.publicClient.getTransactionCount({ address });
  const error = await write().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, "expected the write to fail").to.not.equal(undefined);
  expect(await e.publicClient.getTransactionCount({ address })).to.equal(nonce);
  return error;
}

/** `write` from `sender` fails before sending with the protocol error `errorName(...args)`. */
export async function expectRevert(
  e: SdkEnv,
  sender: Wallet,
  write: () => Promise<unknown>,
  errorName: ProtocolErrorName,
  args: readonly unknown[] = [],
): Promise<void> {
  const error = await refused(e, sender, write);
  expect(error).to.be.instanceOf(ContractRevertError);
  expect((error as ContractRevertError).errorName).to.equal(errorName);
  expect((error as ContractRevertError).args ?? []).to.deep.equal(args);
}

/** `write` from `sender` fails before sending with InvalidParameterError naming `parameter`. */
export async function expectInvalidParameter(
  e: SdkEnv,
  sender: Wallet,
  write: () => Promise<unknown>,
  parameter: string,
): Promise<void> {
  const error = await refused(e, sender, write);
  expect(error).to.be.instanceOf(InvalidParameterError);
  expect((error as InvalidParameterError).parameter).to.equal(parameter);
}
