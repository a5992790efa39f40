import { expect } from "chai";
import { type Address, parseEther } from "viem";
import {
  ContractRevertError,
  estimatePayGas,
  ETH,
  getAllowance,
  getBalances,
  pay,
  preparePay,
  setPaused,
  toRemixError,
} from "../../../../sdk/index.js";
import { describeOnNodes } from "../helpers/env.js";
import {
  expectInvalidParameter,
  expectRevert,
  fundUsd,
  original,
  workedExample,
} from "../helpers/family.js";

const NOT_LISTED: Address = "0x000000000000000000000000000000000000dEaD";

describeOnNodes("sdk pay", (env) => {
  it("credits an original's collectable balance at once, less the fee", async function () {
    const e = env();
    const a = await original(e, e.alice, "A");
    const { fee } = await pay(e.payer, {
      deployment: e.deployment,
      assetId: a,
      token: ETH,
      amount: 1_000n,
    });
    expect(fee).to.equal(100n);
    const [balance] = await getBalances(e.publicClient, {
      deployment: e.deployment,
      assetIds: [a],
      tokens: [ETH],
    });
    expect(balance).to.deep.equal({
      assetId: a,
      token: ETH,
      held: 900n,
      pendingGross: 0n,
      remainder: 0n,
      collectable: 900n,
    });
  });

  it("prepares the calldata it sends with the amount as value, and estimates enough gas", async function () {
    const e = env();
    const { b } = await workedExample(e);
    const parameters = {
      deployment: e.deployment,
      assetId: b,
      token: ETH,
      amount: parseEther("1"),
    };
    const prepared = await preparePay(e.payer, parameters);
    expect(prepared).to.deep.include({ to: e.deployment.protocol, value: parseEther("1") });
    const gas = await estimatePayGas(e.payer, parameters);
    const { receipt } = await pay(e.payer, parameters);
    const sent = await e.publicClient.getTransaction({ hash: receipt.transactionHash });
    expect(sent.input).to.equal(prepared.data);
    expect(sent.value).to.equal(prepared.value);
    expect(gas >= receipt.gasUsed).to.equal(true);
  });

  it("sends no value for an ERC-20 payment and uses up the allowance", async function () {
    const e = env();
    const a = await original(e, e.alice, "A");
    await fundUsd(e, e.payer, 5_000_000n);
    const parameters = { deployment: e.deployment, assetId: a, token: e.usd, amount: 5_000_000n };
    expect((await preparePay(e.payer, parameters)).value).to.equal(0n);
    expect((await pay(e.payer, parameters)).fee).to.equal(500_000n);
    const allowance = await getAllowance(e.publicClient, {
      deployment: e.deployment,
      token: e.usd,
      owner: e.payer.account.address,
    });
    expect(allowance).to.equal(0n);
  });

  it("fails with ZeroAmount, TokenNotAllowed and ProtocolPaused before sending", async function () {
    const e = env();
    const { deployment, payer } = e;
    const a = await original(e, e.alice, "A");
    const payment = { deployment, assetId: a, token: ETH, amount: 1n };
    await expectRevert(e, payer, () => pay(payer, { ...payment, amount: 0n }), "ZeroAmount");
    await expectRevert(
      e,
      payer,
      () => pay(payer, { ...payment, token: NOT_LISTED }),
      "TokenNotAllowed",
      [NOT_LISTED],
    );
    await setPaused(e.admin, { deployment, paused: true });
    await expectRevert(e, payer, () => pay(payer, payment), "ProtocolPaused");
  });

  it("decodes IncorrectPaymentValue when the prepared call is sent with another value", async function () {
    const e = env();
    const a = await original(e, e.alice, "A");
    const prepared = await preparePay(e.payer, {
      deployment: e.deployment,
      assetId: a,
      token: ETH,
      amount: 1_000n,
    });
    const error = toRemixError(
      await e.publicClient
        .call({ account: e.payer.account, ...prepared, value: 999n })
        .catch((caught: unknown) => caught),
    );
    expect(error).to.be.instanceOf(ContractRevertError);
    expect((error as ContractRevertError).errorName).to.equal("IncorrectPaymentValue");
    expect((error as ContractRevertError).args).to.deep.equal([1_000n, 999n]);
  });

  it("refuses a negative amount, a malformed token or asset id with InvalidParameterError", async function () {
    const e = env();
    const { deployment, payer } = e;
    const payment = { deployment, assetId: 1n, token: ETH, amount: 1n };
    await expectInvalidParameter(e, payer, () => pay(payer, { ...payment, amount: -1n }), "amount");
    await expectInvalidParameter(
      e,
      payer,
      () => pay(payer, { ...payment, token: "0x1234" as Address }),
      "token",
    );
    await expectInvalidParameter(
      e,
      payer,
      () => pay(payer, { ...payment, assetId: 1 as unknown as bigint }),
      "assetId",
    );
  });
});
