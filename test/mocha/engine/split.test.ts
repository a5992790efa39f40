import { expect } from "chai";
import { ETH, ethers, networkHelpers, registerRemix } from "../helpers/fixture.js";
import { deployFamily, eventsOf, expectSolvent, expectSplittable, pay } from "../helpers/engine.js";

// C names A (original, 20%) and B (remix, 30%); a 10,000-wei use of C pays a 1,000 fee.
const PAID = 10_000n;
const NET = 9_000n;
const TO_A = 2_000n;
const TO_B = 3_000n;
const KEPT_BY_C = NET - TO_A - TO_B;

describe("split", function () {
  it("credits an original parent's collectable and a remix parent's splittable, one hop", async function () {
    const { protocol, payer, stranger, a, b, c } = await networkHelpers.loadFixture(deployFamily);
    await pay(protocol, payer, c, ETH, PAID);

    expect(await protocol.connect(stranger).split.staticCall(c, ETH)).to.equal(KEPT_BY_C);
    const tx = protocol.connect(stranger).split(c, ETH);

    await expect(tx).to.emit(protocol, "RoyaltyForwarded").withArgs(c, a, ETH, TO_A);
    await expect(tx).to.emit(protocol, "RoyaltyForwarded").withArgs(c, b, ETH, TO_B);
    await expect(tx).to.emit(protocol, "Split").withArgs(c, ETH, PAID, NET, KEPT_BY_C);
    await expect(tx).to.changeEtherBalances(ethers, [protocol], [0n]);
    expect(await protocol.collectableBalance(a, ETH)).to.equal(TO_A);
    await expectSplittable(protocol, b, ETH, TO_B, TO_B);
    expect(await protocol.collectableBalance(b, ETH)).to.equal(0n);
    expect(await protocol.collectableBalance(c, ETH)).to.equal(KEPT_BY_C);
    await expectSplittable(protocol, c, ETH, 0n, 0n);
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("lets a remix parent split what it was forwarded, with no second fee", async function () {
    const { protocol, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);
    await pay(protocol, payer, c, ETH, PAID);
    await protocol.split(c, ETH);

    // B's 3,000 carried no fee, so gross == net and A's 30% of it is 900.
    await expect(protocol.split(b, ETH))
      .to.emit(protocol, "Split")
      .withArgs(b, ETH, TO_B, TO_B, 2_100n)
      .and.to.emit(protocol, "RoyaltyForwarded")
      .withArgs(b, a, ETH, 900n);

    expect(await protocol.collectableBalance(a, ETH)).to.equal(TO_A + 900n);
    expect(await protocol.collectableBalance(b, ETH)).to.equal(2_100n);
    expect(await protocol.accruedFees(ETH)).to.equal(PAID - NET);
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("gives a zero-share parent nothing and emits no RoyaltyForwarded for it", async function () {
    const { protocol, payer, carol, a, b, c } = await networkHelpers.loadFixture(deployFamily);
    const d = await registerRemix(protocol, carol, "D", [
      [a, 0],
      [b, 2_500],
    ]);
    await pay(protocol, payer, d, ETH, PAID);

    const forwarded = await eventsOf(protocol.split(d, ETH), protocol, "RoyaltyForwarded");

    expect(forwarded.map((args) => [...args])).to.deep.equal([[d, b, ETH, 2_500n]]);
    expect(await protocol.collectableBalance(a, ETH)).to.equal(0n);
    await expectSplittable(protocol, b, ETH, 2_500n, 2_500n);
    expect(await protocol.collectableBalance(d, ETH)).to.equal(NET - 2_500n);
    await expectSolvent(protocol, [ETH], [a, b, c, d]);
  });

  it("does nothing and returns 0 when there is nothing to split", async function () {
    const { protocol, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);
    await pay(protocol, payer, a, ETH, PAID); // an original's revenue is never splittable

    for (const id of [a, b, c, c + 1n]) {
      expect(await protocol.split.staticCall(id, ETH)).to.equal(0n);
      await expect(protocol.split(id, ETH)).not.to.emit(protocol, "Split");
    }
    expect(await protocol.collectableBalance(a, ETH)).to.equal(NET);
  });

  it("splits only the requested token", async function () {
    const { protocol, payer, token, a, b, c } = await networkHelpers.loadFixture(deployFamily);
    await pay(protocol, payer, b, ETH, PAID);
    await pay(protocol, payer, b, token, PAID);

    await protocol.split(b, ETH);

    await expectSplittable(protocol, b, ETH, 0n, 0n);
    await expectSplittable(protocol, b, token, PAID, NET);
    expect(await protocol.collectableBalance(a, token)).to.equal(0n);
    await expectSolvent(protocol, [ETH, token], [a, b, c]);
  });

  it("works while the protocol is paused", async function () {
    const { protocol, admin, payer, stranger, a, b, c } =
      await networkHelpers.loadFixture(deployFamily);
    await pay(protocol, payer, c, ETH, PAID);
    await protocol.connect(admin).setPaused(true);

    await expect(protocol.connect(stranger).split(c, ETH))
      .to.emit(protocol, "Split")
      .withArgs(c, ETH, PAID, NET, KEPT_BY_C);
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
      .withArgs(c, token, PAID, NET, KEPT_BY_C);
    await expectSolvent(protocol, [token], [a, b, c]);
  });
});
