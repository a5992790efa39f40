import { expect } from "chai";
import {
  advanceRemainder,
  InvalidParameterError,
  parentParts,
  paymentFees,
  protocolFee,
  type RoyaltyBalance,
  roundingIncrement,
  splitBalance,
} from "../../../../sdk/index.js";

/** xorshift64*: reproducible across runs. */
function randomSource(seed: bigint) {
  return (bound: bigint) => {
    seed ^= seed >> 12n;
    seed ^= (seed << 25n) & 0xffffffffffffffffn;
    seed ^= seed >> 27n;
    return ((seed * 0x2545f4914f6cdd1dn) & 0xffffffffffffffffn) % bound;
  };
}

const pending = (held: bigint, pendingGross: bigint, remainder = 0n): RoyaltyBalance => ({
  held,
  pendingGross,
  remainder,
});

describe("sdk splitMath", function () {
  it("charges each payment the increment of the fee on the token's lifetime gross", function () {
    expect(protocolFee(1_000_003n, 1_000)).to.equal(100_000n);
    expect(protocolFee(9n, 1_000)).to.equal(0n);
    // 9,995 paid before: 9,995 + 9 crosses 10,000, so this payment carries the fee unit.
    expect(protocolFee(9n, 1_000, 9_995n)).to.equal(1n);
    expect(protocolFee(12_345n, 0, 5_000n)).to.equal(0n);
    expect(roundingIncrement(9_999n, 3n, 3_000)).to.equal(1n);
    expect(advanceRemainder(9_999n, 3n)).to.equal(2n);
  });

  it("charges 1,112 payments of 9 units the fee on their 10,008-unit total", function () {
    // The per-payment floor charged 0 on each, so 0 in all.
    const { fees, grossRemainder } = paymentFees(
      Array.from({ length: 1_112 }, () => 9n),
      1_000,
      0n,
    );
    expect(fees.reduce((sum, fee) => sum + fee, 0n)).to.equal(1_000n);
    expect(grossRemainder).to.equal(8n);
  });

  it("rounds each parent on its own: a 3-way split of 10 gives 3 each and leaves 1 with the child", function () {
    expect(parentParts(10n, [3_333, 3_333, 3_334])).to.deep.equal([3n, 3n, 3n]);
    expect(splitBalance(pending(10n, 10n), [3_333, 3_333, 3_334])).to.deep.equal({
      gross: 10n,
      amounts: [3n, 3n, 3n],
      forwarded: 9n,
      balance: pending(1n, 0n, 10n),
    });
  });

  it("forwards shares of the gross and leaves the rest held", function () {
    // Paid 1,000,003 with a 10% fee: held 900,003; the parent's 20% applies to the gross.
    expect(splitBalance(pending(900_003n, 1_000_003n), [2_000])).to.deep.equal({
      gross: 1_000_003n,
      amounts: [200_000n],
      forwarded: 200_000n,
      balance: pending(700_003n, 0n, 3n),
    });
    expect(splitBalance(pending(0n, 0n), [5_000])).to.deep.equal({
      gross: 0n,
      amounts: [0n],
      forwarded: 0n,
      balance: pending(0n, 0n),
    });
  });

  it("gives a 30% parent 90 of 100 three-unit views however often they are split", function () {
    // The per-split floor gave 0 of each 3-unit view's 0.9.
    let balance = pending(0n, 0n);
    let parent = 0n;
    let fees = 0n;
    let grossRemainder = 0n;
    for (let view = 0; view < 100; view++) {
      const fee = protocolFee(3n, 1_000, grossRemainder);
      grossRemainder = advanceRemainder(grossRemainder, 3n);
      fees += fee;
      const split = splitBalance(
        { ...balance, held: balance.held + 3n - fee, pendingGross: balance.pendingGross + 3n },
        [3_000],
      );
      parent += split.forwarded;
      balance = split.balance;
    }
    expect(parent).to.equal(90n);
    expect(fees).to.equal(30n);
    expect(balance).to.deep.equal(pending(180n, 0n, 300n));
  });

  it("splits only the covered part when the parents' floors step up together", function () {
    // 16 parents at 6.25% each: one more unit of gross past 16 makes every floor step at once.
    const shares = Array.from({ length: 16 }, () => 625);
    const split = splitBalance(pending(1n, 16n), shares);
    expect(split.forwarded).to.equal(0n);
    expect(split.gross).to.equal(15n);
    expect(split.balance).to.deep.equal(pending(1n, 1n, 15n));
    // Once more is held, the carried unit of gross is split and every parent gets its 1.
    const later = splitBalance({ ...split.balance, held: 16n }, shares);
    expect(later).to.deep.include({ gross: 1n, forwarded: 16n });
    expect(later.amounts).to.deep.equal(shares.map(() => 1n));
  });

  it("refuses shares that are not integer basis points or add up to over 100%", function () {
    const refuse = (run: () => unknown, parameter: string) => {
      expect(run).to.throw(InvalidParameterError).with.property("parameter", parameter);
    };
    refuse(() => parentParts(1n, [1.5]), "sharesBps[0]");
    refuse(() => parentParts(1n, [100, 10_001]), "sharesBps[1]");
    refuse(() => parentParts(1n, [6_000, 5_000]), "sharesBps");
    refuse(() => parentParts(-1n, [1]), "gross");
    refuse(() => protocolFee(1n, -1), "bps");
    refuse(() => protocolFee(1n, 100, 10_000n * 2n), "remainder");
    refuse(() => splitBalance(pending(-1n, 1n), [5_000]), "held");
  });

  it("gives every parent floor(G * share) of the gross split, whatever the chunking and timing", function () {
    const random = randomSource(0x2545f4914f6cdd1dn);
    for (let run = 0; run < 500; run++) {
      const count = Number(random(16n)) + 1;
      let left = 8_000; // 100% less the maximum fee
      const shares = Array.from({ length: count }, () => {
        const share = Number(random(BigInt(left) + 1n));
        left -= share;
        return share;
      });
      const feeBps = Number(random(2_001n));
      let balance = pending(0n, 0n);
      let feeRemainder = random(10_000n);
      let split = 0n;
      let paid = 0n;
      let fees = 0n;
      const received = shares.map(() => 0n);
      for (let payment = Number(random(12n)); payment >= 0; payment--) {
        const amount = random(2n) === 0n ? random(30n) + 1n : random(2n ** 100n);
        const fee = protocolFee(amount, feeBps, feeRemainder);
        feeRemainder = advanceRemainder(feeRemainder, amount);
        paid += amount;
        fees += fee;
        balance = {
          ...balance,
          held: balance.held + amount - fee,
          pendingGross: balance.pendingGross + amount,
        };
        if (random(3n) !== 0n && payment !== 0) continue;
        const result = splitBalance(balance, shares);
        expect(result.forwarded <= balance.held).to.equal(true);
        result.amounts.forEach((amount, index) => (received[index] += amount));
        split += result.gross;
        balance = result.balance;
      }
      received.forEach((total, index) => {
        expect(total).to.equal((split * BigInt(shares[index] ?? 0)) / 10_000n);
      });
      // The fees of the run are the increment of the fee on the lifetime gross they paid.
      const start = (feeRemainder - (paid % 10_000n) + 10_000n) % 10_000n;
      expect(fees).to.equal(roundingIncrement(start, paid, feeBps));
    }
  });
});
