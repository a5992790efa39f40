import {
  type Address,
  encodeFunctionData,
  erc20Abi,
  type Hash,
  type Hex,
  keccak256,
  parseAbi,
  toHex,
  zeroAddress,
  zeroHash,
} from "viem";
import { ETH, licensingAbi, remixProtocolAbi, UseKind } from "../../../../sdk/index.js";
import type { SdkEnv, Wallet } from "./env.js";

// Trees are built with viem directly (not the SDK's write actions, tested elsewhere), many
// transactions in flight at once: each wallet sends with explicit nonces, gas and fees, so no
// transaction waits for the previous one's receipt. Only a transaction that may depend on another
// wallet's waits for that wallet's last one (different senders are not ordered by nonce).

/** One asset of a tree: an original when it has no parents. */
export type TreeNode = {
  /**
   * Its parents with their shares, in this order: earlier nodes by `index`, or existing assets
   * (that already allow remixes) by `assetId`.
   */
  parents?: readonly (
    { index: number; shareBps: number } | { assetId: bigint; shareBps: number }
  )[];
  /** Who registers, and so owns, it (default alice). */
  by?: Wallet;
};

const DEADLINE = 2n ** 64n;

/**
 * Registers `nodes` in order and returns their asset ids, in the same order. Every node that
 * some later node remixes gets free Remix terms from its owner right after its registration.
 */
export async function buildTree(e: SdkEnv, nodes: readonly TreeNode[]): Promise<bigint[]> {
  const first = (await totalAssets(e)) + 1n;
  const ids = nodes.map((_, index) => first + BigInt(index));
  const remixed = new Set(
    nodes.flatMap(({ parents = [] }) =>
      parents.map((parent) => ("index" in parent ? parent.index : -1)),
    ),
  );
  const parentId = (parent: NonNullable<TreeNode["parents"]>[number]) =>
    "index" in parent ? (ids[parent.index] as bigint) : parent.assetId;
  const send = await sender(e);
  for (const [index, { parents = [], by = e.alice }] of nodes.entries()) {
    const id = ids[index] as bigint;
    const contentHash = keccak256(toHex(`tree asset ${id}`));
    if (parents.length === 0) {
      const data = encodeFunctionData({
        abi: remixProtocolAbi,
        functionName: "registerOriginal",
        args: [contentHash, `ipfs://asset/${id}`],
      });
      await send(by, 300_000n, e.deployment.protocol, data);
    } else {
      const data = encodeFunctionData({
        abi: licensingAbi,
        functionName: "registerRemixWithLicences",
        args: [
          contentHash,
          `ipfs://asset/${id}`,
          parents.map((parent) => ({ parentId: parentId(parent), shareBps: parent.shareBps })),
          // Each parent published its remix terms once (below), so version 1 is in force.
          parents.map(() => ({
            licenceId: 0n,
            termsVersion: 1,
            maxPrice: { currency: ETH, amount: 0n },
          })),
          zeroHash,
          DEADLINE,
        ],
      });
      await send(by, 400_000n + 250_000n * BigInt(parents.length), e.deployment.licensing, data);
    }
    if (remixed.has(index)) {
      await send(by, 300_000n, e.deployment.licensing, freeRemixTerms(id));
    }
  }
  await send.settle();
  const last = await totalAssets(e);
  if (last !== first + BigInt(nodes.length) - 1n) {
    throw new Error(
      `tree: expected assets ${first}..${first + BigInt(nodes.length) - 1n}, got up to ${last}`,
    );
  }
  return ids;
}

/** `payer` pays `amount` of `token` (ETH or env's dUSD, minted and approved here) for `assetId`. */
export async function pay(
  e: SdkEnv,
  payer: Wallet,
  assetId: bigint,
  token: Address,
  amount: bigint,
): Promise<void> {
  if (token !== ETH) {
    await confirm(
      e,
      await payer.writeContract({
        address: token,
        abi: parseAbi(["function mint(address to, uint256 amount)"]),
        functionName: "mint",
        args: [payer.account.address, amount],
      }),
    );
    await confirm(
      e,
      await payer.writeContract({
        address: token,
        abi: erc20Abi,
        functionName: "approve",
        args: [e.deployment.protocol, amount],
      }),
    );
  }
  await confirm(
    e,
    await payer.writeContract({
      address: e.deployment.protocol,
      abi: remixProtocolAbi,
      functionName: "pay",
      args: [assetId, token, amount],
      value: token === ETH ? amount : 0n,
    }),
  );
}

/** `from` transfers asset `assetId` (an ERC-721 of the protocol) to `to`. */
export async function transferAsset(
  e: SdkEnv,
  from: Wallet,
  to: Address,
  assetId: bigint,
): Promise<void> {
  await confirm(
    e,
    await from.writeContract({
      address: e.deployment.protocol,
      abi: remixProtocolAbi,
      functionName: "transferFrom",
      args: [from.account.address, to, assetId],
    }),
  );
}

/** The admin pauses (or resumes) the protocol. */
export async function setPaused(e: SdkEnv, paused: boolean): Promise<void> {
  await confirm(
    e,
    await e.admin.writeContract({
      address: e.deployment.protocol,
      abi: remixProtocolAbi,
      functionName: "setPaused",
      args: [paused],
    }),
  );
}

/** Waits for `hash` and fails unless it succeeded. */
export async function confirm(e: SdkEnv, hash: Hash): Promise<void> {
  const receipt = await e.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`transaction ${hash} reverted`);
}

function freeRemixTerms(assetId: bigint): Hex {
  return encodeFunctionData({
    abi: licensingAbi,
    functionName: "setTerms",
    args: [
      assetId,
      UseKind.Remix,
      {
        allowed: true,
        currency: zeroAddress,
        price: 0n,
        duration: 0,
        minShareBps: 0,
        documentHash: zeroHash,
        documentURI: "",
      },
    ],
  });
}

async function totalAssets(e: SdkEnv): Promise<bigint> {
  return e.publicClient.readContract({
    address: e.deployment.protocol,
    abi: remixProtocolAbi,
    functionName: "totalAssets",
  });
}

/** Sends without waiting for receipts; `settle` waits for every wallet's last transaction. */
async function sender(e: SdkEnv) {
  const fees = await e.publicClient.estimateFeesPerGas();
  const state = new Map<Wallet, { nonce: number; last: Hash | undefined }>();
  const settle = async (except?: Wallet) => {
    for (const [wallet, pending] of state) {
      if (wallet === except || !pending.last) continue;
      await confirm(e, pending.last);
      pending.last = undefined;
    }
  };
  const send = async (wallet: Wallet, gas: bigint, to: Address, data: Hex) => {
    let pending = state.get(wallet);
    if (!pending) {
      const address = wallet.account.address;
      const nonce = await e.publicClient.getTransactionCount({ address, blockTag: "pending" });
      pending = { nonce, last: undefined };
      state.set(wallet, pending);
    }
    await settle(wallet);
    pending.last = await wallet.sendTransaction({
      to,
      data,
      nonce: pending.nonce++,
      gas,
      maxFeePerGas: fees.maxFeePerGas * 4n,
      maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
    });
  };
  return Object.assign(send, { settle: () => settle() });
}
