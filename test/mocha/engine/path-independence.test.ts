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
  C_SHARE_OF_A,
  C_SHARE_OF_B,
  claimsOf,
  coveredGross,
  deployFamily,
  deployListedToken,
  eventsOf,
  expectRoyaltyBalance,
  expectSolvent,
  feeOf,
  feesAccrued,
  feesOf,
  parentCredits,
  pay,
  splitsOf,
  sum,
} from "../helpers/engine.js";
import { registerOriginals } from "../helpers/registry.js";

// Issue item 3: rounding must not depend on how payments are chunked or when anyone splits. Every
// expectation below is worked out from the rule (helpers/engine.ts), never read back.

/** The default protocol, a listed 2-decimal token (cents) and remix B (bob) of A (alice) at 30%. */
async function deployCents() {
  const deployment = await deployProtocol();
  const { protocol, alice, bob } = deployment;
  const { token: cents, address } = await deployListedToken(deployment, "MockERC20", [
    "Cents",
    "CENT",
    2,
  ]);
  const a = await registerOriginal(protocol, alice, "A");
  const b = await registerRemix(protocol, bob, "B", [[a, B_SHARE_OF_A]]);
  return { ...deployment, cents, token: address, a, b };
}

describe("path independence of fees and splits", function () {
  it("gives the parent exactly 90 and the platform exactly 30 of 100 3-cent views split one by one", async function () {
    const { protocol, cents, payer, stranger, alice, bob, token, a, b } =
      await networkHelpers.loadFixture(deployCents);
    expect(await cents.decimals()).to.equal(2n);
    const fees: bigint[] = [];
    const credits: bigint[] = [];
    let held = 0n; // what B holds, by the rule

    // The attack: a split after every 3-cent view. Per payment, floor(10% of 3) = 0 and per split
    // floor(30% of 3) = 0, so the old rule paid the parent 0 of 90 and the platform 0 of 30.
    for (let view = 0n; view < 100n; view++) {
      const paid = await eventsOf(pay(protocol, payer, b, token, 3n), protocol, "Paid");
      const fee = feeOf(3n, 1_000, 3n * view);
      const [credit] = parentCredits(3n, [B_SHARE_OF_A], 3n * view);
      expect(paid.map((args) => args.fee)).to.deep.equal([fee]);
      held += 3n - fee;
      await expectRoyaltyBalance(protocol, b, token, held, 3n, 3n * view);
      expect(await protocol.collectableBalance(b, token)).to.equal(held - credit);

      const splits = await splitsOf(protocol.connect(stranger).split(b, token), protocol);

      expect(splits).to.deep.equal([[b, token, 3n, [credit]]]);
      held -= credit;
      fees.push(fee);
      credits.push(credit);
    }

    expect(sum(credits)).to.equal(90n);
    expect(sum(fees)).to.equal(30n);
    expect(await protocol.collectableBalance(a, token)).to.equal(90n);
    expect(await protocol.collectableBalance(b, token)).to.equal(300n - 30n - 90n);
    expect(await protocol.accruedFees(token)).to.deep.equal([30n, 300n]);
    await expectRoyaltyBalance(protocol, b, token, 180n, 0n, 300n);
    await expect(protocol.connect(alice).claim(a, token, alice.address)).to.changeTokenBalances(
      ethers,
      cents,
      [protocol, alice],
      [-90n, 90n],
    );
    await protocol.connect(bob).claim(b, token, bob.address);
    await protocol.withdrawFees(token);
    expect(await cents.balanceOf(await protocol.getAddress())).to.equal(0n);
  });

  it("charges exactly 1,000 in fees on payMany of 1,112 payments of 9 units at 10%", async function () {
    const { protocol, payer, token, a, b } = await networkHelpers.loadFixture(deployCents);
    const count = 1_112;
    const amounts = Array<bigint>(count).fill(9n);
    const expected = feesOf(amounts, 1_000);

    // floor(10% of 9) = 0 per payment under the old rule: 0 in fees.
    const paid = await eventsOf(
      protocol.connect(payer).payMany(token, Array<bigint>(count).fill(a), amounts),
      protocol,
      "Paid",
    );

    expect(paid.map((args) => args.fee)).to.deep.equal(expected);
    expect(sum(expected)).to.equal(1_000n); // floor(10% of 10,008)
    expect(await protocol.accruedFees(token)).to.deep.equal([1_000n, 10_008n % 10_000n]);
    expect(await protocol.collectableBalance(a, token)).to.equal(10_008n - 1_000n);
    await expectSolvent(protocol, [token], [a, b]);
  });

  it("gives every parent the same totals whether anyone splits after every payment or once at the end", async function () {
    // Odd amounts, to C (A 20%, B 30%) and to B (A 30%), so every share rounds differently.
    const payments: Array<["b" | "c", bigint]> = [
      ["c", 7n],
      ["c", 13n],
      ["b", 1n],
      ["c", 29n],
      ["c", 3n],
      ["b", 101n],
      ["c", 2n],
      ["c", 57n],
      ["b", 11n],
      ["c", 5n],
      ["c", 999n],
      ["c", 4n],
    ];
    const schedules: Record<string, (index: number) => boolean> = {
      "after every payment": () => true,
      "every third payment": (index) => index % 3 === 2,
      "once at the end": () => false,
    };
    const totals: Record<string, bigint[]> = {};
    for (const [label, splitsAfter] of Object.entries(schedules)) {
      const { protocol, payer, token, a, b, c } = await networkHelpers.loadFixture(deployFamily);
      for (const [index, [to, amount]] of payments.entries()) {
        await pay(protocol, payer, to === "b" ? b : c, token, amount);
        if (splitsAfter(index)) await protocol.splitMany([c, b], [token]);
      }
      await protocol.splitMany([c, b], [token]);
      await expectSolvent(protocol, [token], [a, b, c]);
      totals[label] = [];
      for (const id of [a, b, c]) totals[label].push(await protocol.collectableBalance(id, token));
    }

    // From the rule: C splits its gross G_c, B splits G_b = its own payments + floor(30% of G_c).
    const grossOf = (to: "b" | "c") => sum(payments.filter(([p]) => p === to).map(([, x]) => x));
    const fees = feesOf(
      payments.map(([, amount]) => amount),
      1_000,
    );
    const feesOn = (to: "b" | "c") => sum(fees.filter((_, i) => payments[i][0] === to));
    const [cToA, cToB] = parentCredits(grossOf("c"), [C_SHARE_OF_A, C_SHARE_OF_B]);
    const bGross = grossOf("b") + cToB;
    const [bToA] = parentCredits(bGross, [B_SHARE_OF_A]);
    const expected = [
      cToA + bToA,
      bGross - feesOn("b") - bToA,
      grossOf("c") - feesOn("c") - cToA - cToB,
    ];
    for (const [label, actual] of Object.entries(totals)) {
      expect(actual, `A, B and C when splitting ${label}`).to.deep.equal(expected);
    }
  });

  it("never forwards more than a remix holds: a short split leaves gross pending until revenue covers it, and claims pay nothing meanwhile", async function () {
    const { protocol, alice, bob, payer, stranger } =
      await networkHelpers.loadFixture(deployProtocol);
    // 16 parents at 5%: each is owed a unit per 20 wei split, all at the same moment.
    const shares = Array<number>(16).fill(500);
    const parents = await registerOriginals(protocol, alice, shares.length, "small-");
    const remix = await registerRemix(
      protocol,
      bob,
      "many",
      parents.map((id) => [id, 500]),
    );
    const zeros = shares.map(() => 0n);

    // 10 wei (fee 1) split with nothing owed yet, and the 9 held claimed: the remix holds 0.
    await pay(protocol, payer, remix, ETH, 10n);
    const claim = protocol.connect(bob).claim(remix, ETH, bob.address);
    expect(await splitsOf(claim, protocol)).to.deep.equal([[remix, ETH, 10n, zeros]]);
    expect(await claimsOf(claim, protocol)).to.deep.equal([
      [ETH, bob.address, bob.address, [remix], [9n]],
    ]);
    await expectRoyaltyBalance(protocol, remix, ETH, 0n, 0n, 10n);

    // 15 payments of 1 wei pay 1 in fees (floor(2.5) - floor(1.0)): 14 held, 15 pending. Splitting
    // all 15 would reach 20 wei and owe 16 parents 1 each; only the first 9 are covered.
    await protocol
      .connect(payer)
      .payMany(ETH, Array<bigint>(15).fill(remix), Array<bigint>(15).fill(1n), { value: 15n });
    expect(sum(parentCredits(15n, shares, 10n))).to.equal(16n);
    expect(coveredGross(15n, 14n, shares, 10n)).to.equal(9n);
    await expectRoyaltyBalance(protocol, remix, ETH, 14n, 15n, 10n);
    // Gross left unsplit: all 14 held is owed to the parents, so nothing is collectable.
    expect(await protocol.collectableBalance(remix, ETH)).to.equal(0n);
    expect(await protocol.connect(stranger).split.staticCall(remix, ETH)).to.equal(0n);
    expect(await protocol.connect(bob).claim.staticCall(remix, ETH, bob.address)).to.equal(0n);
    // The owner's claim splits the covered 9 and pays nothing.
    const partialClaim = protocol.connect(bob).claim(remix, ETH, bob.address);
    expect(await splitsOf(partialClaim, protocol)).to.deep.equal([[remix, ETH, 9n, zeros]]);
    await expect(partialClaim).not.to.emit(protocol, "Claimed");
    await expect(partialClaim).to.changeEtherBalances(ethers, [protocol, bob], [0n, 0n]);
    await expectRoyaltyBalance(protocol, remix, ETH, 14n, 6n, 19n);

    // One more wei (fee floor(2.6) - floor(2.5) = 0): 15 held, still short of 16, so a split
    // covers nothing and emits nothing; neither does the owner's claim, which pays nothing.
    expect(coveredGross(7n, 15n, shares, 19n)).to.equal(0n);
    await pay(protocol, payer, remix, ETH, 1n);
    const emptySplit = protocol.split(remix, ETH);
    await expect(emptySplit).not.to.emit(protocol, "Split");
    await expectRoyaltyBalance(protocol, remix, ETH, 15n, 7n, 19n);
    expect(await protocol.collectableBalance(remix, ETH)).to.equal(0n);
    expect(await protocol.connect(bob).claim.staticCall(remix, ETH, bob.address)).to.equal(0n);
    const shortClaim = protocol.connect(bob).claim(remix, ETH, bob.address);
    await expect(shortClaim).not.to.emit(protocol, "Split");
    await expect(shortClaim).not.to.emit(protocol, "Claimed");
    await expect(shortClaim).to.changeEtherBalances(ethers, [protocol, bob], [0n, 0n]);
    await expectRoyaltyBalance(protocol, remix, ETH, 15n, 7n, 19n);
    for (const parent of parents) await expectRoyaltyBalance(protocol, parent, ETH, 0n, 0n);

    // The next wei covers it: the whole pending 8 wei split, each parent made whole.
    expect(coveredGross(8n, 16n, shares, 19n)).to.equal(8n);
    await pay(protocol, payer, remix, ETH, 1n);
    expect(await splitsOf(protocol.split(remix, ETH), protocol)).to.deep.equal([
      [remix, ETH, 8n, shares.map(() => 1n)],
    ]);
    await expectRoyaltyBalance(protocol, remix, ETH, 0n, 0n, 27n);
    for (const parent of parents) {
      // floor(27 * 5%) = 1: the lifetime rule, although 16 > what any one split held before.
      expect(await protocol.collectableBalance(parent, ETH)).to.equal((27n * 500n) / 10_000n);
    }
    expect(await feesAccrued(protocol, ETH)).to.equal(feeOf(27n, 1_000));
    await expectSolvent(protocol, [ETH], [...parents, remix]);
  });

  it("does not let an owner who claims after every 3-wei view starve 16 parents: each ends with floor(G * 5%) of the gross G split", async function () {
    const { protocol, alice, bob, payer } = await networkHelpers.loadFixture(deployProtocol);
    // The attack: 16 parents at 5% round up a unit each only per 20 wei split, together 16 units,
    // while each 3-wei view leaves about 3 held. Under the old rule the owner's claim after every
    // view took all that was held, so no split ever covered a rounding step and every parent got 0.
    const shares = Array<number>(16).fill(500);
    const parents = await registerOriginals(protocol, alice, shares.length, "starved-");
    const remix = await registerRemix(
      protocol,
      bob,
      "attacker",
      parents.map((id) => [id, 500]),
    );
    const views = 200n;
    const price = 3n;

    // The remix's balance, by the rule.
    let held = 0n;
    let pending = 0n;
    let splitBefore = 0n;
    let fees = 0n;
    let ownerPaid = 0n;
    let paidClaims = 0;
    for (let view = 0n; view < views; view++) {
      const fee = feeOf(price, 1_000, price * view);
      await pay(protocol, payer, remix, ETH, price);
      fees += fee;
      held += price - fee;
      pending += price;

      // The claim splits the covered part of the pending gross, and pays only if that was all.
      const gross = coveredGross(pending, held, shares, splitBefore);
      const credits = parentCredits(gross, shares, splitBefore);
      const covered = gross === pending;
      const payout = covered ? held - sum(credits) : 0n;
      expect(await protocol.collectableBalance(remix, ETH), `collectable at view ${view}`).to.equal(
        payout,
      );

      const tx = protocol.connect(bob).claim(remix, ETH, bob.address);

      expect(await splitsOf(tx, protocol), `splits at view ${view}`).to.deep.equal(
        gross === 0n ? [] : [[remix, ETH, gross, credits]],
      );
      expect(await claimsOf(tx, protocol), `claims at view ${view}`).to.deep.equal(
        payout === 0n ? [] : [[ETH, bob.address, bob.address, [remix], [payout]]],
      );
      await expect(tx).to.changeEtherBalances(ethers, [protocol, bob], [-payout, payout]);
      held -= sum(credits) + payout;
      pending -= gross;
      splitBefore += gross;
      ownerPaid += payout;
      if (payout !== 0n) paidClaims++;
      await expectRoyaltyBalance(protocol, remix, ETH, held, pending, splitBefore % 10_000n);
    }

    // The model's outcome: 599 of the 600 wei split (the last wei would owe 16 with 2 held), the
    // owner paid by 25 of its 200 claims.
    const received = views * price;
    expect([splitBefore, pending, held, paidClaims]).to.deep.equal([599n, 1n, 2n, 25]);
    expect(fees).to.equal(feeOf(received, 1_000));
    expect(await feesAccrued(protocol, ETH)).to.equal(fees);
    // Every parent has exactly floor(599 * 5%) = 29 (under the old rule: 0).
    const perParent = (splitBefore * 500n) / 10_000n;
    expect(perParent).to.equal(29n);
    for (const parent of parents) {
      await expectRoyaltyBalance(protocol, parent, ETH, perParent, 0n);
    }
    // The owner got only what is left: the 540 held after fees, less the parents' 16 * 29, less
    // the 2 still held for them (under the old rule: all 540).
    expect(ownerPaid).to.equal(received - fees - 16n * perParent - held);
    expect(ownerPaid).to.equal(74n);
    await expectSolvent(protocol, [ETH], [...parents, remix]);
  });

  it("splits a remix first when it is claimed: its parents are credited in the claim", async function () {
    const { protocol, payer, carol, bob, a, b, c } = await networkHelpers.loadFixture(deployFamily);
    const paid = 10_007n;
    const held = paid - feeOf(paid, 1_000); // 9,007
    const [toA, toB] = parentCredits(paid, [C_SHARE_OF_A, C_SHARE_OF_B]); // 2,001 and 3,002
    await pay(protocol, payer, c, ETH, paid);
    expect(await protocol.collectableBalance(c, ETH)).to.equal(held - toA - toB);
    expect(await protocol.connect(carol).claim.staticCall(c, ETH, carol.address)).to.equal(
      held - toA - toB,
    );

    const tx = await protocol.connect(carol).claim(c, ETH, carol.address);

    const receipt = (await tx.wait())!;
    const names = receipt.logs.map((log) => protocol.interface.parseLog(log)?.name);
    expect(names).to.deep.equal(["Split", "Claimed"]);
    expect(await splitsOf(tx, protocol)).to.deep.equal([[c, ETH, paid, [toA, toB]]]);
    expect(await claimsOf(tx, protocol)).to.deep.equal([
      [ETH, carol.address, carol.address, [c], [held - toA - toB]],
    ]);
    await expect(tx).to.changeEtherBalances(
      ethers,
      [protocol, carol],
      [-(held - toA - toB), held - toA - toB],
    );
    await expectRoyaltyBalance(protocol, c, ETH, 0n, 0n, paid % 10_000n);
    await expectRoyaltyBalance(protocol, a, ETH, toA, 0n);
    await expectRoyaltyBalance(protocol, b, ETH, toB, toB);

    // B's claim (through claimMany) splits what C forwarded to it the same way: A gets 30%.
    const [bToA] = parentCredits(toB, [B_SHARE_OF_A]);
    const claimMany = protocol.connect(bob).claimMany([b], [ETH], bob.address);
    expect(await splitsOf(claimMany, protocol)).to.deep.equal([[b, ETH, toB, [bToA]]]);
    expect(await claimsOf(claimMany, protocol)).to.deep.equal([
      [ETH, bob.address, bob.address, [b], [toB - bToA]],
    ]);
    expect(await protocol.collectableBalance(a, ETH)).to.equal(toA + bToA);
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });
});
