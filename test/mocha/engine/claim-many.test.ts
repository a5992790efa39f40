import { expect } from "chai";
import { ETH, ethers, networkHelpers, registerOriginal } from "../helpers/fixture.js";
import { deployFamily, eventsOf, expectSolvent, pay } from "../helpers/engine.js";

const ASSET_COUNT = 50;

/** Alice owns 50 originals; original i is paid 1,000 * (i + 1) + i wei and as many token units. */
async function deployFiftyPaidAssets() {
  const family = await deployFamily();
  const { protocol, alice, payer, token } = family;
  const ids: bigint[] = [];
  let owed = 0n;
  for (let i = 0; i < ASSET_COUNT; i++) {
    const id = await registerOriginal(protocol, alice, `bulk-${i}`);
    const amount = 1_000n * BigInt(i + 1) + BigInt(i);
    await pay(protocol, payer, id, ETH, amount);
    await pay(protocol, payer, id, token, amount);
    owed += amount - (amount * 1_000n) / 10_000n;
    ids.push(id);
  }
  const recipient = await ethers.deployContract("ReentrantRecipient");
  return { ...family, ids, owed, recipient };
}

describe("claimMany", function () {
  it("claims 50 assets in 2 tokens with one transfer per token", async function () {
    const { protocol, usd, token, alice, ids, owed, recipient, a, b, c } =
      await networkHelpers.loadFixture(deployFiftyPaidAssets);

    expect(
      await protocol.connect(alice).claimMany.staticCall(ids, [ETH, token], recipient),
    ).to.deep.equal([owed, owed]);
    const tx = protocol.connect(alice).claimMany(ids, [ETH, token], recipient);

    await expect(tx).to.changeEtherBalances(ethers, [protocol, recipient], [-owed, owed]);
    await expect(tx).to.changeTokenBalances(ethers, usd, [protocol, recipient], [-owed, owed]);
    expect(await eventsOf(tx, usd, "Transfer")).to.have.length(1);
    expect(await recipient.receiveCount()).to.equal(1n);
    const claimed = await eventsOf(tx, protocol, "Claimed");
    expect(claimed).to.have.length(2 * ASSET_COUNT);
    for (const { recipient: paidTo, claimer } of claimed) {
      expect([paidTo, claimer]).to.deep.equal([await recipient.getAddress(), alice.address]);
    }
    for (const id of ids) {
      expect(await protocol.collectableBalance(id, ETH)).to.equal(0n);
      expect(await protocol.collectableBalance(id, token)).to.equal(0n);
    }
    await expectSolvent(protocol, [ETH, token], [...ids, a, b, c]);
  });

  it("pays a repeated asset or token only once", async function () {
    const { protocol, usd, token, alice, carol, ids, a, b, c } =
      await networkHelpers.loadFixture(deployFiftyPaidAssets);
    const [first, second] = [ids[0], ids[1]];
    const owedFirst = 900n; // paid 1,000, less the 10% fee
    const owedSecond = 1_801n; // paid 2,001, less the fee of 200
    const assets = [first, second, first, first];
    const tokens = [ETH, token, ETH];

    expect(
      await protocol.connect(alice).claimMany.staticCall(assets, tokens, carol.address),
    ).to.deep.equal([owedFirst + owedSecond, owedFirst + owedSecond, 0n]);
    const tx = protocol.connect(alice).claimMany(assets, tokens, carol.address);

    const both = owedFirst + owedSecond;
    await expect(tx).to.changeEtherBalances(ethers, [protocol, carol], [-both, both]);
    await expect(tx).to.changeTokenBalances(ethers, usd, [protocol, carol], [-both, both]);
    expect(await eventsOf(tx, protocol, "Claimed")).to.have.length(4);
    await expectSolvent(protocol, [ETH, token], [...ids, a, b, c]);
  });

  it("reverts with NotAssetOwnerOrManager when one asset is not the caller's, paying nothing", async function () {
    const { protocol, payer, bob, token, alice, ids, b } =
      await networkHelpers.loadFixture(deployFiftyPaidAssets);
    await pay(protocol, payer, b, ETH, 1_000n);
    await protocol.split(b, ETH); // B (bob's) now has a collectable balance too

    await expect(protocol.connect(alice).claimMany([...ids, b], [ETH, token], alice.address))
      .to.be.revertedWithCustomError(protocol, "NotAssetOwnerOrManager")
      .withArgs(b, alice.address);
    expect(await protocol.collectableBalance(ids[0], ETH)).to.equal(900n);

    // Managing all of bob's assets makes the same call succeed; alice is named as the claimer.
    await protocol.connect(bob).setRevenueManagerForAll(alice.address, true);
    const owedToB = await protocol.collectableBalance(b, ETH);
    await expect(protocol.connect(alice).claimMany([...ids, b], [ETH], alice.address))
      .to.emit(protocol, "Claimed")
      .withArgs(b, ETH, alice.address, owedToB, alice.address);
  });

  it("reverts with AssetNotFound when one asset does not exist", async function () {
    const { protocol, alice, ids } = await networkHelpers.loadFixture(deployFiftyPaidAssets);
    const missing = ids[ids.length - 1] + 1n;

    await expect(protocol.connect(alice).claimMany([ids[0], missing], [ETH], alice.address))
      .to.be.revertedWithCustomError(protocol, "AssetNotFound")
      .withArgs(missing);
  });

  it("reverts with InvalidRecipient when the recipient is the zero address or the protocol", async function () {
    const { protocol, token, alice, ids } = await networkHelpers.loadFixture(deployFiftyPaidAssets);

    for (const recipient of [ethers.ZeroAddress, await protocol.getAddress()]) {
      await expect(protocol.connect(alice).claimMany(ids, [ETH, token], recipient))
        .to.be.revertedWithCustomError(protocol, "InvalidRecipient")
        .withArgs(recipient);
    }
    expect(await protocol.collectableBalance(ids[0], token)).to.equal(900n);
  });

  it("returns zeros and transfers nothing when nothing is owed", async function () {
    const { protocol, usd, token, carol, c } = await networkHelpers.loadFixture(deployFamily);

    expect(
      await protocol.connect(carol).claimMany.staticCall([c], [ETH, token], carol.address),
    ).to.deep.equal([0n, 0n]);
    expect(
      await protocol.connect(carol).claimMany.staticCall([], [ETH], carol.address),
    ).to.deep.equal([0n]);
    const tx = protocol.connect(carol).claimMany([c], [ETH, token], carol.address);
    await expect(tx).not.to.emit(protocol, "Claimed");
    await expect(tx).not.to.emit(usd, "Transfer");
  });
});
