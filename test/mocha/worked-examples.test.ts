import { expect } from "chai";
import {
  ETH,
  deployProtocol,
  ethers,
  networkHelpers,
  registerOriginal,
  registerRemix,
} from "./helpers/fixture.js";

// The README's royalty rules, checked to the wei: fee 10%, every share 30%.
describe("royalty rules: the README's worked examples", function () {
  it("a 1.00 use of remix B of A pays the platform 0.10, A 0.30 and B 0.60", async function () {
    const { protocol, alice, bob, payer } = await networkHelpers.loadFixture(deployProtocol);
    const a = await registerOriginal(protocol, alice, "A");
    const b = await registerRemix(protocol, bob, "B", [[a, 3_000]]);
    const one = ethers.parseEther("1");

    await protocol.connect(payer).pay(b, ETH, one, { value: one });
    await protocol.split(b, ETH);

    expect(await protocol.accruedFees(ETH)).to.equal(ethers.parseEther("0.10"));
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

    expect(await protocol.accruedFees(token)).to.equal(100_000n);
    expect(await protocol.collectableBalance(c, token)).to.equal(600_000n);
    expect(await protocol.collectableBalance(b, token)).to.equal(210_000n);
    expect(await protocol.collectableBalance(a, token)).to.equal(90_000n);
    expect(await usd.balanceOf(await protocol.getAddress())).to.equal(one);
  });
});
