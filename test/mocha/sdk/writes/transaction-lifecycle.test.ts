import { expect } from "chai";
import { type Address, keccak256, toHex } from "viem";
import {
  registerOriginal,
  remixProtocolAbi,
  TransactionDroppedError,
  TransactionReplacedError,
  TransactionRevertedError,
  TransactionTimeoutError,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../helpers/env.js";

/** Resolves once `address` has a transaction in the mempool (its pending nonce moved on). */
async function waitUntilPending(env: SdkEnv, address: Address, nonce: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const pending = await env.publicClient.getTransactionCount({ address, blockTag: "pending" });
    if (pending > nonce) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("transaction never reached the mempool");
}

/** Runs `body` with automine off, restoring it (and an empty mempool) afterwards. */
async function withoutAutomine(env: SdkEnv, body: () => Promise<void>): Promise<void> {
  await env.testClient.setAutomine(false);
  try {
    await body();
  } finally {
    await env.testClient.mine({ blocks: 1 });
    await env.testClient.setAutomine(true);
  }
}

describeOnNodes("sdk write lifecycle", (env) => {
  it("throws TransactionRevertedError when a front-runner makes the mined transaction revert", async function () {
    const e = env();
    const contentHash = keccak256(toHex("contested"));
    const nonce = await e.publicClient.getTransactionCount({ address: e.bob.account.address });
    await withoutAutomine(e, async () => {
      const write = registerOriginal(e.bob, {
        deployment: e.deployment,
        contentHash,
        metadataUri: "bob",
        timeout: 10_000,
      }).catch((caught: unknown) => caught);
      await waitUntilPending(e, e.bob.account.address, nonce);
      // Alice registers the same hash with a far higher tip, so she is mined first.
      const block = await e.publicClient.getBlock();
      await e.alice.writeContract({
        address: e.deployment.protocol,
        abi: remixProtocolAbi,
        functionName: "registerOriginal",
        args: [contentHash, "alice"],
        gas: 500_000n,
        maxPriorityFeePerGas: 50_000_000_000n,
        maxFeePerGas: (block.baseFeePerGas ?? 0n) * 2n + 50_000_000_000n,
      });
      await e.testClient.mine({ blocks: 1 });
      const error = await write;
      expect(error).to.be.instanceOf(TransactionRevertedError);
      expect((error as TransactionRevertedError).receipt.status).to.equal("reverted");
    });
  });

  it("throws TransactionReplacedError when another transaction takes its nonce", async function () {
    const e = env();
    const nonce = await e.publicClient.getTransactionCount({ address: e.bob.account.address });
    await withoutAutomine(e, async () => {
      const write = registerOriginal(e.bob, {
        deployment: e.deployment,
        contentHash: keccak256(toHex("replaced")),
        metadataUri: "bob",
        timeout: 10_000,
      }).catch((caught: unknown) => caught);
      await waitUntilPending(e, e.bob.account.address, nonce);
      const block = await e.publicClient.getBlock();
      const replacementHash = await e.bob.sendTransaction({
        to: e.carol.account.address,
        value: 1n,
        nonce,
        maxPriorityFeePerGas: 50_000_000_000n,
        maxFeePerGas: (block.baseFeePerGas ?? 0n) * 2n + 50_000_000_000n,
      });
      await e.testClient.mine({ blocks: 1 });
      const error = await write;
      expect(error).to.be.instanceOf(TransactionReplacedError);
      expect((error as TransactionReplacedError).replacementHash).to.equal(replacementHash);
      expect((error as TransactionReplacedError).reason).to.equal("replaced");
    });
  });

  it("throws TransactionDroppedError when the node drops the pending transaction", async function () {
    const e = env();
    const nonce = await e.publicClient.getTransactionCount({ address: e.bob.account.address });
    await withoutAutomine(e, async () => {
      const write = registerOriginal(e.bob, {
        deployment: e.deployment,
        contentHash: keccak256(toHex("dropped")),
        metadataUri: "bob",
        timeout: 1_500,
      }).catch((caught: unknown) => caught);
      await waitUntilPending(e, e.bob.account.address, nonce);
      const [pending] = await pendingHashes(e, e.bob.account.address);
      await e.testClient.dropTransaction({ hash: pending! });
      const error = await write;
      expect(error).to.be.instanceOf(TransactionDroppedError);
      expect((error as TransactionDroppedError).hash).to.equal(pending);
    });
  });

  it("throws TransactionTimeoutError when the transaction is still pending at the timeout", async function () {
    const e = env();
    await withoutAutomine(e, async () => {
      const error = await registerOriginal(e.bob, {
        deployment: e.deployment,
        contentHash: keccak256(toHex("slow")),
        metadataUri: "bob",
        timeout: 1_000,
      }).catch((caught: unknown) => caught);
      expect(error).to.be.instanceOf(TransactionTimeoutError);
      expect((error as TransactionTimeoutError).timeout).to.equal(1_000);
    });
  });
});

/** Hashes of `address`'s transactions waiting in the node's mempool (the pending block). */
async function pendingHashes(env: SdkEnv, address: Address) {
  const block = await env.publicClient.getBlock({ blockTag: "pending", includeTransactions: true });
  return block.transactions
    .filter((transaction) => transaction.from.toLowerCase() === address.toLowerCase())
    .map((transaction) => transaction.hash);
}
