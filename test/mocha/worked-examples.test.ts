import { expect } from "chai";
import {
  ETH,
  deployProtocol,
  ethers,
  networkHelpers,
  registerOriginal,
  registerRemix,
} from "./helpers/fixture.js";
import { feesAccrued } from "./helpers/engine.js";

// The README's royalty rules, checked to the wei: fee 10%, every share 30%.
describe("royalty rules: the README's worked examples", function () {
  it("a 1.00 use of remix B of A pays the platform 0.10, A 0.30 and B 0.60", async function () {
    const { protocol, alice, bob, payer } = await networkHelpers.loadFixture(deployProtocol);
    const a = await registerOriginal(protocol, alice, "A");
    const b = await registerRemix(protocol, bob, "B", [[a, 3_000]]);
    const one = ethers.parseEther("1");

    await protocol.connect(payer).pay(b, ETH, one, { value: one });
    await protocol.split(b, ETH);

    expect(await feesAccrued(protocol, ETH)).to.equal(ethers.parseEther("0.10"));
    expect(await protocol.collectableBalance(a, ETH)).to.equal(ethers.parseEther("0.30"));
    expect(await protocol.collectableBalance(b, ETH)).to.equal(ethers.parseEther("0.60"));
  });

  it("a 1.00 use of C (remixes B, which remixes A) pays 0.10 / C 0.60 / B 0.21 / A 0.09", async function () {
    const { protocol, usd, alice, bob, carol, payer } =
      await networkHelpers.loadFixture(deployProtocol);
    const token = await usd.getAddress();
    const a = await registerOriginal(protocol, alice, "A");
    const b = await registerRemix(protocol, bob, "B", [[a, 3_000]]);
    const c = await registerRemix(protocol, carol, "C", [[b, 3_000]]);
    const one = 1_000_000n; // 1.00 of a 6-decimal token

    await protocol.connect(payer).pay(c, token, one);
    await protocol.splitMany([c, b], [token]);

    expect(await feesAccrued(protocol, token)).to.equal(100_000n);
    expect(await protocol.collectableBalance(c, token)).to.equal(600_000n);
    expect(await protocol.collectableBalance(b, token)).to.equal(210_000n);
    expect(await protocol.collectableBalance(a, token)).to.equal(90_000n);
    expect(await usd.balanceOf(await protocol.getAddress())).to.equal(one);
  });

  it("50 remixes of A, each paying A 0.10, earn A 5.00 (the 10,000-remix example, scaled)", async function () {
    const { protocol, alice, bob, payer } = await networkHelpers.loadFixture(deployProtocol);
    const a = await registerOriginal(protocol, alice, "A");
    const remixes: bigint[] = [];
    // Each remix gives A 10%: 0.10 of every 1.00 use, as in the README's example.
    for (let i = 0; i < 50; i++) {
      remixes.push(await registerRemix(protocol, bob, `remix-${i}`, [[a, 1_000]]));
    }
    const one = ethers.parseEther("1");
    const total = one * BigInt(remixes.length);

    await protocol.connect(payer).payMany(
      ETH,
      remixes,
      remixes.map(() => one),
      { value: total },
    );
    await protocol.splitMany(remixes, [ETH]);

    const owedToA = ethers.parseEther("0.10") * 50n;
    expect(await protocol.collectableBalance(a, ETH)).to.equal(owedToA);
    for (const remix of remixes) {
      expect(await protocol.collectableBalance(remix, ETH)).to.equal(ethers.parseEther("0.80"));
    }
    expect(await feesAccrued(protocol, ETH)).to.equal(ethers.parseEther("0.10") * 50n);
    await expect(protocol.connect(alice).claim(a, ETH, alice.address)).to.changeEtherBalances(
      ethers,
      [protocol, alice],
      [-owedToA, owedToA],
    );
  });

  it("1,000 payments of 1 wei to a remix with a 30% parent give the parent 300 wei and the platform 100 (the 10,000 example, scaled)", async function () {
    const { protocol, alice, bob, payer } = await networkHelpers.loadFixture(deployProtocol);
    const a = await registerOriginal(protocol, alice, "A");
    const b = await registerRemix(protocol, bob, "B", [[a, 3_000]]);
    const uses = 1_000;

    await protocol
      .connect(payer)
      .payMany(ETH, Array<bigint>(uses).fill(b), Array<bigint>(uses).fill(1n), {
        value: BigInt(uses),
      });
    // Fees round on the running total, not on each wei (which would give the platform 0): every
    // tenth wei pays a fee of 1.
    expect(await feesAccrued(protocol, ETH)).to.equal(100n);
    await protocol.split(b, ETH);

    // Shares apply to the gross split over the remix's life, not to each wei (which would give A 0).
    expect(await protocol.collectableBalance(a, ETH)).to.equal(300n);
    expect(await protocol.collectableBalance(b, ETH)).to.equal(1_000n - 100n - 300n);
  });
});
