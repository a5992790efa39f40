import { expect } from "chai";
import { ETH, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  deployFamily,
  deployListedToken,
  eventsOf,
  expectRoyaltyBalance,
  expectSolvent,
  feesOf,
  type Protocol,
  type Signer,
} from "../helpers/engine.js";

// A (original) twice, B and C (remixes) once; the odd amounts make every fee round differently.
// Charged in order, each fee is the increase of floor(10% of the running total): 100, 33, 1, 200.
const AMOUNTS = [1_000n, 339n, 1n, 2_001n];
const FEES = feesOf(AMOUNTS, 1_000);
const TOTAL = AMOUNTS.reduce((sum, amount) => sum + amount, 0n);

/** Sends `payMany` from `payer`, with `value` wei (by default the total when paying in ETH). */
function payMany(
  protocol: Protocol,
  payer: Signer,
  token: string,
  assetIds: bigint[],
  amounts: bigint[],
  value = token === ETH ? amounts.reduce((sum, amount) => sum + amount, 0n) : 0n,
) {
  return protocol.connect(payer).payMany(token, assetIds, amounts, { value });
}

describe("payMany", function () {
  for (const currency of ["ETH", "the ERC-20"]) {
    it(`takes the total in one transfer of ${currency} and credits each asset as pay would`, async function () {
      const { protocol, usd, payer, a, b, c, ...family } =
        await networkHelpers.loadFixture(deployFamily);
      const token = currency === "ETH" ? ETH : family.token;
      const assets = [a, b, c, a];

      const tx = payMany(protocol, payer, token, assets, AMOUNTS);

      if (token === ETH) {
        await expect(tx).to.changeEtherBalances(ethers, [payer, protocol], [-TOTAL, TOTAL]);
      } else {
        const transfers = await eventsOf(tx, usd, "Transfer");
        expect(transfers.map((args) => [...args])).to.deep.equal([
          [payer.address, await protocol.getAddress(), TOTAL],
        ]);
      }
      const paid = await eventsOf(tx, protocol, "Paid");
      expect(paid.map((args) => [...args])).to.deep.equal(
        assets.map((id, i) => [id, token, payer.address, AMOUNTS[i], FEES[i]]),
      );
      expect(await protocol.collectableBalance(a, token)).to.equal(
        AMOUNTS[0] - FEES[0] + AMOUNTS[3] - FEES[3],
      );
      await expectRoyaltyBalance(protocol, b, token, AMOUNTS[1] - FEES[1], AMOUNTS[1]);
      await expectRoyaltyBalance(protocol, c, token, AMOUNTS[2] - FEES[2], AMOUNTS[2]);
      expect(FEES).to.deep.equal([100n, 33n, 1n, 200n]);
      // floor(10% of 3,341): the fee on the total, however the payments were chunked.
      expect(await protocol.accruedFees(token)).to.deep.equal([334n, TOTAL]);
      await expectSolvent(protocol, [token], [a, b, c]);
    });
  }

  it("reverts with LengthMismatch when the lists differ in length", async function () {
    const { protocol, payer, a, b } = await networkHelpers.loadFixture(deployFamily);

    await expect(payMany(protocol, payer, ETH, [a, b], [1_000n]))
      .to.be.revertedWithCustomError(protocol, "LengthMismatch")
      .withArgs(2, 1);
    await expect(payMany(protocol, payer, ETH, [a], [1_000n, 1_000n]))
      .to.be.revertedWithCustomError(protocol, "LengthMismatch")
      .withArgs(1, 2);
  });

  it("reverts with ZeroAmount for empty lists and for a zero amount among others", async function () {
    const { protocol, payer, token, a, b } = await networkHelpers.loadFixture(deployFamily);

    for (const currency of [ETH, token]) {
      await expect(payMany(protocol, payer, currency, [], [])).to.be.revertedWithCustomError(
        protocol,
        "ZeroAmount",
      );
      await expect(
        payMany(protocol, payer, currency, [a, b], [1_000n, 0n]),
      ).to.be.revertedWithCustomError(protocol, "ZeroAmount");
    }
    expect(await protocol.collectableBalance(a, ETH)).to.equal(0n);
  });

  it("reverts with IncorrectPaymentValue when the ETH sent differs from the total", async function () {
    const { protocol, payer, token, a, b } = await networkHelpers.loadFixture(deployFamily);
    const amounts = [1_000n, 2_000n];

    for (const sent of [2_999n, 3_001n, 1_000n]) {
      await expect(payMany(protocol, payer, ETH, [a, b], amounts, sent))
        .to.be.revertedWithCustomError(protocol, "IncorrectPaymentValue")
        .withArgs(3_000n, sent);
    }
    await expect(payMany(protocol, payer, token, [a, b], amounts, 3_000n))
      .to.be.revertedWithCustomError(protocol, "IncorrectPaymentValue")
      .withArgs(0n, 3_000n);
  });

  it("reverts with AssetNotFound when one asset does not exist, undoing every payment", async function () {
    const { protocol, usd, payer, token, a, b, c } = await networkHelpers.loadFixture(deployFamily);
    const payerBalance = await usd.balanceOf(payer.address);

    for (const missing of [c + 1n, 0n]) {
      await expect(payMany(protocol, payer, token, [a, b, missing], [1_000n, 1_000n, 1_000n]))
        .to.be.revertedWithCustomError(protocol, "AssetNotFound")
        .withArgs(missing);
    }
    expect(await usd.balanceOf(payer.address)).to.equal(payerBalance);
    expect(await protocol.collectableBalance(a, token)).to.equal(0n);
    await expectRoyaltyBalance(protocol, b, token, 0n, 0n, 0n);
    expect(await protocol.accruedFees(token)).to.deep.equal([0n, 0n]);
  });

  it("reverts with AmountTooLarge for one amount above 2^120 - 1 among others", async function () {
    const deployment = await networkHelpers.loadFixture(deployFamily);
    const { protocol, payer, a, b } = deployment;
    const max = 2n ** 120n - 1n;
    const { address } = await deployListedToken(
      deployment,
      "MockERC20",
      ["Big", "BIG", 18],
      2n ** 130n,
    );

    await expect(payMany(protocol, payer, address, [a, b], [1n, max + 1n]))
      .to.be.revertedWithCustomError(protocol, "AmountTooLarge")
      .withArgs(max + 1n, max);
  });

  it("reverts with an arithmetic panic when the total overflows, before taking anything", async function () {
    const { protocol, payer, token, a, b } = await networkHelpers.loadFixture(deployFamily);

    await expect(
      payMany(protocol, payer, token, [a, b], [ethers.MaxUint256, 1n]),
    ).to.be.revertedWithPanic(0x11);
  });

  it("reverts with TokenNotAllowed for a token off the allowlist", async function () {
    const { protocol, admin, payer, token, a } = await networkHelpers.loadFixture(deployFamily);
    await protocol.connect(admin).setTokenAllowed(token, false);

    await expect(payMany(protocol, payer, token, [a], [1_000n]))
      .to.be.revertedWithCustomError(protocol, "TokenNotAllowed")
      .withArgs(token);
  });

  it("reverts with ProtocolPaused while paused", async function () {
    const { protocol, admin, payer, token, a, b } = await networkHelpers.loadFixture(deployFamily);
    await protocol.connect(admin).setPaused(true);

    for (const currency of [ETH, token]) {
      await expect(
        payMany(protocol, payer, currency, [a, b], [1_000n, 1_000n]),
      ).to.be.revertedWithCustomError(protocol, "ProtocolPaused");
    }
  });
});
