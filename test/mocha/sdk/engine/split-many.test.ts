import { expect } from "chai";
import { parseEther } from "viem";
import {
  estimateSplitManyGas,
  estimateSplitGas,
  ETH,
  getBalances,
  pay,
  prepareSplit,
  prepareSplitMany,
  split,
  splitMany,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../helpers/env.js";
import { expectInvalidParameter, fundUsd, threeGenerations } from "../helpers/family.js";

/** C (remix of B, remix of A) is paid 1.00 ETH and 1.00 dUSD. */
async function paidGrandchild(e: SdkEnv) {
  const family = await threeGenerations(e);
  await fundUsd(e, e.payer, 1_000_000n);
  const { deployment, payer } = e;
  await pay(payer, { deployment, assetId: family.c, token: ETH, amount: parseEther("1") });
  await pay(payer, { deployment, assetId: family.c, token: e.usd, amount: 1_000_000n });
  return family;
}

describeOnNodes("sdk split and splitMany", (env) => {
  it("moves a grandchild's revenue two hops in one call when children come first", async function () {
    const e = env();
    const { a, b, c } = await paidGrandchild(e);
    const { deployment, usd } = e;
    const { splits } = await splitMany(e.stranger, {
      deployment,
      assetIds: [c, b],
      tokens: [ETH, usd],
    });
    // C keeps 1.00 - 0.10 fee - 0.20 to B; B forwards 30% of its 0.20 to A.
    const summary = splits.map(({ assetId, token, gross, forwarded }) => ({
      assetId,
      eth: token === ETH,
      gross,
      forwarded,
    }));
    expect(summary).to.deep.equal([
      {
        assetId: c,
        eth: true,
        gross: parseEther("1"),
        forwarded: [{ parentId: b, amount: parseEther("0.2") }],
      },
      { assetId: c, eth: false, gross: 1_000_000n, forwarded: [{ parentId: b, amount: 200_000n }] },
      {
        assetId: b,
        eth: true,
        gross: parseEther("0.2"),
        forwarded: [{ parentId: a, amount: parseEther("0.06") }],
      },
      { assetId: b, eth: false, gross: 200_000n, forwarded: [{ parentId: a, amount: 60_000n }] },
    ]);
    const balances = await getBalances(e.publicClient, {
      deployment,
      assetIds: [a, b, c],
      tokens: [usd],
    });
    expect(
      balances.map(({ held, pendingGross, collectable }) => [held, pendingGross, collectable]),
    ).to.deep.equal([
      [60_000n, 0n, 60_000n],
      [140_000n, 0n, 140_000n],
      [700_000n, 0n, 700_000n],
    ]);
  });

  it("moves money one hop only when a parent is listed before its child", async function () {
    const e = env();
    const { a, b, c } = await paidGrandchild(e);
    const { deployment } = e;
    const { splits } = await splitMany(e.stranger, { deployment, assetIds: [b, c], tokens: [ETH] });
    expect(
      splits.map(({ assetId, gross, forwarded }) => [assetId, gross, forwarded.length]),
    ).to.deep.equal([
      [b, 0n, 0],
      [c, parseEther("1"), 1],
    ]);
    // B now holds C's 0.20 and has it pending: A's 0.06 waits for B's split, and B's owner could
    // claim only the 0.14 left after it (a claim splits first).
    const balances = await getBalances(e.publicClient, {
      deployment,
      assetIds: [a, b],
      tokens: [ETH],
    });
    expect(
      balances.map(({ held, pendingGross, collectable }) => [held, pendingGross, collectable]),
    ).to.deep.equal([
      [0n, 0n, 0n],
      [parseEther("0.2"), parseEther("0.2"), parseEther("0.14")],
    ]);
  });

  it("prepares the calldata it sends and estimates enough gas for split and splitMany", async function () {
    const e = env();
    const { b, c } = await paidGrandchild(e);
    const { deployment, stranger } = e;
    const one = { deployment, assetId: c, token: ETH };
    const many = { deployment, assetIds: [c, b], tokens: [e.usd] };
    for (const [prepare, estimate, write] of [
      [
        () => prepareSplit(stranger, one),
        () => estimateSplitGas(stranger, one),
        () => split(stranger, one),
      ],
      [
        () => prepareSplitMany(stranger, many),
        () => estimateSplitManyGas(stranger, many),
        () => splitMany(stranger, many),
      ],
    ] as const) {
      const prepared = await prepare();
      expect(prepared).to.deep.include({ to: deployment.protocol, value: 0n });
      const gas = await estimate();
      const { receipt } = await write();
      const sent = await e.publicClient.getTransaction({ hash: receipt.transactionHash });
      expect(sent.input).to.equal(prepared.data);
      expect(gas >= receipt.gasUsed).to.equal(true);
    }
  });

  it("refuses empty asset or token lists with InvalidParameterError", async function () {
    const e = env();
    const { deployment, stranger } = e;
    await expectInvalidParameter(
      e,
      stranger,
      () => splitMany(stranger, { deployment, assetIds: [], tokens: [ETH] }),
      "assetIds",
    );
    await expectInvalidParameter(
      e,
      stranger,
      () => splitMany(stranger, { deployment, assetIds: [1n], tokens: [] }),
      "tokens",
    );
  });
});
