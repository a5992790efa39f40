import { expect } from "chai";
import { getAddress, keccak256, parseEther, toHex } from "viem";
import {
  buyLicence,
  ETH,
  estimateRegisterRemixGas,
  getAsset,
  getParents,
  hashContent,
  licensingAbi,
  prepareRegisterRemix,
  registerRemix,
  remixProtocolAbi,
  UseKind,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv, type Wallet } from "../helpers/env.js";
import * as f from "../licensing/fixtures.js";

const REMIX = UseKind.Remix;

async function splitAsset(e: SdkEnv, assetId: bigint): Promise<void> {
  const hash = await e.stranger.writeContract({
    address: e.deployment.protocol,
    abi: remixProtocolAbi,
    functionName: "split",
    args: [assetId, ETH],
  });
  await e.publicClient.waitForTransactionReceipt({ hash });
}

function remixOf(
  e: SdkEnv,
  who: Wallet,
  label: string,
  parents: { assetId: bigint; shareBps: number }[],
) {
  return registerRemix(who, {
    deployment: e.deployment,
    contentHash: keccak256(toHex(label)),
    metadataUri: `ipfs://${label}`,
    parents,
  });
}

describeOnNodes("sdk registerRemix", (env) => {
  it("buys each parent's licence in the same transaction, paying into the parent's tree and minting no licence token", async function () {
    const e = env();
    const a = await f.original(e, e.alice, "a");
    await f.allow(e, e.alice, a, REMIX, {
      currency: ETH,
      price: parseEther("0.01"),
      minShareBps: 2_000,
    });
    const licences = await f.totalLicences(e);
    const b = await remixOf(e, e.bob, "b", [{ assetId: a, shareBps: 3_000 }]);
    // Bought and used at once: no licence id (0n), recorded by RemixLicensed alone.
    expect(b).to.deep.include({ assetId: 2n, licenceIds: [0n] });
    const fromA = { parentId: a, termsVersion: 1, currency: ETH, price: parseEther("0.01") };
    expect(b.purchases).to.deep.equal([fromA]);
    expect(f.licensingEventNames(e, b.receipt)).to.deep.equal(["RemixLicensed"]);
    expect(f.remixLicensed(e, b.receipt)).to.deep.equal([{ remixId: 2n, ...fromA }]);
    expect(await f.totalLicences(e)).to.equal(licences);
    expect(await f.collectable(e, a, ETH)).to.equal(parseEther("0.009"));

    await f.allow(e, e.bob, b.assetId, REMIX, { currency: ETH, price: parseEther("0.05") });
    const carol = e.carol.account.address;
    const before = await f.balanceOf(e, carol, ETH);
    const content = new TextEncoder().encode("remix of a remix");
    const c = await registerRemix(e.carol, {
      deployment: e.deployment,
      content,
      metadataUri: "ipfs://c",
      parents: [{ assetId: b.assetId, shareBps: 4_000 }],
    });
    expect(c).to.deep.include({ assetId: 3n, contentHash: hashContent(content), licenceIds: [0n] });
    const fromB = {
      parentId: b.assetId,
      termsVersion: 1,
      currency: ETH,
      price: parseEther("0.05"),
    };
    expect(c.purchases).to.deep.equal([fromB]);
    expect(f.remixLicensed(e, c.receipt)).to.deep.equal([{ remixId: 3n, ...fromB }]);
    expect(await f.totalLicences(e)).to.equal(licences);
    expect(await f.balanceOf(e, carol, ETH)).to.equal(
      before - parseEther("0.05") - f.gasCost(c.receipt),
    );
    // The remix parent holds the payment (less the fee) until split, then passes its parent 30%
    // of the gross.
    expect(await f.royaltyBalance(e, b.assetId, ETH)).to.deep.equal([
      parseEther("0.045"),
      parseEther("0.05"),
      0n,
    ]);
    await splitAsset(e, b.assetId);
    expect(await f.collectable(e, a, ETH)).to.equal(parseEther("0.009") + parseEther("0.015"));
    expect(await f.collectable(e, b.assetId, ETH)).to.equal(parseEther("0.03"));
    expect(
      await getParents(e.carol, { deployment: e.deployment, assetId: c.assetId }),
    ).to.deep.equal([{ assetId: b.assetId, shareBps: 4_000 }]);
    expect(await getParents(e.carol, { deployment: e.deployment, assetId: a })).to.deep.equal([]);
    const asset = await getAsset(e.carol, { deployment: e.deployment, assetId: c.assetId });
    expect(asset).to.deep.include({ owner: carol, parentCount: 1 });
  });

  it("uses a licence the sender already holds and pays nothing more", async function () {
    const e = env();
    const a = await f.original(e, e.alice, "held");
    await f.allow(e, e.alice, a, REMIX, { currency: ETH, price: parseEther("0.01") });
    const { licenceId } = await buyLicence(e.bob, {
      deployment: e.deployment,
      assetId: a,
      kind: REMIX,
    });
    const before = await f.balanceOf(e, e.bob.account.address, ETH);
    const remix = await remixOf(e, e.bob, "uses-held", [{ assetId: a, shareBps: 1_000 }]);
    expect(remix.licenceIds).to.deep.equal([licenceId]);
    expect(remix.purchases).to.deep.equal([]);
    expect(f.licensingEventNames(e, remix.receipt)).to.deep.equal(["LicenceConsumed"]);
    const tx = await e.publicClient.getTransaction({ hash: remix.receipt.transactionHash });
    expect(tx.value).to.equal(0n);
    expect(await f.balanceOf(e, e.bob.account.address, ETH)).to.equal(
      before - f.gasCost(remix.receipt),
    );
    expect(await f.collectable(e, a, ETH)).to.equal(parseEther("0.009"));
  });

  it("mixes a held licence with ETH and dUSD purchases, sending only the ETH price", async function () {
    const e = env();
    const usd = getAddress(e.usd);
    const [a, b, c] = [
      await f.original(e, e.alice, "x"),
      await f.original(e, e.bob, "y"),
      await f.original(e, e.alice, "z"),
    ];
    await f.allow(e, e.alice, a, REMIX);
    await f.allow(e, e.bob, b, REMIX, { currency: ETH, price: 700n });
    await f.allow(e, e.alice, c, REMIX, { currency: usd, price: 2_000_000n });
    const held = await buyLicence(e.carol, { deployment: e.deployment, assetId: a, kind: REMIX });
    await f.fundUsd(e, e.carol, 2_000_000n);
    const parents = [
      { assetId: a, shareBps: 1_000 },
      { assetId: b, shareBps: 2_000 },
      { assetId: c, shareBps: 3_000 },
    ];
    const prepared = await prepareRegisterRemix(e.carol, {
      deployment: e.deployment,
      contentHash: keccak256(toHex("mixed")),
      metadataUri: "m",
      parents,
    });
    expect(prepared.value).to.equal(700n);
    const remix = await remixOf(e, e.carol, "mixed", parents);
    // The held licence is consumed; the two bought ones are used at once, with no licence id.
    expect(remix.licenceIds).to.deep.equal([held.licenceId, 0n, 0n]);
    const purchases = [
      { parentId: b, termsVersion: 1, currency: ETH, price: 700n },
      { parentId: c, termsVersion: 1, currency: usd, price: 2_000_000n },
    ];
    expect(remix.purchases).to.deep.equal(purchases);
    expect(f.licensingEventNames(e, remix.receipt)).to.deep.equal([
      "LicenceConsumed",
      "RemixLicensed",
      "RemixLicensed",
    ]);
    expect(f.remixLicensed(e, remix.receipt)).to.deep.equal(
      purchases.map((purchase) => ({ remixId: remix.assetId, ...purchase })),
    );
    expect(await f.totalLicences(e)).to.equal(held.licenceId);
    const consumed = await e.publicClient.readContract({
      address: e.deployment.licensing,
      abi: licensingAbi,
      functionName: "getLicence",
      args: [held.licenceId],
    });
    expect(consumed.consumedBy).to.equal(remix.assetId);
    expect(await f.balanceOf(e, e.carol.account.address, usd)).to.equal(0n);
    expect(await f.collectable(e, b, ETH)).to.equal(630n);
    expect(await f.collectable(e, c, usd)).to.equal(1_800_000n);
  });

  it("prepares the same transaction it sends and estimates its gas", async function () {
    const e = env();
    const a = await f.original(e, e.alice, "p");
    await f.allow(e, e.alice, a, REMIX, { currency: ETH, price: 5n });
    const parameters = {
      deployment: e.deployment,
      contentHash: keccak256(toHex("prepared-remix")),
      metadataUri: "ipfs://prepared",
      parents: [{ assetId: a, shareBps: 2_500 }],
    };
    const prepared = await prepareRegisterRemix(e.bob, parameters);
    expect(prepared).to.deep.include({ to: e.deployment.licensing, value: 5n });
    const gas = await estimateRegisterRemixGas(e.bob, parameters);
    const { receipt } = await registerRemix(e.bob, parameters);
    const sent = await e.publicClient.getTransaction({ hash: receipt.transactionHash });
    expect(sent.input).to.equal(prepared.data);
    expect(receipt.gasUsed <= gas).to.equal(true);
  });
});
