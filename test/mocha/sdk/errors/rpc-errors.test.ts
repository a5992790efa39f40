import { expect } from "chai";
import {
  type Address,
  BaseError,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  parseEther,
} from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import {
  ChainMismatchError,
  ETH,
  getAssets,
  getOwnedAssets,
  InsufficientFundsError,
  LogRangeTooLargeError,
  type LogScanProgress,
  pay,
  RpcError,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../helpers/env.js";
import { original } from "../helpers/family.js";
import { cappedLogsEndpoint, type NodeError } from "./endpoints.js";

/** What a write must leave unchanged when it fails before sending: nonce, balance, chain head. */
async function chainState(e: SdkEnv, address: Address) {
  return Promise.all([
    e.publicClient.getTransactionCount({ address, blockTag: "pending" }),
    e.publicClient.getBalance({ address }),
    e.publicClient.getBlockNumber({ cacheTime: 0 }),
  ]);
}

/** The node's own message, as viem keeps it on the SDK error's cause. */
const nodeMessage = (error: unknown) => ((error as Error).cause as BaseError).details;

/** Block numbers of a log scan from the deployment to the latest block. */
async function wholeRange(e: SdkEnv) {
  return {
    fromBlock: e.deployment.fromBlock,
    toBlock: await e.publicClient.getBlockNumber({ cacheTime: 0 }),
  };
}

describeOnNodes("sdk RPC errors", (env) => {
  it("maps a payment the sender cannot afford to InsufficientFundsError, sending nothing", async function () {
    const e = env();
    const assetId = await original(e, e.alice, "A");
    const account = privateKeyToAccount(generatePrivateKey());
    await e.testClient.setBalance({ address: account.address, value: parseEther("0.01") });
    const poor = createWalletClient({ account, chain: e.chain, transport: http(e.node.url) });
    const before = await chainState(e, account.address);

    const error = await pay(poor, {
      deployment: e.deployment,
      assetId,
      token: ETH,
      amount: parseEther("1"),
    }).catch((caught: unknown) => caught);

    expect(error).to.be.instanceOf(InsufficientFundsError);
    expect((error as InsufficientFundsError).cause).to.be.instanceOf(BaseError);
    // hardhat node refuses the signed transaction; anvil already refuses the simulation.
    expect(nodeMessage(error)).to.match(
      e.node.kind === "hardhat"
        ? /^Sender doesn't have enough funds to send tx\. The max upfront cost is: \d+ and the sender's balance is: 10000000000000000\.$/
        : /^Insufficient funds for gas \* price \+ value$/,
    );
    expect(await chainState(e, account.address)).to.deep.equal(before);
  });

  it("maps a transaction signed for another chain than the node's to ChainMismatchError, sending nothing", async function () {
    const e = env();
    const assetId = await original(e, e.alice, "A");
    const other = defineChain({ ...e.chain, id: 999, name: "Other" });
    const deployment = { ...e.deployment, chainId: 999 };
    const before = await chainState(e, e.payer.account.address);
    // A local account signs for its declared chain; a node-managed one is checked by viem first.
    const senders = [e.payer.account, e.payer.account.address];

    for (const account of senders) {
      const wallet = createWalletClient({ account, chain: other, transport: http(e.node.url) });
      const error = await pay(wallet, { deployment, assetId, token: ETH, amount: 1n }).catch(
        (caught: unknown) => caught,
      );

      expect(error).to.be.instanceOf(ChainMismatchError);
      expect(error).to.deep.include({ deploymentChainId: 999, clientChainId: e.chain.id });
      expect((error as ChainMismatchError).cause).to.be.instanceOf(BaseError);
      expect((error as ChainMismatchError).shortMessage).to.equal(
        `The deployment is for chain 999 but the client is on chain ${e.chain.id}.`,
      );
      // hardhat node has no eth_fillTransaction, so viem signs a local account's transaction
      // unchecked and the node refuses it; anvil's fill reveals the chain to viem.
      const cause = (error as ChainMismatchError).cause as BaseError;
      if (e.node.kind === "hardhat" && typeof account !== "string") {
        expect(cause.details).to.equal(
          "Trying to send a raw transaction with an invalid chainId. The expected chainId is 31337",
        );
      } else {
        expect(cause.shortMessage).to.equal(
          "The current chain of the wallet (id: 31337) does not match the target chain for the transaction (id: 999 – Other).",
        );
      }
    }
    expect(await chainState(e, e.payer.account.address)).to.deep.equal(before);
  });

  it("refuses a wallet on another chain than the deployment before any request", async function () {
    const e = env();
    let requests = 0;
    const wallet = createWalletClient({
      account: e.payer.account,
      chain: e.chain,
      transport: http(e.node.url, { onFetchRequest: () => void requests++ }),
    });
    const error = await pay(wallet, {
      deployment: { ...e.deployment, chainId: 1 },
      assetId: 1n,
      token: ETH,
      amount: 1n,
    }).catch((caught: unknown) => caught);

    expect(error).to.be.instanceOf(ChainMismatchError);
    expect(error).to.deep.include({ deploymentChainId: 1, clientChainId: e.chain.id });
    expect(requests).to.equal(0);
  });

  it("halves a log scan whose answer is over the client's size limit; one block still over it is LogRangeTooLargeError", async function () {
    const e = env();
    const assetIds: bigint[] = [];
    for (const label of ["A", "B", "C", "D", "E", "F"]) {
      assetIds.push(await original(e, e.alice, label));
    }
    // Six Transfer logs are 3,828 bytes of JSON on both nodes, one is 668, and the batch of their
    // owners 2,407.
    const limited = (maxResponseBodySize: number) =>
      createPublicClient({
        chain: e.chain,
        transport: http(e.node.url, { maxResponseBodySize, retryCount: 0 }),
      });
    const parameters = { deployment: e.deployment, owner: e.alice.account.address };
    const progress: LogScanProgress[] = [];
    const range = await wholeRange(e);

    expect(
      await getOwnedAssets(limited(3_000), {
        ...parameters,
        onProgress: (step) => progress.push(step),
      }),
    ).to.deep.equal(assetIds);
    // The whole range was refused, then its halves (and theirs, where needed) answered in order.
    expect(progress.at(-1)).to.deep.include({ ...range, scannedTo: range.toBlock, items: 6 });
    expect(progress.at(-1)?.requests).to.be.greaterThan(progress.length);
    const scanned = progress.map(({ scannedTo }) => scannedTo);
    expect(scanned).to.deep.equal([...scanned].sort((a, b) => (a < b ? -1 : 1)));

    const error = await getOwnedAssets(limited(500), parameters).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(LogRangeTooLargeError);
    const { fromBlock, toBlock } = error as LogRangeTooLargeError;
    expect(toBlock).to.equal(fromBlock);
    expect((error as LogRangeTooLargeError).cause).to.have.property(
      "name",
      "ResponseBodyTooLargeError",
    );
    expect((error as LogRangeTooLargeError).shortMessage).to.equal(
      `The logs of blocks ${fromBlock} to ${fromBlock} (1 blocks) are too large for one request: scan in smaller ranges with \`maxBlockRange\` (CLI \`--max-block-range\`).`,
    );
  });

  // hardhat node and anvil answer any eth_getLogs range: these are the answers of capped nodes.
  const refusals: readonly NodeError[] = [
    { code: -32602, message: "query exceeds max block range 2" }, // reth
    { code: -32602, message: "query exceeds max results 20000" }, // reth
    { code: -32005, message: "query returned more than 10000 results" }, // Infura
    { code: -32000, message: "exceed maximum block range: 2" }, // BSC, publicnode
  ];
  for (const refusal of refusals) {
    it(`adapts to a node's "${refusal.message}"; a block it still refuses is LogRangeTooLargeError`, async function () {
      const e = env();
      const assetId = await original(e, e.alice, "A");
      const capped = await cappedLogsEndpoint(e.node.url, { maxBlocks: 2n, error: refusal });
      const closed = await cappedLogsEndpoint(e.node.url, { maxBlocks: 0n, error: refusal });
      try {
        const client = (url: string) =>
          createPublicClient({ chain: e.chain, transport: http(url, { retryCount: 0 }) });
        const parameters = { deployment: e.deployment, owner: e.alice.account.address };
        const range = await wholeRange(e);
        let requests = 0;
        expect(
          await getOwnedAssets(client(capped.url), {
            ...parameters,
            onProgress: (step) => (requests = step.requests),
          }),
        ).to.deep.equal([assetId]);
        // Never more than the 2 blocks the node takes once it has refused wider ranges.
        expect(requests).to.be.lessThan(Number(range.toBlock - range.fromBlock) + 10);

        const error = await getOwnedAssets(client(closed.url), parameters).catch(
          (caught: unknown) => caught,
        );
        expect(error).to.be.instanceOf(LogRangeTooLargeError);
        expect(error).to.deep.include({
          fromBlock: range.fromBlock,
          toBlock: range.fromBlock,
          details: refusal.message,
        });
        expect((error as LogRangeTooLargeError).cause).to.be.instanceOf(BaseError);
        expect(nodeMessage(error)).to.equal(refusal.message);
      } finally {
        await capped.close();
        await closed.close();
      }
    });
  }

  it("keeps another eth_getLogs refusal an RpcError quoting the node", async function () {
    const e = env();
    // geth's answer to a range past its head: not a size limit, so no LogRangeTooLargeError.
    const refusal = { code: -32602, message: "block range extends beyond current head block" };
    const capped = await cappedLogsEndpoint(e.node.url, { maxBlocks: 0n, error: refusal });
    try {
      const client = createPublicClient({
        chain: e.chain,
        transport: http(capped.url, { retryCount: 0 }),
      });
      const error = await getOwnedAssets(client, {
        deployment: e.deployment,
        owner: e.alice.account.address,
      }).catch((caught: unknown) => caught);

      expect(error).to.be.instanceOf(RpcError);
      expect((error as RpcError).shortMessage).to.equal(
        "The JSON-RPC request failed: block range extends beyond current head block.",
      );
      expect(nodeMessage(error)).to.equal(refusal.message);
    } finally {
      await capped.close();
    }
  });

  it("quotes the node's own message in any other RpcError", async function () {
    const e = env();
    const assetId = await original(e, e.alice, "A");
    const latest = await e.publicClient.getBlockNumber({ cacheTime: 0 });
    const future = latest + 1_000n;

    const error = await getAssets(e.publicClient, {
      deployment: e.deployment,
      assetIds: [assetId],
      blockNumber: future,
    }).catch((caught: unknown) => caught);

    expect(error).to.be.instanceOf(RpcError);
    expect((error as RpcError).cause).to.be.instanceOf(BaseError);
    expect((error as RpcError).shortMessage).to.equal(
      e.node.kind === "hardhat"
        ? `The JSON-RPC request failed: Received invalid block tag ${future}. Latest block number is ${latest}.`
        : `The JSON-RPC request failed: BlockOutOfRangeError: block height is ${latest} but requested was ${future}.`,
    );
  });
});
