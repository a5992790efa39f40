import { expect } from "chai";
import {
  type Address,
  erc20Abi,
  getAddress,
  parseEther,
  type TransactionReceipt,
  zeroAddress,
} from "viem";
import {
  CLAIM_ALL_GAS_PER_TRANSACTION,
  claimAll,
  claimAllTransactionCount,
  ETH,
  estimateClaimAllGas,
  InvalidParameterError,
  prepareClaimAll,
  previewClaimAll,
  remixProtocolAbi,
} from "../../../../sdk/index.js";
import { claimGasBound, splitGasBound } from "../../../../sdk/utils/claimAllBatches.js";
import { describeOnNodes, type SdkEnv, type Wallet } from "../helpers/env.js";
import { buildTree, confirm, pay, setPaused, transferAsset } from "../helpers/tree.js";

/**
 * A (alice) <- B (bob, 30%) <- C (carol, 20%) <- D (carol: 12.34% to C, 7.77% to X);
 * X (bob) <- Y (carol, 10%). Paid (fee 10%): C 1 ETH and 1,000,003 dUSD, B 0.5 ETH, A 0.1 ETH,
 * D 777,777 wei, Y 1 ETH.
 */
async function family(e: SdkEnv) {
  const [a, b, c, x, y, d] = (await buildTree(e, [
    {},
    { by: e.bob, parents: [{ index: 0, shareBps: 3_000 }] },
    { by: e.carol, parents: [{ index: 1, shareBps: 2_000 }] },
    { by: e.bob },
    { by: e.carol, parents: [{ index: 3, shareBps: 1_000 }] },
    {
      by: e.carol,
      parents: [
        { index: 2, shareBps: 1_234 },
        { index: 3, shareBps: 777 },
      ],
    },
  ])) as [bigint, bigint, bigint, bigint, bigint, bigint];
  await pay(e, e.payer, c, ETH, parseEther("1"));
  await pay(e, e.payer, c, usd(e), 1_000_003n);
  await pay(e, e.payer, b, ETH, parseEther("0.5"));
  await pay(e, e.payer, a, ETH, parseEther("0.1"));
  await pay(e, e.payer, d, ETH, 777_777n);
  await pay(e, e.payer, y, ETH, parseEther("1"));
  return { a, b, c, x, y, d };
}

// By hand, ETH: D splits 777,777: C gets floor(777,777 * 12.34%) = 95,977, X gets
// floor(777,777 * 20.11%) - 95,977 = 60,433. C splits 1e18 + 95,977: B gets 2e17 + 19,195.
// B holds gross 7e17 + 19,195 (net 6.5e17 + 19,195) and pays A 2.1e17 + 5,758, keeping
// 4.4e17 + 13,437. A also holds 0.09 ETH of its own payment. Y pays X 1e17.
// dUSD: C pays B floor(1,000,003 * 20%) = 200,000; B pays A 60,000 and keeps 140,000.
const ALICE_ETH = parseEther("0.3") + 5_758n;
const ALICE_USD = 60_000n;
const BOB_ETH = parseEther("0.54") + 13_437n + 60_433n;
const BOB_USD = 140_000n;
// By default claimAll only makes the splits worth their gas to the claimer: D's split would bring
// alice 5,758 wei (bob 73,870), far below its gas at any real gas price, so it is left out and
// D's 777,777 wei stay there. The tests about exact rounding pass `gasPrice: 0n` (every split
// that brings anything is worth it) to keep D's split in the plan.
const ALICE_ETH_DEFAULT = parseEther("0.3");
/** Exact rounding: no split or claim is too small to be worth its gas at gas price 0. */
const EXACT = { gasPrice: 0n } as const;

/** env's dUSD address, checksummed as the SDK reports tokens. */
const usd = (e: SdkEnv) => getAddress(e.usd);

const gasCost = (receipts: TransactionReceipt[]) =>
  receipts.reduce((sum, { gasUsed, effectiveGasPrice }) => sum + gasUsed * effectiveGasPrice, 0n);

async function usdBalance(e: SdkEnv, owner: Address): Promise<bigint> {
  return e.publicClient.readContract({
    address: e.usd,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [owner],
  });
}

async function nonce(e: SdkEnv, wallet: Wallet): Promise<number> {
  return e.publicClient.getTransactionCount({ address: wallet.account.address });
}

describeOnNodes("sdk claimAll", (env) => {
  it("pays alice exactly the preview when her original's revenue sits two levels below", async function () {
    const e = env();
    const { deployment } = e;
    const { a, b, c, y, d } = await family(e);
    const alice = e.alice.account.address;

    const nonceBefore = await nonce(e, e.alice);
    const gasPrice = await e.publicClient.getGasPrice();
    // Default parameters: the latest block, four log scans (transfers to alice, assets she
    // registered, lineage, allowlist), one batched ownerOf, the asset count (a small protocol:
    // its whole lineage is one scan), eth_gasPrice (ETH has no given minimum), dUSD's decimals()
    // (for its default minimum) and one batch of balances.
    e.requests.count = 0;
    const byDefault = await previewClaimAll(e.publicClient, { deployment, owner: alice });
    console.log(`      previewClaimAll: ${e.requests.count} requests`);
    expect(e.requests.count).to.be.at.most(10);
    // D's split is not worth its gas to alice: left out, its 5,758 wei for her with it.
    expect(byDefault.skippedSplits).to.deep.equal([
      {
        assetId: d,
        token: ETH,
        value: 5_758n,
        threshold: splitGasBound(2) * gasPrice,
        reason: "belowThreshold",
      },
    ]);
    expect(byDefault.splitPlan.assetIds).to.deep.equal([c, b]);
    expect(byDefault.totals).to.deep.equal([
      { token: ETH, amount: ALICE_ETH_DEFAULT },
      { token: usd(e), amount: ALICE_USD },
    ]);
    expect(byDefault.minValues).to.deep.equal([
      { token: ETH, amount: claimGasBound() * gasPrice },
      { token: usd(e), amount: 10_000n },
    ]);

    // Exact rounding of D's 777,777 wei two levels below: gas price 0 keeps D's split in the
    // plan, and the preview no longer asks the node for its gas price.
    e.requests.count = 0;
    const preview = await previewClaimAll(e.publicClient, { deployment, owner: alice, ...EXACT });
    expect(e.requests.count).to.be.at.most(9);
    expect(await nonce(e, e.alice)).to.equal(nonceBefore);
    expect(preview.owner).to.equal(alice);
    expect(preview.tokens).to.deep.equal([ETH, usd(e)]);
    const totals = [
      { token: ETH, amount: ALICE_ETH },
      { token: usd(e), amount: ALICE_USD },
    ];
    expect(preview.totals).to.deep.equal(totals);
    expect(preview.perAsset).to.deep.equal([{ assetId: a, amounts: totals }]);
    // Y's revenue goes to X only: it is not on a path to A, so it is not split.
    expect(preview.splitPlan).to.deep.equal({
      assetIds: [d, c, b],
      tokens: [ETH, usd(e)],
      parentCounts: [2, 1, 1],
    });
    expect(preview.claimPlan).to.deep.equal({ assetIds: [a], tokens: [ETH, usd(e)] });

    const ethBefore = await e.publicClient.getBalance({ address: alice });
    const usdBefore = await usdBalance(e, alice);
    const { claimed, transactions } = await claimAll(e.alice, { deployment, ...EXACT });
    expect(claimed).to.deep.equal(totals);
    expect(transactions).to.have.length(2);
    expect(await e.publicClient.getBalance({ address: alice })).to.equal(
      ethBefore + ALICE_ETH - gasCost(transactions),
    );
    expect(await usdBalance(e, alice)).to.equal(usdBefore + ALICE_USD);
    const [yHeld, yPending] = await e.publicClient.readContract({
      address: deployment.protocol,
      abi: remixProtocolAbi,
      functionName: "royaltyBalance",
      args: [y, ETH],
    });
    expect([yHeld, yPending]).to.deep.equal([parseEther("0.9"), parseEther("1")]);
    expect(
      (await previewClaimAll(e.publicClient, { deployment, owner: alice, ...EXACT })).totals,
    ).to.deep.equal([]);
  });

  it("splits an owned remix and claims what it keeps, with its original's revenue", async function () {
    const e = env();
    const { deployment } = e;
    const { b, c, x, y, d } = await family(e);
    const bob = e.bob.account.address;
    // Exact rounding of D's 777,777 wei: gas price 0 keeps its split (73,870 wei for bob).
    const preview = await previewClaimAll(e.bob, { deployment, owner: bob, ...EXACT });
    expect(preview.totals).to.deep.equal([
      { token: ETH, amount: BOB_ETH },
      { token: usd(e), amount: BOB_USD },
    ]);
    expect(preview.perAsset).to.deep.equal([
      {
        assetId: b,
        amounts: [
          { token: ETH, amount: parseEther("0.44") + 13_437n },
          { token: usd(e), amount: BOB_USD },
        ],
      },
      { assetId: x, amounts: [{ token: ETH, amount: parseEther("0.1") + 60_433n }] },
    ]);
    // B's own split only pays A (alice's): it is left to the claim, which splits B first.
    expect(preview.splitPlan.assetIds).to.deep.equal([d, y, c]);
    expect(preview.skippedSplits).to.deep.equal([
      { assetId: b, value: 0n, threshold: 0n, reason: "reachesNothing", token: ETH },
      { assetId: b, value: 0n, threshold: 10_000n, reason: "reachesNothing", token: usd(e) },
    ]);

    const ethBefore = await e.publicClient.getBalance({ address: bob });
    const { claimed, transactions } = await claimAll(e.bob, { deployment, ...EXACT });
    expect(claimed).to.deep.equal(preview.totals);
    expect(await e.publicClient.getBalance({ address: bob })).to.equal(
      ethBefore + BOB_ETH - gasCost(transactions),
    );
  });

  it("cuts the plan into transactions within gasPerTransaction, paying recipient", async function () {
    const e = env();
    const { deployment } = e;
    const { b } = await family(e);
    // Bob gives alice B: she now claims for A and B. At 210,000 gas a transaction, each split
    // (two tokens) needs its own and both claims share one.
    await transferAsset(e, e.bob, e.alice.account.address, b);
    const recipient = e.stranger.account.address;
    // Gas price 0 keeps D's tiny split in the plan (three splits, as this test is about cutting).
    const parameters = { deployment, recipient, gasPerTransaction: 210_000n, ...EXACT };
    const preview = await previewClaimAll(e.alice, {
      deployment,
      owner: e.alice.account.address,
      ...EXACT,
    });
    const prepared = await prepareClaimAll(e.alice, parameters);
    const gas = await estimateClaimAllGas(e.alice, parameters);
    expect(prepared).to.have.length(4);
    // The count a dapp shows beside the preview is the plan's, at this budget and the default.
    expect(claimAllTransactionCount(preview, 210_000n)).to.equal(4);
    expect(claimAllTransactionCount(preview)).to.equal(
      (await prepareClaimAll(e.alice, { deployment, recipient, ...EXACT })).length,
    );
    expect(gas).to.have.length(4);
    expect(gas.every((units) => units > 21_000n && units <= 210_000n)).to.equal(true);

    const ethBefore = await e.publicClient.getBalance({ address: recipient });
    const progress: [string, number, number][] = [];
    const { claimed, transactions } = await claimAll(e.alice, {
      ...parameters,
      onTransaction: ({ transactionHash }, done, total) =>
        progress.push([transactionHash, done, total]),
    });
    expect(progress).to.deep.equal(
      transactions.map(({ transactionHash }, index) => [transactionHash, index + 1, 4]),
    );
    expect(claimed).to.deep.equal(preview.totals);
    expect(claimed).to.deep.equal([
      { token: ETH, amount: ALICE_ETH + parseEther("0.44") + 13_437n },
      { token: usd(e), amount: ALICE_USD + BOB_USD },
    ]);
    const sent = await Promise.all(
      transactions.map(({ transactionHash }) =>
        e.publicClient.getTransaction({ hash: transactionHash }),
      ),
    );
    expect(sent.map(({ input }) => input)).to.deep.equal(prepared.map(({ data }) => data));
    // Each gas limit is the node's estimate: what the transaction needs before refunds.
    expect(sent.every(({ gas: limit }) => limit <= 210_000n)).to.equal(true);
    expect(await e.publicClient.getBalance({ address: recipient })).to.equal(
      ethBefore + (claimed[0]?.amount ?? 0n),
    );
  });

  it("keeps the worst case within gasPerTransaction: 16 fresh parents in two tokens", async function () {
    this.timeout(120_000);
    const e = env();
    const { deployment } = e;
    // Alice owns 48 originals; bob's three remixes each give 5% to 16 of them.
    const parents = Array.from({ length: 48 }, () => ({}));
    const remixes = [0, 1, 2].map((group) => ({
      by: e.bob,
      parents: Array.from({ length: 16 }, (_, k) => ({ index: group * 16 + k, shareBps: 500 })),
    }));
    const ids = await buildTree(e, [...parents, ...remixes]);
    for (const remixId of ids.slice(48)) {
      await pay(e, e.payer, remixId, ETH, parseEther("1"));
      await pay(e, e.payer, remixId, usd(e), 1_000_000n);
    }
    const budget = 1_100_000n;
    const preview = await previewClaimAll(e.alice, { deployment, owner: e.alice.account.address });
    const { claimed, transactions } = await claimAll(e.alice, {
      deployment,
      gasPerTransaction: budget,
    });
    expect(claimed).to.deep.equal(preview.totals);
    // Each parent's share is 5% of its remix's payments: 0.05 ETH and 50,000 dUSD.
    expect(claimed).to.deep.equal([
      { token: ETH, amount: parseEther("0.05") * 48n },
      { token: usd(e), amount: 50_000n * 48n },
    ]);
    // Three splits of one remix each, then 48 claims of two tokens in two transactions.
    expect(transactions).to.have.length(5);
    for (const { transactionHash } of transactions) {
      const { gas } = await e.publicClient.getTransaction({ hash: transactionHash });
      expect(gas <= budget, `${gas}`).to.equal(true);
    }
  });

  it("splits 250 remixes in two transactions within the default gas and claims in one", async function () {
    this.timeout(60_000);
    const e = env();
    const { deployment } = e;
    const ids = await buildTree(e, [
      {},
      ...Array.from({ length: 250 }, () => ({
        by: e.bob,
        parents: [{ index: 0, shareBps: 1_000 }],
      })),
    ]);
    const remixes = ids.slice(1);
    // 1,000 wei each: net 900 waits in each remix, 10% of the gross (100 wei) is A's.
    await confirm(
      e,
      await e.payer.writeContract({
        address: deployment.protocol,
        abi: remixProtocolAbi,
        functionName: "payMany",
        args: [ETH, remixes, remixes.map(() => 1_000n)],
        value: 250_000n,
      }),
    );
    // Each split brings alice 100 wei, far below its gas: gas price 0 keeps all 250 in the plan
    // (this test is about batching). Requests: the block, four log scans, one ownerOf batch, the
    // asset count, dUSD's decimals() and three multicalls of balances (502 reads, 250 a multicall); no
    // eth_gasPrice as the gas price is given.
    e.requests.count = 0;
    const preview = await previewClaimAll(e.publicClient, {
      deployment,
      owner: e.alice.account.address,
      ...EXACT,
    });
    console.log(`      previewClaimAll over 251 assets: ${e.requests.count} requests`);
    expect(e.requests.count).to.be.at.most(11);
    expect(preview.totals).to.deep.equal([{ token: ETH, amount: 25_000n }]);
    expect(preview.splitPlan.assetIds).to.deep.equal([...remixes].reverse());

    const { claimed, transactions } = await claimAll(e.alice, { deployment, ...EXACT });
    expect(claimed).to.deep.equal(preview.totals);
    expect(transactions).to.have.length(3);
    for (const { transactionHash } of transactions) {
      const { gas } = await e.publicClient.getTransaction({ hash: transactionHash });
      expect(gas <= CLAIM_ALL_GAS_PER_TRANSACTION).to.equal(true);
    }
  });

  it("claims only the tokens asked for", async function () {
    const e = env();
    const { deployment } = e;
    await family(e);
    // Given in lower case, reported checksummed.
    const { claimed } = await claimAll(e.alice, {
      deployment,
      tokens: [e.usd.toLowerCase() as Address],
    });
    expect(claimed).to.deep.equal([{ token: usd(e), amount: ALICE_USD }]);
    const after = await previewClaimAll(e.alice, { deployment, owner: e.alice.account.address });
    expect(after.totals).to.deep.equal([{ token: ETH, amount: ALICE_ETH_DEFAULT }]);
  });

  it("works while the protocol is paused", async function () {
    const e = env();
    const { deployment } = e;
    await family(e);
    await setPaused(e, true);
    const usdBefore = await usdBalance(e, e.alice.account.address);
    const { claimed } = await claimAll(e.alice, { deployment });
    expect(claimed).to.deep.equal([
      { token: ETH, amount: ALICE_ETH_DEFAULT },
      { token: usd(e), amount: ALICE_USD },
    ]);
    expect(await usdBalance(e, e.alice.account.address)).to.equal(usdBefore + ALICE_USD);
  });

  it("sends nothing and returns empty lists when there is nothing to claim", async function () {
    const e = env();
    const { deployment } = e;
    await buildTree(e, [{}, { by: e.bob, parents: [{ index: 0, shareBps: 1_000 }] }]);
    for (const wallet of [e.alice, e.stranger]) {
      const before = await nonce(e, wallet);
      const blockNumber = await e.publicClient.getBlockNumber();
      const gasPrice = await e.publicClient.getGasPrice();
      expect(await prepareClaimAll(wallet, { deployment })).to.deep.equal([]);
      expect(await claimAll(wallet, { deployment })).to.deep.equal({
        claimed: [],
        transactions: [],
        failed: [],
        preview: {
          owner: wallet.account.address,
          blockNumber,
          tokens: [ETH, usd(e)],
          totals: [],
          perAsset: [],
          splitPlan: { assetIds: [], tokens: [], parentCounts: [] },
          claimPlan: { assetIds: [], tokens: [] },
          minValues: [
            { token: ETH, amount: claimGasBound() * gasPrice },
            { token: usd(e), amount: 10_000n },
          ],
          skippedSplits: [],
          skippedClaims: [],
          receivedAssetIds: [],
        },
      });
      expect(await nonce(e, wallet)).to.equal(before);
    }
  });

  it("refuses bad parameters before sending anything", async function () {
    const e = env();
    const { deployment } = e;
    const cases: [Parameters<typeof claimAll>[1], string][] = [
      [{ recipient: zeroAddress }, "recipient"],
      [{ recipient: deployment.protocol }, "recipient"],
      [{ tokens: [] }, "tokens"],
      [{ tokens: [ETH, usd(e), ETH] }, "tokens[2]"],
      [{ gasPerTransaction: 199_999n }, "gasPerTransaction"],
      [{ gasPerTransaction: 1n << 64n }, "gasPerTransaction"],
    ];
    const before = await nonce(e, e.alice);
    for (const [parameters, parameter] of cases) {
      const error = await claimAll(e.alice, { deployment, ...parameters }).catch(
        (caught: unknown) => caught,
      );
      expect(error).to.be.instanceOf(InvalidParameterError);
      expect((error as InvalidParameterError).parameter).to.equal(parameter);
    }
    expect(await nonce(e, e.alice)).to.equal(before);
  });
});
