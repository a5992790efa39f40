import { expect } from "chai";
import { getAddress, parseEther } from "viem";
import {
  auditProtocol,
  claimMany,
  ETH,
  getBalances,
  pay,
  splitMany,
  withdrawFees,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../helpers/env.js";
import { fundUsd, threeGenerations } from "../helpers/family.js";
import { overwriteHeld } from "../helpers/storage.js";
import { buildTree } from "../helpers/tree.js";

/**
 * A <- B (30%) <- C (20%). C is paid 1 ETH and 1 dUSD, B 0.5 ETH; C and B are split; alice
 * claims A's ETH, the treasury takes the ETH fees. Fee 10%.
 */
async function history(e: SdkEnv) {
  const { deployment, payer } = e;
  const family = await threeGenerations(e);
  await fundUsd(e, payer, 1_000_000n);
  await pay(payer, { deployment, assetId: family.c, token: ETH, amount: parseEther("1") });
  await pay(payer, { deployment, assetId: family.c, token: e.usd, amount: 1_000_000n });
  await pay(payer, { deployment, assetId: family.b, token: ETH, amount: parseEther("0.5") });
  await splitMany(e.stranger, { deployment, assetIds: [family.c, family.b], tokens: [ETH] });
  await claimMany(e.alice, { deployment, assetIds: [family.a], tokens: [ETH] });
  await withdrawFees(e.stranger, { deployment, token: ETH });
  return family;
}

describeOnNodes("sdk auditProtocol", (env) => {
  it("reconciles every token to the wei when nothing was tampered with", async function () {
    const e = env();
    await history(e);
    const audit = await auditProtocol(e.publicClient, { deployment: e.deployment });
    expect(audit.ok).to.equal(true);
    expect(audit.discrepancies).to.deep.equal([]);
    expect(audit.assetCount).to.equal(3);
    const [eth, usd] = audit.tokens;
    // ETH: 1.5 paid, 0.15 fees withdrawn. C's 1 ETH: B 0.2, B forwards 30% of 0.2 + 0.5 to A
    // (0.21); alice claimed A's 0.21. Owed: B keeps 0.2 - 0.21 + 0.45 = 0.44, C 0.7.
    expect(eth).to.deep.equal({
      token: ETH,
      paidIn: parseEther("1.5"),
      claimed: parseEther("0.21"),
      feesWithdrawn: parseEther("0.15"),
      claimable: parseEther("1.14"),
      inTransit: 0n,
      feesAccrued: 0n,
      owed: parseEther("1.14"),
      balance: parseEther("1.14"),
      surplus: 0n,
      conserved: true,
      solvent: true,
    });
    // dUSD: paid to C and never split, so C holds 0.90 of which B's 0.20 waits for the split;
    // the fee is accrued.
    expect(usd).to.deep.equal({
      token: getAddress(e.usd),
      paidIn: 1_000_000n,
      claimed: 0n,
      feesWithdrawn: 0n,
      claimable: 700_000n,
      inTransit: 200_000n,
      feesAccrued: 100_000n,
      owed: 1_000_000n,
      balance: 1_000_000n,
      surplus: 0n,
      conserved: true,
      solvent: true,
    });
  });

  it("fails solvency when the contract holds less ETH than it owes", async function () {
    const e = env();
    await history(e);
    await e.testClient.setBalance({ address: e.deployment.protocol, value: parseEther("1") });
    const audit = await auditProtocol(e.publicClient, { deployment: e.deployment });
    expect(audit.ok).to.equal(false);
    const [eth, usd] = audit.tokens;
    expect(eth).to.deep.include({ solvent: false, conserved: true, surplus: -parseEther("0.14") });
    expect(usd).to.deep.include({ solvent: true, conserved: true });
    // The books themselves still agree with the events: only the holdings are short.
    expect(audit.discrepancies).to.deep.equal([]);
  });

  it("names the asset whose balance was overwritten, and the broken conservation", async function () {
    const e = env();
    const { b } = await history(e);
    await overwriteHeld(e, b, ETH, () => parseEther("5"));
    const audit = await auditProtocol(e.publicClient, { deployment: e.deployment });
    expect(audit.ok).to.equal(false);
    expect(audit.discrepancies).to.deep.equal([
      {
        kind: "state",
        token: ETH,
        assetId: b,
        field: "held",
        expected: parseEther("0.44"),
        actual: parseEther("5"),
      },
    ]);
    expect(audit.tokens[0]).to.deep.include({ conserved: false, solvent: false });
  });

  it("agrees with a claim that splits a listed remix after taking its listed parent", async function () {
    const e = env();
    const { deployment, alice, payer } = e;
    // Alice owns A and its remix B (30%); claimMany([A, B]) takes A first, then splits B (its
    // 30% reaches A after A was taken) and takes B. The split is logged before the one Claimed.
    const [a, b] = (await buildTree(e, [{}, { parents: [{ index: 0, shareBps: 3_000 }] }])) as [
      bigint,
      bigint,
    ];
    await pay(payer, { deployment, assetId: a, token: ETH, amount: parseEther("0.1") });
    await pay(payer, { deployment, assetId: b, token: ETH, amount: parseEther("1") });
    const { amounts } = await claimMany(alice, { deployment, assetIds: [a, b], tokens: [ETH] });
    expect(amounts).to.deep.equal([{ token: ETH, amount: parseEther("0.69") }]);
    const [afterA] = await getBalances(e.publicClient, {
      deployment,
      assetIds: [a],
      tokens: [ETH],
    });
    expect(afterA!.held).to.equal(parseEther("0.3"));
    const audit = await auditProtocol(e.publicClient, { deployment });
    expect(audit.discrepancies).to.deep.equal([]);
    expect(audit.ok).to.equal(true);
  });

  it("reads a 300-asset protocol in a handful of requests", async function () {
    this.timeout(120_000);
    const e = env();
    const ids = await buildTree(e, [
      {},
      ...Array.from({ length: 299 }, (_, i) => ({
        by: e.bob,
        parents: [{ index: i, shareBps: 1_000 }],
      })),
    ]);
    await pay(e.payer, {
      deployment: e.deployment,
      assetId: ids[299]!,
      token: ETH,
      amount: parseEther("1"),
    });
    e.requests.count = 0;
    const audit = await auditProtocol(e.publicClient, { deployment: e.deployment });
    console.log(`      auditProtocol over 300 assets, 2 tokens: ${e.requests.count} requests`);
    expect(audit.ok).to.equal(true);
    expect(audit.assetCount).to.equal(300);
    // Block, asset count, logs, ETH balance, dUSD balance, fees, then 300 x 2 x 2 balance reads
    // in 5 chunks.
    expect(e.requests.count).to.be.at.most(11);
  });
});
