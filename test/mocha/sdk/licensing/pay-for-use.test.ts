import { expect } from "chai";
import { getAddress } from "viem";
import {
  ContractRevertError,
  ETH,
  estimatePayForUseGas,
  InvalidParameterError,
  payForUse,
  preparePayForUse,
  quoteLicence,
  UseKind,
} from "../../../../sdk/index.js";
import { describeOnNodes } from "../helpers/env.js";
import * as f from "./fixtures.js";

describeOnNodes("sdk payForUse", (env) => {
  it("charges count times the View price in ETH and credits the asset", async function () {
    const e = env();
    const assetId = await f.original(e, e.alice, "views");
    await f.allow(e, e.alice, assetId, UseKind.View, { currency: ETH, price: 1_000n });
    const payer = e.payer.account.address;
    const before = await f.balanceOf(e, payer, ETH);
    const paid = await payForUse(e.payer, { deployment: e.deployment, assetId, count: 7n });
    expect(paid).to.deep.include({ total: 7_000n, currency: ETH, termsVersion: 1 });
    expect(await f.balanceOf(e, payer, ETH)).to.equal(before - 7_000n - f.gasCost(paid.receipt));
    expect(await f.collectable(e, assetId, ETH)).to.equal(6_300n);
    expect(await f.accruedFees(e, ETH)).to.equal(700n);
  });

  it("charges count times the View price in dUSD from an allowance", async function () {
    const e = env();
    const usd = getAddress(e.usd);
    const assetId = await f.original(e, e.alice, "usd-views");
    await f.allow(e, e.alice, assetId, UseKind.View, { currency: usd, price: 250n });
    await f.fundUsd(e, e.payer, 10_000n);
    const paid = await payForUse(e.payer, { deployment: e.deployment, assetId, count: 40n });
    expect(paid).to.deep.include({ total: 10_000n, currency: usd });
    expect(await f.balanceOf(e, e.payer.account.address, usd)).to.equal(0n);
    expect(await f.collectable(e, assetId, usd)).to.equal(9_000n);
  });

  it("reverts PriceAboveMaximum with the total when the price rose after the quote", async function () {
    const e = env();
    const assetId = await f.original(e, e.alice, "rising");
    await f.allow(e, e.alice, assetId, UseKind.View, { currency: ETH, price: 10n });
    const quote = await quoteLicence(e.payer, {
      deployment: e.deployment,
      assetId,
      kind: UseKind.View,
    });
    await f.allow(e, e.alice, assetId, UseKind.View, { currency: ETH, price: 11n });
    const maxTotal = { currency: quote.currency, amount: quote.price * 5n };
    const nonce = await f.nonceOf(e, e.payer);
    const error = await f.rejection(
      payForUse(e.payer, { deployment: e.deployment, assetId, count: 5n, maxTotal }),
    );
    expect((error as ContractRevertError).errorName).to.equal("PriceAboveMaximum");
    expect((error as ContractRevertError).args).to.deep.equal([55n, 50n]);
    expect(await f.nonceOf(e, e.payer)).to.equal(nonce);
  });

  it("refuses a zero count with InvalidParameterError and sends nothing", async function () {
    const e = env();
    const assetId = await f.original(e, e.alice, "zero");
    const nonce = await f.nonceOf(e, e.payer);
    const error = await f.rejection(
      payForUse(e.payer, { deployment: e.deployment, assetId, count: 0n }),
    );
    expect(error).to.be.instanceOf(InvalidParameterError);
    expect((error as InvalidParameterError).parameter).to.equal("count");
    expect(await f.nonceOf(e, e.payer)).to.equal(nonce);
  });

  it("prepares the same transaction it sends and estimates its gas", async function () {
    const e = env();
    const assetId = await f.original(e, e.alice, "prepared-views");
    await f.allow(e, e.alice, assetId, UseKind.View, { currency: ETH, price: 3n });
    const parameters = { deployment: e.deployment, assetId, count: 2n };
    const prepared = await preparePayForUse(e.payer, parameters);
    expect(prepared).to.deep.include({ to: e.deployment.licensing, value: 6n });
    const gas = await estimatePayForUseGas(e.payer, parameters);
    const { receipt } = await payForUse(e.payer, parameters);
    const sent = await e.publicClient.getTransaction({ hash: receipt.transactionHash });
    expect(sent.input).to.equal(prepared.data);
    expect(receipt.gasUsed <= gas).to.equal(true);
  });
});
