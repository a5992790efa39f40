import { expect } from "chai";
import {
  type Address,
  encodeFunctionData,
  type Hash,
  type Hex,
  numberToHex,
  zeroAddress,
} from "viem";
import { ETH, remixProtocolAbi } from "../../../sdk/index.js";
import { type SdkEnv, sharedEnv } from "../sdk/helpers/env.js";
import { nodeAvailable } from "../sdk/helpers/node.js";
import { pay } from "../sdk/helpers/tree.js";
import { itOnDatabases, onDatabase, type RunningIndexer, startIndexer } from "./run.js";
import {
  buildState,
  expectRowPerEvent,
  expectTotalsEqualViews,
  type Indexed,
  type IndexedTotals,
  mineBlocks,
  QUERY,
  send,
} from "./state.js";

const TITLE =
  "drops the rows of reorganised live blocks and matches the contract's views on the new chain";

/** The event rows by transaction (beside `QUERY`'s counts). */
type Rows = {
  paymentRows: { items: { transactionHash: Hash; assetId: string; amount: string }[] };
  splitRows: { items: { transactionHash: Hash }[] };
  claimRows: { items: { transactionHash: Hash; total: string }[] };
};
const ROWS = `{
  paymentRows: payments(limit: 1000) { items { transactionHash assetId amount } }
  splitRows: splits(limit: 1000) { items { transactionHash } }
  claimRows: claims(limit: 1000) { items { transactionHash total } }
}`;

/**
 * anvil's `anvil_reorg`: replaces the last `depth` blocks with as many new ones, holding `txs`
 * (each at its block offset from the common ancestor, 0 for the first new block). The replaced
 * blocks' transactions are dropped, not returned to the pool.
 */
async function anvilReorg(
  e: SdkEnv,
  depth: number,
  txs: readonly (readonly [
    { from: Address; to: Address; data: Hex; value: Hex; gas: Hex },
    number,
  ])[],
): Promise<void> {
  await e.testClient.request({ method: "anvil_reorg", params: [depth, txs] } as never);
}

/** The indexed totals of `assetId` in ETH. */
function ethTotals(indexed: Pick<Indexed, "assetTokenTotals">, assetId: bigint): IndexedTotals {
  const row = indexed.assetTokenTotals.items.find(
    (r) => r.assetId === String(assetId) && r.token.toLowerCase() === zeroAddress,
  );
  if (!row) throw new Error(`no ETH totals indexed for asset ${assetId}`);
  return row;
}

// Only anvil replaces blocks in place (`anvil_reorg`); the hardhat node has no such method.
describe("indexer reorg [anvil node]", function () {
  let env: SdkEnv | undefined;
  let snapshot: Hex | undefined;
  let indexer: RunningIndexer | undefined;

  before(async function () {
    if (!nodeAvailable("anvil")) this.skip();
    this.timeout(120_000);
    env = await sharedEnv("anvil");
  });
  // The shared node's other tests start from the freshly deployed state: revert to it after the
  // test, and only once the indexer is stopped (it would see the revert as a deep reorg).
  beforeEach(async function () {
    snapshot = await env!.testClient.snapshot();
  });
  afterEach(async function () {
    await indexer?.stop();
    indexer = undefined;
    if (snapshot) await env!.testClient.revert({ id: snapshot });
  });

  itOnDatabases(TITLE, "anvil", async function (database) {
    this.timeout(120_000);
    const e = env!;
    const { publicClient, deployment } = e;
    const [, , , r2, d] = (await buildState(e)) as [bigint, bigint, bigint, bigint, bigint];
    // Buried under Ponder's finality depth (30 blocks on a chain it does not know): the state
    // is final and comes from the backfill.
    await mineBlocks(e, 40);
    indexer = await startIndexer(e.node.url, deployment, onDatabase(database));
    const fork = await publicClient.getBlockNumber();
    await indexer.caughtUp(fork);
    const before = await indexer.query<Indexed>(QUERY);
    const dBefore = ethTotals(before, d);
    const r2Before = ethTotals(before, r2);

    // Live, unfinalized blocks: a payment for D, then alice's claim of D's ETH (which splits the
    // payment to D's parents first).
    const paid = 5_000_000_007n;
    await pay(e, e.payer, d, ETH, paid);
    const claimHash = await send(e, e.alice, {
      functionName: "claim",
      args: [d, ETH, e.alice.account.address],
    });
    const claimBlock = await publicClient.getTransactionReceipt({ hash: claimHash });
    const payLog = (
      await publicClient.getContractEvents({
        address: deployment.protocol,
        abi: remixProtocolAbi,
        eventName: "Paid",
        fromBlock: fork + 1n,
      })
    )[0]!;
    expect(payLog.blockNumber).to.equal(fork + 1n);
    expect(claimBlock.blockNumber).to.equal(fork + 2n);
    const oldHashes = [payLog.blockHash, claimBlock.blockHash];
    await indexer.caughtUp(fork + 2n);

    // Indexed: the payment, the split and the claim rows, and D's totals moved.
    const live = { ...(await indexer.query<Rows>(ROWS)), ...(await indexer.query<Indexed>(QUERY)) };
    const livePayment = live.paymentRows.items.find(
      (p) => p.transactionHash === payLog.transactionHash,
    );
    expect(livePayment, "the live payment indexed").to.not.equal(undefined);
    expect(livePayment!.amount).to.equal(String(paid));
    expect(
      live.splitRows.items.some((s) => s.transactionHash === claimHash),
      "its split",
    ).to.equal(true);
    const liveClaim = live.claimRows.items.find((c) => c.transactionHash === claimHash);
    expect(liveClaim, "the live claim indexed").to.not.equal(undefined);
    expect(BigInt(liveClaim!.total)).to.be.greaterThan(0n);
    const dLive = ethTotals(live, d);
    expect(BigInt(dLive.paidGross) - BigInt(dBefore.paidGross)).to.equal(paid);
    expect(BigInt(dLive.claimed)).to.be.greaterThan(BigInt(dBefore.claimed));
    await expectTotalsEqualViews(e, live);

    // The reorg: both live blocks are replaced by two others, the first of which holds a
    // different payment (for R2, signed by anvil for the payer); then the new chain grows past
    // the old head, so the indexer has to follow it.
    const newPaid = 4_242_001n;
    await anvilReorg(e, 2, [
      [
        {
          from: e.payer.account.address,
          to: deployment.protocol,
          data: encodeFunctionData({
            abi: remixProtocolAbi,
            functionName: "pay",
            args: [r2, ETH, newPaid],
          }),
          value: numberToHex(newPaid),
          gas: numberToHex(300_000),
        },
        0,
      ],
    ]);
    await mineBlocks(e, 2);
    const head = await publicClient.getBlockNumber();
    expect(head).to.equal(fork + 4n);
    // The node's chain did change: other blocks at the live heights, the old transactions gone.
    for (const [i, oldHash] of oldHashes.entries()) {
      const block = await publicClient.getBlock({ blockNumber: fork + 1n + BigInt(i) });
      expect(block.hash, `block ${fork + 1n + BigInt(i)} replaced`).to.not.equal(oldHash);
    }
    for (const hash of [payLog.transactionHash, claimHash]) {
      await publicClient.getTransactionReceipt({ hash }).then(
        () => expect.fail(`transaction ${hash} survived the reorg`),
        () => undefined,
      );
    }
    const newLogs = await publicClient.getContractEvents({
      address: deployment.protocol,
      abi: remixProtocolAbi,
      eventName: "Paid",
      fromBlock: fork + 1n,
    });
    expect(newLogs.map((log) => [log.blockNumber, log.args.assetId])).to.deep.equal([
      [fork + 1n, r2],
    ]);
    const newPayment = newLogs[0]!;
    await indexer.caughtUp(head);

    // The reorganised rows are gone, the new chain's payment is there.
    const after = {
      ...(await indexer.query<Rows>(ROWS)),
      ...(await indexer.query<Indexed>(QUERY)),
    };
    const hashes = (rows: { transactionHash: Hash }[]) => rows.map((row) => row.transactionHash);
    expect(hashes(after.paymentRows.items)).to.not.include(payLog.transactionHash);
    expect(hashes(after.splitRows.items)).to.not.include(claimHash);
    expect(hashes(after.claimRows.items)).to.not.include(claimHash);
    const indexedNew = after.paymentRows.items.find(
      (p) => p.transactionHash === newPayment.transactionHash,
    );
    expect(indexedNew, "the new chain's payment indexed").to.not.equal(undefined);
    expect([indexedNew!.assetId, indexedNew!.amount]).to.deep.equal([String(r2), String(newPaid)]);
    // D is back where it was; R2 has the new payment.
    expect(ethTotals(after, d)).to.deep.equal(dBefore);
    expect(BigInt(ethTotals(after, r2).paidGross) - BigInt(r2Before.paidGross)).to.equal(newPaid);
    // Every balance and every fee total equals the contract's views on the new chain, and there
    // is one row per event of the new chain.
    const { compared } = await expectTotalsEqualViews(e, after);
    expect(compared).to.be.greaterThan(6);
    await expectRowPerEvent(e, after);
  });
});

describe("indexer reorg [hardhat node]", function () {
  it(`${TITLE} (anvil only: the hardhat node has no anvil_reorg)`);
});
