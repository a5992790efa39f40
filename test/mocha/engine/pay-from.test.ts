import { expect } from "chai";
import { ETH, FAR_DEADLINE, UseKind, ethers, networkHelpers } from "../helpers/fixture.js";
import { deployFamily, eventsOf, expectRoyaltyBalance, expectSolvent } from "../helpers/engine.js";
import { licensingSigner } from "../helpers/registry.js";

describe("payFrom", function () {
  it("takes the tokens from the payer named by the licensing contract, not from the caller", async function () {
    const { protocol, usd, token, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);
    const caller = await licensingSigner(protocol);

    const tx = protocol.connect(caller).payFrom(payer.address, token, [a, c], [1_000n, 2_000n]);

    await expect(tx).to.changeTokenBalances(
      ethers,
      usd,
      [payer, protocol, caller],
      [-3_000n, 3_000n, 0n],
    );
    const paid = await eventsOf(tx, protocol, "Paid");
    expect(paid.map((args) => [...args])).to.deep.equal([
      [a, token, payer.address, 1_000n, 100n],
      [c, token, payer.address, 2_000n, 200n],
    ]);
    expect(await protocol.collectableBalance(a, token)).to.equal(900n);
    await expectRoyaltyBalance(protocol, c, token, 1_800n, 2_000n, 0n);
    await expectSolvent(protocol, [token], [a, b, c]);
  });

  it("credits ETH sent by the licensing contract, recording the payer it names", async function () {
    const { protocol, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);
    const caller = await licensingSigner(protocol);

    const tx = protocol
      .connect(caller)
      .payFrom(payer.address, ETH, [b], [1_000n], { value: 1_000n });

    await expect(tx).to.emit(protocol, "Paid").withArgs(b, ETH, payer.address, 1_000n, 100n);
    await expect(tx).to.changeEtherBalances(
      ethers,
      [caller, protocol, payer],
      [-1_000n, 1_000n, 0n],
    );
    await expectRoyaltyBalance(protocol, b, ETH, 900n, 1_000n, 0n);
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("is how a licence purchase pays: the buyer is the payer of record", async function () {
    const { protocol, licensing, usd, token, alice, payer, a, b, c } =
      await networkHelpers.loadFixture(deployFamily);
    await licensing.connect(alice).setTerms(a, UseKind.Commercial, {
      allowed: true,
      currency: token,
      price: 1_000_000n,
      duration: 0,
      minShareBps: 0,
      documentHash: ethers.id("terms: commercial"),
      documentURI: "ipfs://commercial-terms",
    });

    const tx = licensing
      .connect(payer)
      .buyLicence(
        a,
        UseKind.Commercial,
        1,
        payer.address,
        { currency: token, amount: 1_000_000n },
        FAR_DEADLINE,
      );

    await expect(tx)
      .to.emit(protocol, "Paid")
      .withArgs(a, token, payer.address, 1_000_000n, 100_000n);
    await expect(tx).to.changeTokenBalances(
      ethers,
      usd,
      [payer, protocol, licensing],
      [-1_000_000n, 1_000_000n, 0n],
    );
    expect(await protocol.collectableBalance(a, token)).to.equal(900_000n);
    await expectSolvent(protocol, [token], [a, b, c]);
  });

  it("reverts with OnlyLicensing for anyone but the licensing contract, the payer included", async function () {
    const { protocol, usd, admin, alice, payer, stranger, token, a } =
      await networkHelpers.loadFixture(deployFamily);
    // The payer approved the protocol: anyone able to call payFrom could spend that approval.
    const payerBalance = await usd.balanceOf(payer.address);
    await protocol.connect(admin).setPaused(true); // the caller is checked before the pause

    for (const caller of [stranger, admin, alice, payer]) {
      await expect(protocol.connect(caller).payFrom(payer.address, token, [a], [1_000n]))
        .to.be.revertedWithCustomError(protocol, "OnlyLicensing")
        .withArgs(caller.address);
      await expect(
        protocol.connect(caller).payFrom(payer.address, ETH, [a], [1_000n], { value: 1_000n }),
      )
        .to.be.revertedWithCustomError(protocol, "OnlyLicensing")
        .withArgs(caller.address);
    }
    expect(await usd.balanceOf(payer.address)).to.equal(payerBalance);
    expect(await protocol.collectableBalance(a, token)).to.equal(0n);
  });
});
