import { expect } from "chai";
import {
  cumulativeShare,
  InvalidParameterError,
  parentParts,
  protocolFee,
  splitBalance,
} from "../../../../sdk/index.js";

describe("sdk splitMath", function () {
  it("rounds the protocol fee down", function () {
    expect(protocolFee(1_000_003n, 1_000)).to.equal(100_000n);
    expect(protocolFee(9n, 1_000)).to.equal(0n);
    expect(protocolFee(10n, 1_000)).to.equal(1n);
    expect(protocolFee(12_345n, 0)).to.equal(0n);
  });

  it("gives parents cumulative differences, so a 3-way split of 10 loses nothing", function () {
    // A per-parent floor would give 3 + 3 + 3 = 9; the running sums floor 3.333, 6.666, 10.
    expect(parentParts(10n, [3_333, 3_333, 3_334])).to.deep.equal([3n, 3n, 4n]);
    expect(cumulativeShare(10n, 3_333, 3_333)).to.equal(3n);
    expect(splitBalance({ gross: 10n, net: 10n }, [3_333, 3_333, 3_334])).to.deep.equal({
      forwarded: [3n, 3n, 4n],
      kept: 0n,
    });
  });

  it("forwards shares of gross and keeps the rest of net", function () {
    // Paid 1,000,003 with a 10% fee: net 900,003; the parent's 20% applies to the gross.
    expect(splitBalance({ gross: 1_000_003n, net: 900_003n }, [2_000])).to.deep.equal({
      forwarded: [200_000n],
      kept: 700_003n,
    });
    expect(splitBalance({ gross: 1n, net: 1n }, [3_333])).to.deep.equal({
      forwarded: [0n],
      kept: 1n,
    });
    expect(splitBalance({ gross: 0n, net: 0n }, [5_000])).to.deep.equal({
      forwarded: [0n],
      kept: 0n,
    });
  });

  it("spreads rounding remainders across 16 parents with shares that do not divide", function () {
    // 7 * 499 * i / 10,000 = 0.3493 i, floored: 0 0 1 1 1 2 2 2 3 3 3 4 4 4 5 5.
    const shares = Array.from({ length: 16 }, () => 499);
    expect(splitBalance({ gross: 7n, net: 7n }, shares)).to.deep.equal({
      forwarded: [0n, 0n, 1n, 0n, 0n, 1n, 0n, 0n, 1n, 0n, 0n, 1n, 0n, 0n, 1n, 0n],
      kept: 2n,
    });
    // 999 * 500 * i / 10,000 = 49.95 i: the first parent gets 49, every other one 50.
    const halves = parentParts(
      999n,
      Array.from({ length: 16 }, () => 500),
    );
    expect(halves).to.deep.equal([49n, ...Array.from({ length: 15 }, () => 50n)]);
  });

  it("refuses shares that are not integer basis points or add up to over 100%", function () {
    const refuse = (run: () => unknown, parameter: string) => {
      expect(run).to.throw(InvalidParameterError).with.property("parameter", parameter);
    };
    refuse(() => parentParts(1n, [1.5]), "sharesBps[0]");
    refuse(() => parentParts(1n, [100, 10_001]), "sharesBps[1]");
    refuse(() => parentParts(1n, [6_000, 5_000]), "sharesBps");
    refuse(() => parentParts(-1n, [1]), "gross");
    refuse(() => protocolFee(1n, -1), "feeBps");
    refuse(() => splitBalance({ gross: 100n, net: 10n }, [5_000]), "balance");
  });

  it("forwards parts that sum exactly and keeps net minus them, for random splits", function () {
    let seed = 0x2545f4914f6cdd1dn;
    const random = (bound: bigint) => {
      // xorshift64*: reproducible across runs.
      seed ^= seed >> 12n;
      seed ^= (seed << 25n) & 0xffffffffffffffffn;
      seed ^= seed >> 27n;
      return ((seed * 0x2545f4914f6cdd1dn) & 0xffffffffffffffffn) % bound;
    };
    for (let run = 0; run < 2_000; run++) {
      const count = Number(random(16n)) + 1;
      let left = 8_000; // 100% less the maximum fee
      const shares = Array.from({ length: count }, () => {
        const share = Number(random(BigInt(left) + 1n));
        left -= share;
        return share;
      });
      const total = shares.reduce((sum, share) => sum + share, 0);
      let gross = 0n;
      let net = 0n;
      for (let payment = Number(random(3n)); payment >= 0; payment--) {
        const amount = random(2n) === 0n ? random(1_000n) : random(2n ** 100n);
        gross += amount;
        net += amount - protocolFee(amount, Number(random(2_001n)));
      }
      const { forwarded, kept } = splitBalance({ gross, net }, shares);
      const sum = forwarded.reduce((acc, part) => acc + part, 0n);
      expect(sum).to.equal((gross * BigInt(total)) / 10_000n);
      expect(kept).to.equal(net - sum);
      expect(kept >= 0n).to.equal(true);
      forwarded.forEach((part, index) => {
        // Each part is its own floor, or one more from the running remainder.
        const floor = (gross * BigInt(shares[index] ?? 0)) / 10_000n;
        expect(part === floor || part === floor + 1n).to.equal(true);
      });
    }
  });
});
