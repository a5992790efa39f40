import { expect } from "chai";
import { type Address, keccak256, toHex } from "viem";
import {
  ContractNotDeployedError,
  ContractRevertError,
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

/** Fees that outbid the SDK's own (a 50 gwei tip), so a competing transaction is mined first. */
async function higherTip(env: SdkEnv) {
  const { baseFeePerGas } = await env.publicClient.getBlock();
  return {
    maxPriorityFeePerGas: 50_000_000_000n,
    maxFeePerGas: (baseFeePerGas ?? 0n) * 2n + 50_000_000_000n,
  };
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
      await e.alice.writeContract({
        address: e.deployment.protocol,
        abi: remixProtocolAbi,
        functionName: "registerOriginal",
        args: [contentHash, "alice"],
        gas: 500_000n,
        ...(await higherTip(e)),
      });
      await e.testClient.mine({ blocks: 1 });
      const error = await write;
      expect(error).to.be.instanceOf(TransactionRevertedError);
      expect((error as TransactionRevertedError).receipt.status).to.equal("reverted");
      // The reason, replayed at the mined block and decoded, is the cause.
      const cause = (error as TransactionRevertedError).cause;
      expect(cause).to.be.instanceOf(ContractRevertError);
      expect((cause as ContractRevertError).errorName).to.equal("ContentAlreadyRegistered");
      expect((cause as ContractRevertError).args).to.deep.equal([contentHash, 1n]);
    });
  });

  it("accepts a repriced replacement (same call, higher fee) and returns its receipt", async function () {
    const e = env();
    const contentHash = keccak256(toHex("repriced"));
    const nonce = await e.publicClient.getTransactionCount({ address: e.bob.account.address });
    await withoutAutomine(e, async () => {
      const write = registerOriginal(e.bob, {
        deployment: e.deployment,
        contentHash,
        metadataUri: "bob",
        timeout: 10_000,
      });
      await waitUntilPending(e, e.bob.account.address, nonce);
      const [original] = await pendingHashes(e, e.bob.account.address);
      const sent = await e.publicClient.getTransaction({ hash: original! });
      // A wallet's "speed up": the same call and nonce, with a higher tip.
      const repricedHash = await e.bob.sendTransaction({
        to: sent.to!,
        data: sent.input,
        value: sent.value,
        nonce,
        gas: sent.gas,
        ...(await higherTip(e)),
      });
      await e.testClient.mine({ blocks: 1 });
      const { receipt, assetId } = await write;
      expect(receipt.transactionHash).to.equal(repricedHash);
      expect(receipt.status).to.equal("success");
      expect(assetId).to.equal(1n);
    });
  });

  it("refuses a deployment whose contract has no code before sending anything", async function () {
    const e = env();
    const nonce = await e.publicClient.getTransactionCount({ address: e.bob.account.address });
    const error = await registerOriginal(e.bob, {
      deployment: { ...e.deployment, protocol: e.stranger.account.address },
      contentHash: keccak256(toHex("nowhere")),
      metadataUri: "bob",
    }).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(ContractNotDeployedError);
    expect(await e.publicClient.getTransactionCount({ address: e.bob.account.address })).to.equal(
      nonce,
    );
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
      const replacementHash = await e.bob.sendTransaction({
        to: e.carol.account.address,
        value: 1n,
        nonce,
        ...(await higherTip(e)),
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
