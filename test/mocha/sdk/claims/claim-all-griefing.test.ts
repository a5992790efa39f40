import { expect } from "chai";
import {
  type Address,
  decodeErrorResult,
  decodeFunctionData,
  erc20Abi,
  getAddress,
  type Hash,
  parseEther,
  toFunctionSelector,
  type TransactionReceipt,
} from "viem";
import {
  claimAll,
  claimMany,
  ETH,
  previewClaimAll,
  remixProtocolAbi,
  UnknownRevertError,
} from "../../../../sdk/index.js";
import { claimGasBound, splitGasBound } from "../../../../sdk/utils/claimAllBatches.js";
import { artifact, describeOnNodes, type SdkEnv, type Wallet } from "../helpers/env.js";
import { buildTree, confirm, pay, transferAsset } from "../helpers/tree.js";

// Griefing a claimer: anyone can hang remixes under someone else's asset, pay them dust and hand
// them assets, and a token can start reverting. The attacks run for real below; each test measures
// what the old claim-all behaviour (split every descendant with pending revenue, claim every owned
// asset with anything in it, one claimMany over every token) costs the victim, then checks that
// claimAll with its default parameters no longer pays for them.

const gasCost = (receipts: readonly TransactionReceipt[]) =>
  receipts.reduce((sum, { gasUsed, effectiveGasPrice }) => sum + gasUsed * effectiveGasPrice, 0n);

const gasUsed = (receipts: readonly TransactionReceipt[]) =>
  receipts.reduce((sum, receipt) => sum + receipt.gasUsed, 0n);

/** Runs `body` on a snapshot of the chain and reverts it: what would have happened. */
async function onSnapshot<result>(e: SdkEnv, body: () => Promise<result>): Promise<result> {
  const id = await e.testClient.snapshot();
  try {
    return await body();
  } finally {
    await e.testClient.revert({ id });
  }
}

async function receipt(e: SdkEnv, hash: Hash): Promise<TransactionReceipt> {
  const mined = await e.publicClient.waitForTransactionReceipt({ hash });
  if (mined.status !== "success") throw new Error(`transaction ${hash} reverted`);
  return mined;
}

/** What the old planner sent: `splitMany(assetIds, tokens)` from `wallet`. */
async function splitMany(e: SdkEnv, wallet: Wallet, assetIds: bigint[], tokens: Address[]) {
  return receipt(
    e,
    await wallet.writeContract({
      address: e.deployment.protocol,
      abi: remixProtocolAbi,
      functionName: "splitMany",
      args: [assetIds, tokens],
    }),
  );
}

async function payMany(e: SdkEnv, payer: Wallet, assetIds: bigint[], amounts: bigint[]) {
  await confirm(
    e,
    await payer.writeContract({
      address: e.deployment.protocol,
      abi: remixProtocolAbi,
      functionName: "payMany",
      args: [ETH, assetIds, amounts],
      value: amounts.reduce((sum, amount) => sum + amount, 0n),
    }),
  );
}

/** What the owner of `assetId` can claim now in `token` (the contract's own view). */
async function collectable(e: SdkEnv, assetId: bigint, token: Address = ETH): Promise<bigint> {
  return e.publicClient.readContract({
    address: e.deployment.protocol,
    abi: remixProtocolAbi,
    functionName: "collectableBalance",
    args: [assetId, token],
  });
}

async function pendingGross(e: SdkEnv, assetId: bigint, token: Address = ETH): Promise<bigint> {
  const [, pending] = await e.publicClient.readContract({
    address: e.deployment.protocol,
    abi: remixProtocolAbi,
    functionName: "royaltyBalance",
    args: [assetId, token],
  });
  return pending;
}

async function tokenBalance(e: SdkEnv, token: Address, owner: Address): Promise<bigint> {
  return e.publicClient.readContract({
    address: token,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [owner],
  });
}

/** The function each receipt's transaction called. */
async function calledFunctions(e: SdkEnv, receipts: readonly TransactionReceipt[]) {
  return Promise.all(
    receipts.map(async ({ transactionHash }) => {
      const { input } = await e.publicClient.getTransaction({ hash: transactionHash });
      return decodeFunctionData({ abi: remixProtocolAbi, data: input }).functionName;
    }),
  );
}

describeOnNodes("sdk claimAll under griefing", (env) => {
  it("a 60-deep chain of remixes under alice's original: no splits, only her claim", async function () {
    this.timeout(120_000);
    const e = env();
    const { deployment } = e;
    const alice = e.alice.account.address;
    // Alice's A, then the attacker's chain: each remix gives 30% to the one above it (buildTree
    // has every remixed asset's owner publish free remix terms, A's by alice).
    const [a, ...chain] = (await buildTree(e, [
      {},
      ...Array.from({ length: 60 }, (_, k) => ({
        by: e.stranger,
        parents: [{ index: k, shareBps: 3_000 }],
      })),
    ])) as [bigint, ...bigint[]];
    // Alice's direct revenue: 1 ETH, 0.9 ETH after the 10% fee.
    await pay(e, e.payer, a, ETH, parseEther("1"));
    // The attacker pays 1 ETH into the bottom of the chain and 1,000 wei into the top (A's
    // child). 30% a hop, the ETH climbs 35 levels before it rounds to nothing, 25 short of A: the
    // old plan (every split that moves something, in the simulation) made those 35 splits, each
    // crediting a parent for the first time, and the top one.
    const bottom = chain[chain.length - 1] as bigint;
    await pay(e, e.stranger, bottom, ETH, parseEther("1"));
    await pay(e, e.stranger, chain[0] as bigint, ETH, 1_000n);

    // Before: the old plan's splitMany over the whole chain, children first, sent by alice.
    const old = await onSnapshot(e, async () => {
      const before = await collectable(e, a);
      const split = await splitMany(e, e.alice, [...chain].reverse(), [ETH]);
      return { split, gained: (await collectable(e, a)) - before };
    });
    console.log(
      `      chain, before: splitMany ${old.split.gasUsed} gas for +${old.gained} wei to alice`,
    );
    expect(old.split.gasUsed > 1_000_000n, `${old.split.gasUsed}`).to.equal(true);
    // 30% of the top's 1,000 wei; nothing of the 1 ETH.
    expect(old.gained).to.equal(300n);
    expect(old.gained < gasCost([old.split])).to.equal(true);

    // After: claimAll with its default parameters.
    const gasPrice = await e.publicClient.getGasPrice();
    const ethBefore = await e.publicClient.getBalance({ address: alice });
    const { claimed, transactions, failed, preview } = await claimAll(e.alice, { deployment });
    console.log(`      chain, after: claimAll ${gasUsed(transactions)} gas`);
    expect(await calledFunctions(e, transactions)).to.deep.equal(["claimMany"]);
    expect(gasUsed(transactions) < 100_000n, `${gasUsed(transactions)}`).to.equal(true);
    expect(claimed).to.deep.equal([{ token: ETH, amount: parseEther("0.9") }]);
    expect(failed).to.deep.equal([]);
    expect(await e.publicClient.getBalance({ address: alice })).to.equal(
      ethBefore + parseEther("0.9") - gasCost(transactions),
    );
    expect(preview.splitPlan).to.deep.equal({ assetIds: [], tokens: [], parentCounts: [] });
    // Every split the old plan made is left out, children first: the 35 that carry the bottom's
    // ETH bring alice nothing at all, the top one 300 wei, far below a split's gas.
    const threshold = splitGasBound(1) * gasPrice;
    expect(preview.skippedSplits).to.deep.equal([
      ...chain
        .slice(25)
        .reverse()
        .map((assetId) => ({
          assetId,
          value: 0n,
          threshold,
          reason: "reachesNothing",
          token: ETH,
        })),
      { assetId: chain[0], value: 300n, threshold, reason: "belowThreshold", token: ETH },
    ]);
    // The chain's revenue is still there, for its owner to split.
    expect(await pendingGross(e, bottom)).to.equal(parseEther("1"));
  });

  it("20 remixes with 16 parents each paying alice dust: skipped unless minValues is 0", async function () {
    this.timeout(180_000);
    const e = env();
    const { deployment } = e;
    const alice = e.alice.account.address;
    // Alice's A and 300 attacker originals; 20 attacker remixes, each giving 0.01% to A and 5%
    // to each of 15 originals of its own (so each split credits 15 parents for the first time,
    // the worst case).
    const ids = await buildTree(e, [
      {},
      ...Array.from({ length: 300 }, () => ({ by: e.stranger })),
      ...Array.from({ length: 20 }, (_, r) => ({
        by: e.stranger,
        parents: [
          { index: 0, shareBps: 1 },
          ...Array.from({ length: 15 }, (_, k) => ({ index: 1 + r * 15 + k, shareBps: 500 })),
        ],
      })),
    ]);
    const a = ids[0] as bigint;
    const remixes = ids.slice(301);
    await pay(e, e.payer, a, ETH, parseEther("0.1"));
    // 10^12 wei into each remix: 10^8 wei of each for alice.
    await payMany(
      e,
      e.stranger,
      remixes,
      remixes.map(() => 1_000_000_000_000n),
    );

    // Before: the old plan's splitMany of the 20, sent by alice.
    const old = await onSnapshot(e, async () => {
      const before = await collectable(e, a);
      const split = await splitMany(e, e.alice, [...remixes].reverse(), [ETH]);
      return { split, gained: (await collectable(e, a)) - before };
    });
    console.log(
      `      wide, before: splitMany ${old.split.gasUsed} gas for +${old.gained} wei to alice`,
    );
    expect(old.split.gasUsed > 2_000_000n, `${old.split.gasUsed}`).to.equal(true);
    expect(old.gained).to.equal(20n * 100_000_000n);
    expect(old.gained < gasCost([old.split])).to.equal(true);

    // After: no split, each remix reported with what it would bring alice and its threshold.
    const gasPrice = await e.publicClient.getGasPrice();
    const { claimed, transactions, preview } = await claimAll(e.alice, { deployment });
    console.log(`      wide, after: claimAll ${gasUsed(transactions)} gas`);
    expect(await calledFunctions(e, transactions)).to.deep.equal(["claimMany"]);
    expect(gasUsed(transactions) < 100_000n, `${gasUsed(transactions)}`).to.equal(true);
    expect(claimed).to.deep.equal([{ token: ETH, amount: parseEther("0.09") }]);
    expect(preview.splitPlan.assetIds).to.deep.equal([]);
    expect(preview.skippedSplits).to.deep.equal(
      [...remixes].reverse().map((assetId) => ({
        assetId,
        value: 100_000_000n,
        threshold: splitGasBound(16) * gasPrice,
        reason: "belowThreshold",
        token: ETH,
      })),
    );

    // The threshold is what leaves them out: with a minimum of 0 they are split again.
    const zero = await claimAll(e.alice, { deployment, minValues: [{ token: ETH, amount: 0n }] });
    console.log(`      wide, minValues 0: ${gasUsed(zero.transactions)} gas`);
    expect(zero.preview.skippedSplits).to.deep.equal([]);
    expect(zero.preview.splitPlan).to.deep.equal({
      assetIds: [...remixes].reverse(),
      tokens: [ETH],
      parentCounts: remixes.map(() => 16),
    });
    // The 20 splits' gas bound (20 x 510,000) exceeds one transaction's default 10M: two
    // splitMany, then the claim.
    expect(await calledFunctions(e, zero.transactions)).to.deep.equal([
      "splitMany",
      "splitMany",
      "claimMany",
    ]);
    expect(gasUsed(zero.transactions) > 2_000_000n).to.equal(true);
    expect(zero.claimed).to.deep.equal([{ token: ETH, amount: 20n * 100_000_000n }]);
    expect(await collectable(e, a)).to.equal(0n);
    expect(alice).to.equal(zero.preview.owner);
  });

  it("an asset with dust transferred to alice: its claim is skipped, or it is excluded", async function () {
    const e = env();
    const { deployment } = e;
    const alice = e.alice.account.address;
    const [a, s] = (await buildTree(e, [{}, { by: e.stranger }])) as [bigint, bigint];
    await pay(e, e.payer, a, ETH, parseEther("1"));
    // The attacker pays its own S 1,000 wei (900 after the fee) and gives S to alice.
    await pay(e, e.stranger, s, ETH, 1_000n);
    await transferAsset(e, e.stranger, alice, s);

    // Before: the old plan claimed every owned asset with anything in it.
    const old = await onSnapshot(e, async () => {
      const { receipt: claim } = await claimMany(e.alice, {
        deployment,
        assetIds: [a, s],
        tokens: [ETH],
      });
      return claim;
    });

    const gasPrice = await e.publicClient.getGasPrice();
    const byDefault = await previewClaimAll(e.publicClient, { deployment, owner: alice });
    expect(byDefault.receivedAssetIds).to.deep.equal([s]);
    expect(byDefault.skippedClaims).to.deep.equal([
      { assetId: s, token: ETH, amount: 900n, threshold: claimGasBound() * gasPrice },
    ]);
    expect(byDefault.claimPlan).to.deep.equal({ assetIds: [a], tokens: [ETH] });
    const excluded = await previewClaimAll(e.publicClient, {
      deployment,
      owner: alice,
      received: "exclude",
    });
    expect(excluded.receivedAssetIds).to.deep.equal([s]);
    expect(excluded.skippedClaims).to.deep.equal([]);
    expect(excluded.claimPlan).to.deep.equal({ assetIds: [a], tokens: [ETH] });

    // After: only A is claimed, with less gas than the claim that took S's 900 wei too.
    const { claimed, transactions, preview } = await claimAll(e.alice, { deployment });
    console.log(
      `      transfer, before: claimMany ${old.gasUsed} gas; after: ${gasUsed(transactions)} gas`,
    );
    expect(preview).to.deep.equal(byDefault);
    expect(claimed).to.deep.equal([{ token: ETH, amount: parseEther("0.9") }]);
    expect(await calledFunctions(e, transactions)).to.deep.equal(["claimMany"]);
    expect(gasUsed(transactions) < old.gasUsed).to.equal(true);
    expect((old.gasUsed - gasUsed(transactions)) * gasPrice > 900n).to.equal(true);
    expect(await collectable(e, s)).to.equal(900n);

    // Excluded, S is not even considered, whatever the gas price.
    const none = await claimAll(e.alice, { deployment, received: "exclude", gasPrice: 0n });
    expect(none.transactions).to.deep.equal([]);
    expect(none.preview.receivedAssetIds).to.deep.equal([s]);
    expect(none.preview.skippedClaims).to.deep.equal([]);
    // Included at gas price 0, its dust is claimed.
    const dust = await claimAll(e.alice, { deployment, gasPrice: 0n });
    expect(dust.claimed).to.deep.equal([{ token: ETH, amount: 900n }]);
    expect(dust.preview.claimPlan).to.deep.equal({ assetIds: [s], tokens: [ETH] });
  });

  it("a frozen token is left out and reported, every other token claimed", async function () {
    const e = env();
    const { deployment } = e;
    const alice = e.alice.account.address;
    const usd = getAddress(e.usd);
    const { abi, bytecode } = artifact("mocks/FreezableERC20.sol/FreezableERC20.json");
    const deployed = await receipt(e, await e.admin.deployContract({ abi, bytecode }));
    const frozenToken = getAddress(deployed.contractAddress as Address);
    await confirm(
      e,
      await e.admin.writeContract({
        address: deployment.protocol,
        abi: remixProtocolAbi,
        functionName: "setTokenAllowed",
        args: [frozenToken, true],
      }),
    );
    const setFrozen = async (frozen: boolean) =>
      confirm(
        e,
        await e.stranger.writeContract({
          address: frozenToken,
          abi,
          functionName: "setFrozen",
          args: [frozen],
        }),
      );
    const [a] = (await buildTree(e, [{}])) as [bigint];
    await pay(e, e.payer, a, ETH, parseEther("1"));
    await pay(e, e.payer, a, usd, 1_000_000n);
    await pay(e, e.payer, a, frozenToken, 1_000_000n);
    await setFrozen(true);
    const tokenFrozen = toFunctionSelector("TokenFrozen()");

    // Before: one claimMany over every token reverts as a whole, with the token's error.
    const error = await claimMany(e.alice, {
      deployment,
      assetIds: [a],
      tokens: [ETH, usd, frozenToken],
    }).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(UnknownRevertError);
    expect((error as UnknownRevertError).data).to.equal(tokenFrozen);

    // After: ETH and dUSD are claimed, the frozen token reported in `failed`.
    const ethBefore = await e.publicClient.getBalance({ address: alice });
    const usdBefore = await tokenBalance(e, usd, alice);
    const { claimed, transactions, failed, preview } = await claimAll(e.alice, { deployment });
    console.log(`      frozen token, after: claimAll ${gasUsed(transactions)} gas`);
    expect(preview.totals).to.deep.equal([
      { token: ETH, amount: parseEther("0.9") },
      { token: usd, amount: 900_000n },
      { token: frozenToken, amount: 900_000n },
    ]);
    expect(claimed).to.deep.equal(preview.totals.slice(0, 2));
    expect(await calledFunctions(e, transactions)).to.deep.equal(["claimMany"]);
    expect(gasUsed(transactions) < 100_000n, `${gasUsed(transactions)}`).to.equal(true);
    expect(await e.publicClient.getBalance({ address: alice })).to.equal(
      ethBefore + parseEther("0.9") - gasCost(transactions),
    );
    expect(await tokenBalance(e, usd, alice)).to.equal(usdBefore + 900_000n);
    expect(await tokenBalance(e, frozenToken, alice)).to.equal(0n);
    expect(failed.map(({ token }) => token)).to.deep.equal([frozenToken]);
    const reason = failed[0]?.error;
    // TokenFrozen is the token's error, not the protocol's: the SDK keeps its raw data.
    expect(reason).to.be.instanceOf(UnknownRevertError);
    expect((reason as UnknownRevertError).data).to.equal(tokenFrozen);
    expect((reason as UnknownRevertError).reason).to.equal(undefined);
    expect((reason as UnknownRevertError).shortMessage).to.equal(
      "The call reverted without a known reason.",
    );
    expect(
      decodeErrorResult({ abi, data: (reason as UnknownRevertError).data ?? "0x" }).errorName,
    ).to.equal("TokenFrozen");
    expect(await collectable(e, a, frozenToken)).to.equal(900_000n);

    // Unfrozen, the next claimAll pays it.
    await setFrozen(false);
    const again = await claimAll(e.alice, { deployment });
    expect(again.failed).to.deep.equal([]);
    expect(again.claimed).to.deep.equal([{ token: frozenToken, amount: 900_000n }]);
    expect(await tokenBalance(e, frozenToken, alice)).to.equal(900_000n);
  });
});
