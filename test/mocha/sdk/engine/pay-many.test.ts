import { expect } from "chai";
import { parseEther } from "viem";
import {
  estimatePayManyGas,
  ETH,
  getBalances,
  payMany,
  preparePayMany,
} from "../../../../sdk/index.js";
import { describeOnNodes } from "../helpers/env.js";
import {
  expectInvalidParameter,
  expectRevert,
  fundUsd,
  gasCost,
  workedExample,
} from "../helpers/family.js";

describeOnNodes("sdk payMany", (env) => {
  it("pays several assets in ETH with one transfer and returns the total, fees and each payment", async function () {
    const e = env();
    const { deployment, payer } = e;
    const { a, b } = await workedExample(e);
    const payments = [
      { assetId: a, amount: parseEther("0.1") },
      { assetId: b, amount: parseEther("0.2") },
      { assetId: a, amount: parseEther("0.3") },
    ];
    const before = await e.publicClient.getBalance({ address: payer.account.address });
    const result = await payMany(payer, { deployment, token: ETH, payments });
    expect(result.total).to.equal(parseEther("0.6"));
    expect(result.fees).to.equal(parseEther("0.06"));
    expect(result.payments).to.deep.equal(
      payments.map(({ assetId, amount }) => ({ assetId, amount, fee: amount / 10n })),
    );
    expect(await e.publicClient.getBalance({ address: payer.account.address })).to.equal(
      before - parseEther("0.6") - gasCost(result.receipt),
    );
    const balances = await getBalances(e.publicClient, {
      deployment,
      assetIds: [a, b],
      tokens: [ETH],
    });
    // B's 0.18 held includes A's 0.06 until B is split: its owner could claim 0.12 now.
    expect(
      balances.map(({ held, pendingGross, collectable }) => [held, pendingGross, collectable]),
    ).to.deep.equal([
      [parseEther("0.36"), 0n, parseEther("0.36")],
      [parseEther("0.18"), parseEther("0.2"), parseEther("0.12")],
    ]);
  });

  it("pays in dUSD with an allowance of the total, sending no value", async function () {
    const e = env();
    const { deployment, payer } = e;
    const { a, b } = await workedExample(e);
    await fundUsd(e, payer, 3_000_000n);
    const parameters = {
      deployment,
      token: e.usd,
      payments: [
        { assetId: a, amount: 1_000_000n },
        { assetId: b, amount: 2_000_000n },
      ],
    };
    const prepared = await preparePayMany(payer, parameters);
    expect(prepared.value).to.equal(0n);
    const gas = await estimatePayManyGas(payer, parameters);
    const result = await payMany(payer, parameters);
    expect([result.total, result.fees]).to.deep.equal([3_000_000n, 300_000n]);
    const sent = await e.publicClient.getTransaction({ hash: result.receipt.transactionHash });
    expect(sent.input).to.equal(prepared.data);
    expect(gas >= result.receipt.gasUsed).to.equal(true);
  });

  it("carries the ETH total as value in the prepared call", async function () {
    const e = env();
    const prepared = await preparePayMany(e.payer, {
      deployment: e.deployment,
      token: ETH,
      payments: [
        { assetId: 1n, amount: 5n },
        { assetId: 2n, amount: 7n },
      ],
    });
    expect(prepared).to.deep.include({ to: e.deployment.protocol, value: 12n });
  });

  it("fails as a whole with ZeroAmount when one payment is zero", async function () {
    const e = env();
    const { a, b } = await workedExample(e);
    const write = () =>
      payMany(e.payer, {
        deployment: e.deployment,
        token: ETH,
        payments: [
          { assetId: a, amount: 1n },
          { assetId: b, amount: 0n },
        ],
      });
    await expectRevert(e, e.payer, write, "ZeroAmount");
  });

  it("refuses an empty list or a negative amount with InvalidParameterError", async function () {
    const e = env();
    const { deployment, payer } = e;
    await expectInvalidParameter(
      e,
      payer,
      () => payMany(payer, { deployment, token: ETH, payments: [] }),
      "payments",
    );
    await expectInvalidParameter(
      e,
      payer,
      () => payMany(payer, { deployment, token: ETH, payments: [{ assetId: 1n, amount: -5n }] }),
      "payments[0].amount",
    );
  });
});
