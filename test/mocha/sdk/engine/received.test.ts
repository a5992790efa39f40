import { expect } from "chai";
import { getAddress, parseEther } from "viem";
import { claim, ETH, getReceived, pay, split } from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../helpers/env.js";
import { fundUsd, original, workedExample } from "../helpers/family.js";

/**
 * A history for A (original) and B (remix giving A 30%): direct payments to both, a split of B and
 * a claim by A, returning the sums of the events the writes decoded.
 */
async function history(e: SdkEnv) {
  const { deployment, payer } = e;
  const { a, b } = await workedExample(e);
  await fundUsd(e, payer, 2_000_000n);
  const payments = [
    { assetId: a, token: ETH, amount: parseEther("1") },
    { assetId: b, token: ETH, amount: parseEther("2") },
    { assetId: b, token: ETH, amount: parseEther("0.5") },
    { assetId: a, token: e.usd, amount: 2_000_000n },
  ];
  let feesToA = 0n;
  for (const payment of payments) {
    const { fee } = await pay(payer, { deployment, ...payment });
    if (payment.assetId === a && payment.token === ETH) feesToA += fee;
  }
  const { forwarded } = await split(e.stranger, { deployment, assetId: b, token: ETH });
  const { amount: claimed } = await claim(e.alice, { deployment, assetId: a, token: ETH });
  return { a, b, feesToA, fromB: forwarded[0]?.amount ?? 0n, claimed };
}

describeOnNodes("sdk getReceived", (env) => {
  it("totals direct payments, royalties from and to other assets, and claims per token", async function () {
    const e = env();
    const { a, b, feesToA, fromB, claimed } = await history(e);
    const { deployment, publicClient } = e;
    expect(fromB).to.equal(parseEther("0.75"));
    const { totals, blockNumber } = await getReceived(publicClient, { deployment, assetId: a });
    expect(blockNumber).to.equal(await publicClient.getBlockNumber({ cacheTime: 0 }));
    expect(totals).to.deep.equal([
      {
        token: ETH,
        paid: parseEther("1"),
        fees: feesToA,
        fromRemixes: fromB,
        credited: parseEther("1") - feesToA + fromB,
        toParents: 0n,
        claimed,
      },
      {
        token: getAddress(e.usd),
        paid: 2_000_000n,
        fees: 200_000n,
        fromRemixes: 0n,
        credited: 1_800_000n,
        toParents: 0n,
        claimed: 0n,
      },
    ]);
    const ofB = await getReceived(publicClient, { deployment, assetId: b, token: ETH });
    expect(ofB.totals).to.deep.equal([
      {
        token: ETH,
        paid: parseEther("2.5"),
        fees: parseEther("0.25"),
        fromRemixes: 0n,
        credited: parseEther("2.25"),
        toParents: fromB,
        claimed: 0n,
      },
    ]);
  });

  it("sends one eth_getLogs per event type and one batch of parent lists for a pinned block", async function () {
    const e = env();
    const { a } = await history(e);
    const { deployment, publicClient, requests } = e;
    const blockNumber = await publicClient.getBlockNumber({ cacheTime: 0 });
    const before = requests.count;
    const { totals } = await getReceived(publicClient, {
      deployment,
      assetId: a,
      token: e.usd,
      blockNumber,
    });
    // Paid, ParentLinked and its own Split logs, its remixes' Split logs, and one multicall of
    // their parent lists and the asset's balance.
    expect(requests.count - before).to.equal(5);
    expect(totals.map(({ token, paid }) => [token, paid])).to.deep.equal([
      [getAddress(e.usd), 2_000_000n],
    ]);
  });

  it("gives the same totals when scanning in small block ranges, and counts only up to blockNumber", async function () {
    const e = env();
    const { deployment, publicClient } = e;
    const a = await original(e, e.alice, "A");
    await pay(e.payer, { deployment, assetId: a, token: ETH, amount: 1_000n });
    const paidAt = await publicClient.getBlockNumber({ cacheTime: 0 });
    await pay(e.payer, { deployment, assetId: a, token: ETH, amount: 3_000n });
    const whole = await getReceived(publicClient, { deployment, assetId: a });
    const chunked = await getReceived(publicClient, { deployment, assetId: a, maxBlockRange: 2n });
    expect(chunked).to.deep.equal(whole);
    expect(whole.totals[0]?.paid).to.equal(4_000n);
    const earlier = await getReceived(publicClient, {
      deployment,
      assetId: a,
      blockNumber: paidAt,
    });
    expect(earlier.totals[0]?.paid).to.equal(1_000n);
  });

  it("reports zeros for a requested token and nothing otherwise for an unpaid asset", async function () {
    const e = env();
    const { deployment, publicClient } = e;
    const a = await original(e, e.alice, "A");
    expect((await getReceived(publicClient, { deployment, assetId: a })).totals).to.deep.equal([]);
    const { totals } = await getReceived(publicClient, { deployment, assetId: a, token: ETH });
    expect(totals).to.deep.equal([
      {
        token: ETH,
        paid: 0n,
        fees: 0n,
        fromRemixes: 0n,
        credited: 0n,
        toParents: 0n,
        claimed: 0n,
      },
    ]);
  });
});
