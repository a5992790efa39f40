import { expect } from "chai";
import { getAddress, parseEther } from "viem";
import {
  buyLicence,
  buyLicences,
  ContractRevertError,
  ETH,
  estimateBuyLicencesGas,
  hasValidLicence,
  InvalidParameterError,
  prepareBuyLicences,
  UseKind,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../helpers/env.js";
import * as f from "./fixtures.js";

const kind = UseKind.AITraining;

/** A dataset of four assets from two creators: ETH, dUSD, ETH and free training licences. */
async function dataset(e: SdkEnv): Promise<bigint[]> {
  const a = await f.original(e, e.alice, "a");
  const b = await f.original(e, e.bob, "b");
  const c = await f.original(e, e.alice, "c");
  const d = await f.original(e, e.bob, "d");
  await f.allow(e, e.alice, a, kind, { currency: ETH, price: parseEther("0.01") });
  await f.allow(e, e.bob, b, kind, { currency: e.usd, price: 3_000_000n });
  await f.allow(e, e.alice, c, kind, { currency: ETH, price: parseEther("0.02") });
  await f.allow(e, e.bob, d, kind);
  return [a, b, c, d];
}

describeOnNodes("sdk buyLicences", (env) => {
  it("licenses assets of two creators in ETH and dUSD in one transaction", async function () {
    const e = env();
    const usd = getAddress(e.usd);
    const assetIds = await dataset(e);
    await f.fundUsd(e, e.carol, 3_000_000n);
    const carol = e.carol.account.address;
    const ethBefore = await f.balanceOf(e, carol, ETH);
    const bought = await buyLicences(e.carol, { deployment: e.deployment, assetIds, kind });
    expect(bought.firstLicenceId).to.equal(1n);
    expect(bought.licenceIds).to.deep.equal([1n, 2n, 3n, 4n]);
    expect(bought.totals).to.deep.equal([
      { currency: ETH, amount: parseEther("0.03") },
      { currency: usd, amount: 3_000_000n },
    ]);
    expect(await f.balanceOf(e, carol, ETH)).to.equal(
      ethBefore - parseEther("0.03") - f.gasCost(bought.receipt),
    );
    expect(await f.balanceOf(e, carol, usd)).to.equal(0n);
    const [a, b, c, d] = assetIds as [bigint, bigint, bigint, bigint];
    expect(await f.collectable(e, a, ETH)).to.equal(parseEther("0.009"));
    expect(await f.collectable(e, b, usd)).to.equal(2_700_000n);
    expect(await f.collectable(e, c, ETH)).to.equal(parseEther("0.018"));
    const free = await hasValidLicence(e.carol, {
      deployment: e.deployment,
      holder: carol,
      assetId: d,
      kind,
    });
    expect(free).to.deep.equal({ valid: true, validUntil: null });
  });

  it("reverts PriceAboveMaximum when a currency's total exceeds its cap", async function () {
    const e = env();
    const assetIds = await dataset(e);
    const nonce = await f.nonceOf(e, e.carol);
    const maxTotals = [
      { currency: ETH, amount: parseEther("0.025") },
      { currency: e.usd, amount: 3_000_000n },
    ];
    const error = await f.rejection(
      buyLicences(e.carol, { deployment: e.deployment, assetIds, kind, maxTotals }),
    );
    expect((error as ContractRevertError).errorName).to.equal("PriceAboveMaximum");
    expect((error as ContractRevertError).args).to.deep.equal([
      parseEther("0.03"),
      parseEther("0.025"),
    ]);
    expect(await f.nonceOf(e, e.carol)).to.equal(nonce);
  });

  it("reverts MissingCurrencyCap when a charged currency has no cap", async function () {
    const e = env();
    const assetIds = await dataset(e);
    const maxTotals = [{ currency: ETH, amount: parseEther("1") }];
    const error = await f.rejection(
      buyLicences(e.carol, { deployment: e.deployment, assetIds, kind, maxTotals }),
    );
    expect((error as ContractRevertError).errorName).to.equal("MissingCurrencyCap");
    expect((error as ContractRevertError).args).to.deep.equal([getAddress(e.usd)]);
  });

  it("refuses malformed purchases with InvalidParameterError and sends nothing", async function () {
    const e = env();
    const [a] = (await dataset(e)) as [bigint];
    const nonce = await f.nonceOf(e, e.carol);
    const deployment = e.deployment;
    const cases: [Promise<unknown>, string][] = [
      [buyLicences(e.carol, { deployment, assetIds: [], kind }), "assetIds"],
      [buyLicences(e.carol, { deployment, assetIds: [a, -1n], kind }), "assetIds[1]"],
      [buyLicences(e.carol, { deployment, assetIds: [a], kind: 9 as UseKind }), "kind"],
      [
        buyLicences(e.carol, {
          deployment,
          assetIds: [a],
          kind,
          maxTotals: [{ currency: ETH, amount: -1n }],
        }),
        "maxTotals[0].amount",
      ],
      [buyLicence(e.carol, { deployment, assetId: a, kind, recipient: "0xnope" }), "recipient"],
      [
        buyLicence(e.carol, {
          deployment,
          assetId: a,
          kind,
          maxPrice: { currency: "0x1", amount: 1n },
        }),
        "maxPrice.currency",
      ],
    ];
    for (const [write, parameter] of cases) {
      const error = await f.rejection(write);
      expect(error, parameter).to.be.instanceOf(InvalidParameterError);
      expect((error as InvalidParameterError).parameter).to.equal(parameter);
    }
    expect(await f.nonceOf(e, e.carol)).to.equal(nonce);
  });

  it("prepares the same transaction it sends and estimates its gas", async function () {
    const e = env();
    const assetIds = await dataset(e);
    await f.fundUsd(e, e.carol, 3_000_000n);
    const parameters = {
      deployment: e.deployment,
      assetIds,
      kind,
      deadline: (await f.chainTime(e)) + 600n,
    };
    const prepared = await prepareBuyLicences(e.carol, parameters);
    expect(prepared).to.deep.include({ to: e.deployment.licensing, value: parseEther("0.03") });
    const gas = await estimateBuyLicencesGas(e.carol, parameters);
    const { receipt } = await buyLicences(e.carol, parameters);
    const sent = await e.publicClient.getTransaction({ hash: receipt.transactionHash });
    expect(sent.input).to.equal(prepared.data);
    expect(receipt.gasUsed <= gas).to.equal(true);
  });
});
