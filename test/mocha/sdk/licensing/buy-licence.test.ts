import { expect } from "chai";
import { decodeFunctionData, getAddress, parseEther } from "viem";
import {
  buyLicence,
  ContractRevertError,
  DEFAULT_DEADLINE_SECONDS,
  ETH,
  estimateBuyLicenceGas,
  hasValidLicence,
  InvalidParameterError,
  licensingAbi,
  prepareBuyLicence,
  quoteLicence,
  setTerms,
  UseKind,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../helpers/env.js";
import * as f from "./fixtures.js";

const PRICE = parseEther("0.01");
const kind = UseKind.Commercial;

/** Alice's original, licensed for commercial use at PRICE ETH for 1,000 s. */
async function listed(e: SdkEnv): Promise<bigint> {
  const assetId = await f.original(e, e.alice, "for-sale");
  await f.allow(e, e.alice, assetId, kind, { currency: ETH, price: PRICE, duration: 1_000n });
  return assetId;
}

/** Expects `error` to be the protocol error `name` with `args`. */
function expectRevert(error: unknown, name: string, args: readonly unknown[]): void {
  expect(error).to.be.instanceOf(ContractRevertError);
  expect((error as ContractRevertError).errorName).to.equal(name);
  expect((error as ContractRevertError).args).to.deep.equal(args);
}

describeOnNodes("sdk buyLicence", (env) => {
  it("buys an ETH licence at the quoted price and routes it into the asset's tree", async function () {
    const e = env();
    const assetId = await listed(e);
    const before = await f.balanceOf(e, e.bob.account.address, ETH);
    const protocolBefore = await f.balanceOf(e, e.deployment.protocol, ETH);
    const bought = await buyLicence(e.bob, { deployment: e.deployment, assetId, kind });
    const block = await e.publicClient.getBlock({ blockNumber: bought.receipt.blockNumber });
    expect(bought).to.deep.include({
      licenceId: 1n,
      price: PRICE,
      currency: ETH,
      termsVersion: 1,
      expiresAt: block.timestamp + 1_000n,
    });
    expect(await f.balanceOf(e, e.bob.account.address, ETH)).to.equal(
      before - PRICE - f.gasCost(bought.receipt),
    );
    expect(await f.balanceOf(e, e.deployment.protocol, ETH)).to.equal(protocolBefore + PRICE);
    expect(await f.collectable(e, assetId, ETH)).to.equal((PRICE * 9n) / 10n);
    expect(await f.accruedFees(e, ETH)).to.equal(PRICE / 10n);
    const holder = e.bob.account.address;
    expect(
      await hasValidLicence(e.bob, { deployment: e.deployment, holder, assetId, kind }),
    ).to.deep.equal({
      valid: true,
      validUntil: block.timestamp + 1_000n,
    });
  });

  it("buys for a recipient in dUSD and sends the whole ETH cap only for ETH prices", async function () {
    const e = env();
    const usd = getAddress(e.usd);
    const assetId = await f.original(e, e.alice, "usd");
    await f.allow(e, e.alice, assetId, kind, { currency: usd, price: 5_000_000n });
    await f.fundUsd(e, e.bob, 5_000_000n);
    const carol = e.carol.account.address;
    const bought = await buyLicence(e.bob, {
      deployment: e.deployment,
      assetId,
      kind,
      recipient: carol,
    });
    expect(bought).to.deep.include({ price: 5_000_000n, currency: usd, expiresAt: null });
    const tx = await e.publicClient.getTransaction({ hash: bought.receipt.transactionHash });
    expect(tx.value).to.equal(0n);
    expect(await f.balanceOf(e, e.bob.account.address, usd)).to.equal(0n);
    expect(await f.collectable(e, assetId, usd)).to.equal(4_500_000n);
    const licence = await hasValidLicence(e.bob, {
      deployment: e.deployment,
      holder: carol,
      assetId,
      kind,
    });
    expect(licence).to.deep.equal({ valid: true, validUntil: null });
  });

  it("sends the ETH cap and gets back what the price leaves over", async function () {
    const e = env();
    const assetId = await listed(e);
    const before = await f.balanceOf(e, e.bob.account.address, ETH);
    const maxPrice = { currency: ETH, amount: PRICE * 3n };
    const bought = await buyLicence(e.bob, { deployment: e.deployment, assetId, kind, maxPrice });
    const tx = await e.publicClient.getTransaction({ hash: bought.receipt.transactionHash });
    expect(tx.value).to.equal(PRICE * 3n);
    expect(await f.balanceOf(e, e.bob.account.address, ETH)).to.equal(
      before - PRICE - f.gasCost(bought.receipt),
    );
  });

  it("reverts PriceAboveMaximum and changes nothing when the price rose after the quote", async function () {
    const e = env();
    const assetId = await listed(e);
    const quote = await quoteLicence(e.bob, { deployment: e.deployment, assetId, kind });
    await f.allow(e, e.alice, assetId, kind, { currency: ETH, price: PRICE * 2n });
    const nonce = await f.nonceOf(e, e.bob);
    const balance = await f.balanceOf(e, e.bob.account.address, ETH);
    const maxPrice = { currency: quote.currency, amount: quote.price };
    const error = await f.rejection(
      buyLicence(e.bob, { deployment: e.deployment, assetId, kind, maxPrice }),
    );
    expectRevert(error, "PriceAboveMaximum", [PRICE * 2n, PRICE]);
    expect(await f.nonceOf(e, e.bob)).to.equal(nonce);
    expect(await f.balanceOf(e, e.bob.account.address, ETH)).to.equal(balance);
    const holder = e.bob.account.address;
    expect(
      (await hasValidLicence(e.bob, { deployment: e.deployment, holder, assetId, kind })).valid,
    ).to.equal(false);
  });

  it("reverts TermsVersionMismatch, sending nothing, when the terms changed at the same price after the quote the dapp showed", async function () {
    const e = env();
    const assetId = await listed(e);
    const quote = await quoteLicence(e.bob, { deployment: e.deployment, assetId, kind });
    // Same price and currency: only the version tells the buyer the licence now lasts a second.
    await f.allow(e, e.alice, assetId, kind, { currency: ETH, price: PRICE, duration: 1n });
    const nonce = await f.nonceOf(e, e.bob);
    const balance = await f.balanceOf(e, e.bob.account.address, ETH);
    const maxPrice = { currency: quote.currency, amount: quote.price };
    const error = await f.rejection(
      buyLicence(e.bob, {
        deployment: e.deployment,
        assetId,
        kind,
        maxPrice,
        termsVersion: quote.version,
      }),
    );
    expectRevert(error, "TermsVersionMismatch", [assetId, kind, quote.version, quote.version + 1]);
    expect(await f.nonceOf(e, e.bob)).to.equal(nonce);
    expect(await f.balanceOf(e, e.bob.account.address, ETH)).to.equal(balance);
    // Quoting again shows the new terms; buying them is the buyer's choice.
    const fresh = await quoteLicence(e.bob, { deployment: e.deployment, assetId, kind });
    expect(fresh.terms.duration).to.equal(1n);
    const bought = await buyLicence(e.bob, {
      deployment: e.deployment,
      assetId,
      kind,
      termsVersion: fresh.version,
    });
    expect(bought.termsVersion).to.equal(fresh.version);
  });

  it("refuses a terms version that is not a uint32 before any request", async function () {
    const e = env();
    for (const termsVersion of [-1, 1.5, 2 ** 32]) {
      const error = await f.rejection(
        buyLicence(e.bob, { deployment: e.deployment, assetId: 1n, kind, termsVersion }),
      );
      expect(error).to.be.instanceOf(InvalidParameterError);
      expect((error as InvalidParameterError).message).to.contain("termsVersion");
    }
  });

  it("reverts CurrencyMismatch when the currency switched after the quote", async function () {
    const e = env();
    const assetId = await listed(e);
    const quote = await quoteLicence(e.bob, { deployment: e.deployment, assetId, kind });
    await f.allow(e, e.alice, assetId, kind, { currency: e.usd, price: 1n });
    const maxPrice = { currency: quote.currency, amount: quote.price };
    const error = await f.rejection(
      buyLicence(e.bob, { deployment: e.deployment, assetId, kind, maxPrice }),
    );
    expectRevert(error, "CurrencyMismatch", [getAddress(e.usd), ETH]);
  });

  it("reverts DeadlinePassed once the chain's clock passes the deadline", async function () {
    const e = env();
    const assetId = await listed(e);
    const deadline = (await f.chainTime(e)) + 60n;
    await f.travel(e, 120);
    const error = await f.rejection(
      buyLicence(e.bob, { deployment: e.deployment, assetId, kind, deadline }),
    );
    expect((error as ContractRevertError).errorName).to.equal("DeadlinePassed");
    const [given, timestamp] = (error as ContractRevertError<"DeadlinePassed">).args;
    expect(given).to.equal(deadline);
    expect(timestamp > deadline).to.equal(true);
  });

  it("defaults the deadline to an hour after the latest block, not the local clock", async function () {
    const e = env();
    const assetId = await listed(e);
    await f.travel(e, 7_200); // the chain now runs two hours ahead of this machine
    const prepared = await prepareBuyLicence(e.bob, { deployment: e.deployment, assetId, kind });
    const { args } = decodeFunctionData({ abi: licensingAbi, data: prepared.data });
    expect(args[5]).to.equal((await f.chainTime(e)) + DEFAULT_DEADLINE_SECONDS);
    const bought = await buyLicence(e.bob, { deployment: e.deployment, assetId, kind });
    expect(bought.licenceId).to.equal(1n);
  });

  it("reverts UseNotAllowed when the owner never allowed the kind, or refused it", async function () {
    const e = env();
    const assetId = await listed(e);
    const aiTraining = UseKind.AITraining;
    const never = await f.rejection(
      buyLicence(e.bob, { deployment: e.deployment, assetId, kind: aiTraining }),
    );
    expectRevert(never, "UseNotAllowed", [assetId, aiTraining]);
    await setTerms(e.alice, { deployment: e.deployment, assetId, kind, terms: { allowed: false } });
    const refused = await f.rejection(
      buyLicence(e.bob, { deployment: e.deployment, assetId, kind }),
    );
    expectRevert(refused, "UseNotAllowed", [assetId, kind]);
  });

  it("prepares the same transaction it sends and estimates its gas", async function () {
    const e = env();
    const assetId = await listed(e);
    const parameters = { deployment: e.deployment, assetId, kind };
    const prepared = await prepareBuyLicence(e.bob, parameters);
    expect(prepared).to.deep.include({ to: e.deployment.licensing, value: PRICE });
    const gas = await estimateBuyLicenceGas(e.bob, parameters);
    const { receipt } = await buyLicence(e.bob, parameters);
    const sent = await e.publicClient.getTransaction({ hash: receipt.transactionHash });
    expect(sent.input).to.equal(prepared.data);
    expect(receipt.gasUsed <= gas).to.equal(true);
  });
});
