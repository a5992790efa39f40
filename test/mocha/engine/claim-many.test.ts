import { expect } from "chai";
import {
  ETH,
  deployProtocol,
  ethers,
  networkHelpers,
  registerOriginal,
  registerRemix,
} from "../helpers/fixture.js";
import {
  B_SHARE_OF_A,
  claimsOf,
  coveredGross,
  deployFamily,
  expectRoyaltyBalance,
  eventsOf,
  expectSolvent,
  feeOf,
  feesOf,
  parentCredits,
  pay,
  splitsOf,
  sum,
} from "../helpers/engine.js";
import { registerOriginals } from "../helpers/registry.js";

const ASSET_COUNT = 50;

/**
 * Alice owns 50 originals; original i is paid 1,000 * (i + 1) + i wei and as many token units.
 * `owedEach[i]` is what original i holds in each token (its payment less its fee, the increase of
 * floor(10% of the running total paid in the token)); `owed` is their total, the total paid less
 * fees that add up to 10% of it rounded down once. `paid` is the total paid in each token.
 */
async function deployFiftyPaidAssets() {
  const family = await deployFamily();
  const { protocol, alice, payer, token } = family;
  const ids: bigint[] = [];
  const amounts: bigint[] = [];
  for (let i = 0; i < ASSET_COUNT; i++) {
    const id = await registerOriginal(protocol, alice, `bulk-${i}`);
    const amount = 1_000n * BigInt(i + 1) + BigInt(i);
    await pay(protocol, payer, id, ETH, amount);
    await pay(protocol, payer, id, token, amount);
    amounts.push(amount);
    ids.push(id);
  }
  const fees = feesOf(amounts, 1_000);
  const owedEach = amounts.map((amount, i) => amount - fees[i]);
  const owed = sum(amounts) - sum(fees);
  const recipient = await ethers.deployContract("ReentrantRecipient");
  return { ...family, ids, owedEach, owed, paid: sum(amounts), recipient };
}

describe("claimMany", function () {
  it("claims 50 assets in 2 tokens with one transfer and one Claimed event per token", async function () {
    const { protocol, usd, token, alice, ids, owedEach, owed, recipient, a, b, c } =
      await networkHelpers.loadFixture(deployFiftyPaidAssets);

    expect(
      await protocol.connect(alice).claimMany.staticCall(ids, [ETH, token], recipient),
    ).to.deep.equal([owed, owed]);
    const tx = protocol.connect(alice).claimMany(ids, [ETH, token], recipient);

    await expect(tx).to.changeEtherBalances(ethers, [protocol, recipient], [-owed, owed]);
    await expect(tx).to.changeTokenBalances(ethers, usd, [protocol, recipient], [-owed, owed]);
    expect(await eventsOf(tx, usd, "Transfer")).to.have.length(1);
    expect(await recipient.receiveCount()).to.equal(1n);
    // One event per token, listing every asset of the call and what each paid in that token.
    const paidTo = await recipient.getAddress();
    expect(await claimsOf(tx, protocol)).to.deep.equal([
      [ETH, paidTo, alice.address, ids, owedEach],
      [token, paidTo, alice.address, ids, owedEach],
    ]);
    expect(sum(owedEach)).to.equal(owed);
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
    const owedSecond = 1_801n; // paid 2,001 after 1,000, less floor(300.1) - 100 = 200
    const assets = [first, second, first, first];
    const tokens = [ETH, token, ETH];

    expect(
      await protocol.connect(alice).claimMany.staticCall(assets, tokens, carol.address),
    ).to.deep.equal([owedFirst + owedSecond, owedFirst + owedSecond, 0n]);
    const tx = protocol.connect(alice).claimMany(assets, tokens, carol.address);

    const both = owedFirst + owedSecond;
    await expect(tx).to.changeEtherBalances(ethers, [protocol, carol], [-both, both]);
    await expect(tx).to.changeTokenBalances(ethers, usd, [protocol, carol], [-both, both]);
    // Each event lists the call's assets as given, repeats included; a repeat is paid 0. The
    // repeated ETH finds nothing left, so it emits no event.
    const paidPerAsset = [owedFirst, owedSecond, 0n, 0n];
    expect(await claimsOf(tx, protocol)).to.deep.equal([
      [ETH, carol.address, alice.address, assets, paidPerAsset],
      [token, carol.address, alice.address, assets, paidPerAsset],
    ]);
    await expectSolvent(protocol, [ETH, token], [...ids, a, b, c]);
  });

  it("emits Claimed in the order of the tokens, with 0 for an asset owed nothing and no event for a token owed nothing", async function () {
    const { protocol, usd, token, alice, carol, payer, ids, owedEach, paid, a } =
      await networkHelpers.loadFixture(deployFiftyPaidAssets);
    await pay(protocol, payer, a, token, 1_000n); // A is owed the token only
    const owedToA = 1_000n - feeOf(1_000n, 1_000, paid);
    const idle = await ethers.deployContract("MockERC20", ["Idle", "IDLE", 18]);
    const tokens = [token, await idle.getAddress(), ETH];

    expect(
      await protocol.connect(alice).claimMany.staticCall([ids[0], a], tokens, carol.address),
    ).to.deep.equal([owedEach[0] + owedToA, 0n, owedEach[0]]);
    const tx = protocol.connect(alice).claimMany([ids[0], a], tokens, carol.address);

    expect(await claimsOf(tx, protocol)).to.deep.equal([
      [token, carol.address, alice.address, [ids[0], a], [owedEach[0], owedToA]],
      [ETH, carol.address, alice.address, [ids[0], a], [owedEach[0], 0n]],
    ]);
    await expect(tx).to.changeTokenBalances(
      ethers,
      usd,
      [protocol, carol],
      [-(owedEach[0] + owedToA), owedEach[0] + owedToA],
    );
    await expect(tx).to.changeEtherBalances(ethers, [protocol, carol], [-owedEach[0], owedEach[0]]);
    await expect(tx).not.to.emit(idle, "Transfer");
  });

  it("reverts with NotAssetOwnerOrManager when one asset is not the caller's, paying nothing", async function () {
    const { protocol, payer, bob, token, alice, ids, owedEach, paid, b } =
      await networkHelpers.loadFixture(deployFiftyPaidAssets);
    await pay(protocol, payer, b, ETH, 1_000n);
    await protocol.split(b, ETH); // B (bob's) now has a collectable balance too
    // B holds 1,000 less its fee (after everything the fixture paid in ETH) less A's 30%.
    const [toA] = parentCredits(1_000n, [B_SHARE_OF_A]);
    const owedToB = 1_000n - feeOf(1_000n, 1_000, paid) - toA;

    await expect(protocol.connect(alice).claimMany([...ids, b], [ETH, token], alice.address))
      .to.be.revertedWithCustomError(protocol, "NotAssetOwnerOrManager")
      .withArgs(b, alice.address);
    expect(await protocol.collectableBalance(ids[0], ETH)).to.equal(900n);

    // Managing all of bob's assets makes the same call succeed; alice is named as the claimer.
    await protocol.connect(bob).setRevenueManagerForAll(alice.address, true);
    const tx = protocol.connect(alice).claimMany([...ids, b], [ETH], alice.address);
    expect(await claimsOf(tx, protocol)).to.deep.equal([
      [ETH, alice.address, alice.address, [...ids, b], [...owedEach, owedToB]],
    ]);
    await expect(tx).to.changeEtherBalances(
      ethers,
      [protocol, alice],
      [-(sum(owedEach) + owedToB), sum(owedEach) + owedToB],
    );
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

  it("pays 0 for a remix whose held does not cover its pending gross, splitting only the covered part", async function () {
    const { protocol, alice, payer } = await networkHelpers.loadFixture(deployProtocol);
    // Alice owns 16 originals and a remix of all of them at 5% each.
    const shares = Array<number>(16).fill(500);
    const parents = await registerOriginals(protocol, alice, shares.length, "short-");
    const remix = await registerRemix(
      protocol,
      alice,
      "short",
      parents.map((id) => [id, 500]),
    );
    // 10 wei (fee 1) split with nothing owed to the parents, and the 9 held claimed.
    await pay(protocol, payer, remix, ETH, 10n);
    await protocol.connect(alice).claim(remix, ETH, alice.address);
    // 10 wei more (fee floor(2.0) - floor(1.0) = 1): 9 held, 10 pending. All 10 would owe each
    // parent a unit (16 > 9); the first 9 owe none.
    await pay(protocol, payer, remix, ETH, 10n);
    await pay(protocol, payer, parents[0], ETH, 100n);
    const owedToParent = 100n - feeOf(100n, 1_000, 20n);
    const covered = coveredGross(10n, 9n, shares, 10n);
    expect(covered).to.equal(9n);
    const credits = parentCredits(covered, shares, 10n);
    expect(credits).to.deep.equal(shares.map(() => 0n));

    expect(
      await protocol.connect(alice).claimMany.staticCall([remix, parents[0]], [ETH], alice.address),
    ).to.deep.equal([owedToParent]);
    const tx = protocol.connect(alice).claimMany([remix, parents[0]], [ETH], alice.address);

    expect(await splitsOf(tx, protocol)).to.deep.equal([[remix, ETH, covered, credits]]);
    expect(await claimsOf(tx, protocol)).to.deep.equal([
      [ETH, alice.address, alice.address, [remix, parents[0]], [0n, owedToParent]],
    ]);
    await expect(tx).to.changeEtherBalances(
      ethers,
      [protocol, alice],
      [-owedToParent, owedToParent],
    );
    await expectRoyaltyBalance(protocol, remix, ETH, 9n, 10n - covered, 10n + covered);

    // Claimed alone, the remix now covers nothing: no Split, no Claimed, nothing paid.
    const alone = protocol.connect(alice).claimMany([remix], [ETH], alice.address);
    await expect(alone).not.to.emit(protocol, "Split");
    await expect(alone).not.to.emit(protocol, "Claimed");
    await expect(alone).to.changeEtherBalances(ethers, [protocol, alice], [0n, 0n]);
    await expectRoyaltyBalance(protocol, remix, ETH, 9n, 10n - covered, 10n + covered);
    await expectSolvent(protocol, [ETH], [...parents, remix]);
  });
});
