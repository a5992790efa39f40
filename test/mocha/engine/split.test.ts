import { expect } from "chai";
import { ETH, ethers, networkHelpers, registerRemix } from "../helpers/fixture.js";
import {
  deployFamily,
  expectRoyaltyBalance,
  expectSolvent,
  feesAccrued,
  pay,
  splitsOf,
} from "../helpers/engine.js";

// C names A (original, 20%) and B (remix, 30%); a 10,000-wei use of C pays a 1,000 fee.
const PAID = 10_000n;
const NET = 9_000n;
const TO_A = 2_000n;
const TO_B = 3_000n;
const KEPT_BY_C = NET - TO_A - TO_B;

describe("split", function () {
  it("credits an original parent's held balance and a remix parent's held and pending, one hop", async function () {
    const { protocol, payer, stranger, a, b, c } = await networkHelpers.loadFixture(deployFamily);
    await pay(protocol, payer, c, ETH, PAID);
    await expectRoyaltyBalance(protocol, c, ETH, NET, PAID, 0n);

    expect(await protocol.connect(stranger).split.staticCall(c, ETH)).to.equal(TO_A + TO_B);
    const tx = protocol.connect(stranger).split(c, ETH);

    // One event per split: the gross split and each parent's amount, in parentsOf order.
    expect(await splitsOf(tx, protocol)).to.deep.equal([[c, ETH, PAID, [TO_A, TO_B]]]);
    await expect(tx).to.changeEtherBalances(ethers, [protocol], [0n]);
    await expectRoyaltyBalance(protocol, a, ETH, TO_A, 0n, 0n);
    await expectRoyaltyBalance(protocol, b, ETH, TO_B, TO_B, 0n);
    await expectRoyaltyBalance(protocol, c, ETH, KEPT_BY_C, 0n, PAID % 10_000n);
    expect(await protocol.collectableBalance(a, ETH)).to.equal(TO_A);
    // B's claim would first pass A its 30% of the 3,000 B received: 900.
    expect(await protocol.collectableBalance(b, ETH)).to.equal(TO_B - 900n);
    expect(await protocol.collectableBalance(c, ETH)).to.equal(KEPT_BY_C);
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("lets a remix parent split what it was forwarded, with no second fee", async function () {
    const { protocol, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);
    await pay(protocol, payer, c, ETH, PAID);
    await protocol.split(c, ETH);

    // B's 3,000 carried no fee, so A's 30% of it is 900 and B keeps 2,100.
    expect(await protocol.split.staticCall(b, ETH)).to.equal(900n);
    expect(await splitsOf(protocol.split(b, ETH), protocol)).to.deep.equal([
      [b, ETH, TO_B, [900n]],
    ]);

    expect(await protocol.collectableBalance(a, ETH)).to.equal(TO_A + 900n);
    expect(await protocol.collectableBalance(b, ETH)).to.equal(2_100n);
    await expectRoyaltyBalance(protocol, b, ETH, 2_100n, 0n, TO_B);
    expect(await protocol.accruedFees(ETH)).to.deep.equal([PAID - NET, PAID % 10_000n]);
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("gives a zero-share parent nothing: its amount in Split is 0", async function () {
    const { protocol, payer, carol, a, b, c } = await networkHelpers.loadFixture(deployFamily);
    const d = await registerRemix(protocol, carol, "D", [
      [a, 0],
      [b, 2_500],
    ]);
    await pay(protocol, payer, d, ETH, PAID);

    const splits = await splitsOf(protocol.split(d, ETH), protocol);

    expect(splits).to.deep.equal([[d, ETH, PAID, [0n, 2_500n]]]);
    await expectRoyaltyBalance(protocol, a, ETH, 0n, 0n);
    await expectRoyaltyBalance(protocol, b, ETH, 2_500n, 2_500n);
    expect(await protocol.collectableBalance(d, ETH)).to.equal(NET - 2_500n);
    await expectSolvent(protocol, [ETH], [a, b, c, d]);
  });

  it("does nothing and returns 0 when there is nothing to split", async function () {
    const { protocol, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);
    await pay(protocol, payer, a, ETH, PAID); // an original never has anything pending

    for (const id of [a, b, c, c + 1n]) {
      expect(await protocol.split.staticCall(id, ETH)).to.equal(0n);
      await expect(protocol.split(id, ETH)).not.to.emit(protocol, "Split");
    }
    await expectRoyaltyBalance(protocol, a, ETH, NET, 0n, 0n);
    expect(await protocol.collectableBalance(a, ETH)).to.equal(NET);
  });

  it("splits only the requested token", async function () {
    const { protocol, payer, token, a, b, c } = await networkHelpers.loadFixture(deployFamily);
    await pay(protocol, payer, b, ETH, PAID);
    await pay(protocol, payer, b, token, PAID);

    await protocol.split(b, ETH);

    await expectRoyaltyBalance(protocol, b, ETH, NET - 3_000n, 0n);
    await expectRoyaltyBalance(protocol, b, token, NET, PAID);
    await expectRoyaltyBalance(protocol, a, ETH, 3_000n, 0n);
    await expectRoyaltyBalance(protocol, a, token, 0n, 0n);
    await expectSolvent(protocol, [ETH, token], [a, b, c]);
  });

  it("works while the protocol is paused", async function () {
    const { protocol, admin, payer, stranger, a, b, c } =
      await networkHelpers.loadFixture(deployFamily);
    await pay(protocol, payer, c, ETH, PAID);
    await protocol.connect(admin).setPaused(true);

    await expect(protocol.connect(stranger).split(c, ETH))
      .to.emit(protocol, "Split")
      .withArgs(c, ETH, PAID, [TO_A, TO_B]);
    expect(await protocol.collectableBalance(a, ETH)).to.equal(TO_A);
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("works after the token was removed from the allowlist", async function () {
    const { protocol, admin, payer, token, a, b, c } =
      await networkHelpers.loadFixture(deployFamily);
    await pay(protocol, payer, c, token, PAID);
    await protocol.connect(admin).setTokenAllowed(token, false);

    await expect(protocol.split(c, token))
      .to.emit(protocol, "Split")
      .withArgs(c, token, PAID, [TO_A, TO_B]);
    expect(await feesAccrued(protocol, token)).to.equal(PAID - NET);
    await expectSolvent(protocol, [token], [a, b, c]);
  });
});
