import { expect } from "chai";
import {
  CLOSED_POLICY,
  deployProtocol,
  networkHelpers,
  registerOriginal,
  registerRemix,
} from "../helpers/fixture.js";
import {
  SHARE_LIMIT_BPS,
  assetRecord,
  expectNoStateChange,
  parentsOf,
  remixTx,
} from "../helpers/registry.js";

const STRICT = { remixable: true, minShareBps: 2_500 };

/** Alice's open original A (id 1) and bob's remix R of it at 10% (id 2). */
async function deployWithRemix() {
  const fx = await deployProtocol();
  const a = await registerOriginal(fx.protocol, fx.alice, "A");
  const r = await registerRemix(fx.protocol, fx.bob, "R", [[a, 1_000]]);
  return { ...fx, a, r };
}

describe("setRemixPolicy", function () {
  it("lets the owner change the policy and emits RemixPolicyUpdated", async function () {
    const { protocol, alice, a } = await networkHelpers.loadFixture(deployWithRemix);

    await expect(protocol.connect(alice).setRemixPolicy(a, STRICT))
      .to.emit(protocol, "RemixPolicyUpdated")
      .withArgs(a, [true, 2_500n]);

    expect((await assetRecord(protocol, a)).remixPolicy).to.deep.equal({
      remixable: true,
      minShareBps: 2_500n,
    });
  });

  it("lets an operator approved for all of the owner's assets change the policy", async function () {
    const { protocol, alice, carol, a } = await networkHelpers.loadFixture(deployWithRemix);
    await protocol.connect(alice).setApprovalForAll(carol.address, true);

    await expect(protocol.connect(carol).setRemixPolicy(a, CLOSED_POLICY))
      .to.emit(protocol, "RemixPolicyUpdated")
      .withArgs(a, [false, 0n]);
    expect((await protocol.getAsset(a)).remixPolicy.remixable).to.equal(false);
  });

  it("lets the address approved for that single asset change the policy", async function () {
    const { protocol, alice, carol, a } = await networkHelpers.loadFixture(deployWithRemix);
    await protocol.connect(alice).approve(carol.address, a);

    await protocol.connect(carol).setRemixPolicy(a, STRICT);
    expect((await protocol.getAsset(a)).remixPolicy.minShareBps).to.equal(2_500n);
  });

  it("works on a remix too, and accepts a minimum exactly at the limit", async function () {
    const { protocol, bob, r } = await networkHelpers.loadFixture(deployWithRemix);
    await protocol
      .connect(bob)
      .setRemixPolicy(r, { remixable: true, minShareBps: SHARE_LIMIT_BPS });
    expect((await protocol.getAsset(r)).remixPolicy.minShareBps).to.equal(8_000n);
  });

  it("leaves existing remixes unchanged and binds new ones to the new policy", async function () {
    const { protocol, alice, carol, a, r } = await networkHelpers.loadFixture(deployWithRemix);

    await protocol.connect(alice).setRemixPolicy(a, STRICT);
    expect(await parentsOf(protocol, r)).to.deep.equal([[a, 1_000]]);
    expect(await protocol.childCount(a)).to.equal(1n);
    await expect(remixTx(protocol, carol, "low", [[a, 2_499]]))
      .to.be.revertedWithCustomError(protocol, "ShareBelowMinimum")
      .withArgs(a, 2_499, 2_500);
    await remixTx(protocol, carol, "fair", [[a, 2_500]]);

    await protocol.connect(alice).setRemixPolicy(a, CLOSED_POLICY);
    expect(await parentsOf(protocol, r)).to.deep.equal([[a, 1_000]]);
    await expect(remixTx(protocol, carol, "closed", [[a, 2_500]]))
      .to.be.revertedWithCustomError(protocol, "RemixNotAllowed")
      .withArgs(a);
    expect(await protocol.childCount(a)).to.equal(2n);
  });

  it("follows the NFT: the new owner may change it, the old owner may not", async function () {
    const fx = await networkHelpers.loadFixture(deployWithRemix);
    const { protocol, alice, carol, stranger, a } = fx;
    await protocol.connect(alice).approve(stranger.address, a);
    await protocol.connect(alice).transferFrom(alice.address, carol.address, a);

    // The transfer also clears alice's single-asset approval of the stranger.
    for (const former of [alice, stranger]) {
      await expectNoStateChange(fx, () =>
        expect(protocol.connect(former).setRemixPolicy(a, CLOSED_POLICY))
          .to.be.revertedWithCustomError(protocol, "NotAssetOwnerOrApproved")
          .withArgs(a, former.address),
      );
    }
    await protocol.connect(carol).setRemixPolicy(a, CLOSED_POLICY);
    expect((await protocol.getAsset(a)).remixPolicy.remixable).to.equal(false);
  });

  it("reverts with NotAssetOwnerOrApproved for a stranger or an address approved for another asset", async function () {
    const fx = await networkHelpers.loadFixture(deployWithRemix);
    const { protocol, bob, carol, stranger, a, r } = fx;
    await protocol.connect(bob).approve(carol.address, r);

    for (const caller of [stranger, carol, bob]) {
      await expectNoStateChange(fx, () =>
        expect(protocol.connect(caller).setRemixPolicy(a, STRICT))
          .to.be.revertedWithCustomError(protocol, "NotAssetOwnerOrApproved")
          .withArgs(a, caller.address),
      );
    }
  });

  it("reverts with AssetNotFound for id 0 and an unregistered id", async function () {
    const fx = await networkHelpers.loadFixture(deployWithRemix);
    for (const missing of [0n, 3n]) {
      await expectNoStateChange(fx, () =>
        expect(fx.protocol.connect(fx.alice).setRemixPolicy(missing, STRICT))
          .to.be.revertedWithCustomError(fx.protocol, "AssetNotFound")
          .withArgs(missing),
      );
    }
  });

  it("reverts with InvalidRemixPolicy when the minimum is above 100% less the maximum fee", async function () {
    const fx = await networkHelpers.loadFixture(deployWithRemix);
    for (const policy of [
      { remixable: true, minShareBps: SHARE_LIMIT_BPS + 1 },
      { remixable: false, minShareBps: 65_535 },
    ]) {
      await expectNoStateChange(fx, () =>
        expect(fx.protocol.connect(fx.alice).setRemixPolicy(fx.a, policy))
          .to.be.revertedWithCustomError(fx.protocol, "InvalidRemixPolicy")
          .withArgs(policy.minShareBps, SHARE_LIMIT_BPS),
      );
    }
  });
});
