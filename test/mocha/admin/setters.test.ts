import { expect } from "chai";
import {
  ETH,
  FEE_DELAY,
  MAX_FEE_BPS,
  deployProtocol,
  ethers,
  networkHelpers,
} from "../helpers/fixture.js";
import { expectNoStateChange, timestampOf } from "../helpers/registry.js";

describe("setFee", function () {
  it("announces the fee, including 0 and exactly the cap, in force after the notice", async function () {
    const { protocol, admin } = await networkHelpers.loadFixture(deployProtocol);
    for (const fee of [1_500, MAX_FEE_BPS, 0]) {
      const current = await protocol.feeBps();
      const tx = await protocol.connect(admin).setFee(fee);
      const effectiveAt = (await timestampOf(tx)) + BigInt(FEE_DELAY);
      await expect(tx).to.emit(protocol, "FeeChangeScheduled").withArgs(current, fee, effectiveAt);
      expect(await protocol.feeBps()).to.equal(current);
      expect(await protocol.pendingFee()).to.deep.equal([BigInt(fee), effectiveAt]);
      await networkHelpers.time.increaseTo(effectiveAt);
      expect(await protocol.feeBps()).to.equal(BigInt(fee));
      expect(await protocol.pendingFee()).to.deep.equal([0n, 0n]);
    }
  });

  it("reverts with FeeAboveMaximum one basis point above the cap", async function () {
    const fx = await networkHelpers.loadFixture(deployProtocol);
    for (const fee of [MAX_FEE_BPS + 1, 65_535]) {
      await expectNoStateChange(fx, () =>
        expect(fx.protocol.connect(fx.admin).setFee(fee))
          .to.be.revertedWithCustomError(fx.protocol, "FeeAboveMaximum")
          .withArgs(fee, MAX_FEE_BPS),
      );
    }
    expect(await fx.protocol.pendingFee()).to.deep.equal([0n, 0n]);
  });
});

describe("setTreasury", function () {
  it("sets the treasury and emits TreasuryUpdated(previous, new)", async function () {
    const { protocol, admin, treasury, carol } = await networkHelpers.loadFixture(deployProtocol);
    await expect(protocol.connect(admin).setTreasury(carol.address))
      .to.emit(protocol, "TreasuryUpdated")
      .withArgs(treasury.address, carol.address);
    expect(await protocol.treasury()).to.equal(carol.address);
  });

  it("reverts with InvalidTreasury for the zero address", async function () {
    const fx = await networkHelpers.loadFixture(deployProtocol);
    await expectNoStateChange(fx, () =>
      expect(fx.protocol.connect(fx.admin).setTreasury(ETH)).to.be.revertedWithCustomError(
        fx.protocol,
        "InvalidTreasury",
      ),
    );
  });
});

describe("setTokenAllowed", function () {
  it("lists and unlists a token, emitting TokenAllowlistUpdated each time", async function () {
    const { protocol, admin } = await networkHelpers.loadFixture(deployProtocol);
    const euro = await ethers.deployContract("MockERC20", ["Test EUR", "TEUR", 2]);
    const token = await euro.getAddress();
    expect(await protocol.isTokenAllowed(token)).to.equal(false);

    await expect(protocol.connect(admin).setTokenAllowed(token, true))
      .to.emit(protocol, "TokenAllowlistUpdated")
      .withArgs(token, true);
    expect(await protocol.isTokenAllowed(token)).to.equal(true);

    await expect(protocol.connect(admin).setTokenAllowed(token, false))
      .to.emit(protocol, "TokenAllowlistUpdated")
      .withArgs(token, false);
    expect(await protocol.isTokenAllowed(token)).to.equal(false);
  });

  it("always allows ETH (the zero address), which cannot be listed or unlisted", async function () {
    const fx = await networkHelpers.loadFixture(deployProtocol);
    expect(await fx.protocol.isTokenAllowed(ETH)).to.equal(true);
    for (const allowed of [false, true]) {
      await expectNoStateChange(
        fx,
        () =>
          expect(
            fx.protocol.connect(fx.admin).setTokenAllowed(ETH, allowed),
          ).to.be.revertedWithCustomError(fx.protocol, "InvalidToken"),
        { tokens: [ETH] },
      );
    }
    expect(await fx.protocol.isTokenAllowed(ETH)).to.equal(true);
  });
});

describe("setPaused", function () {
  it("pauses and resumes, emitting PauseUpdated(account, paused)", async function () {
    const { protocol, admin } = await networkHelpers.loadFixture(deployProtocol);
    for (const paused of [true, false]) {
      await expect(protocol.connect(admin).setPaused(paused))
        .to.emit(protocol, "PauseUpdated")
        .withArgs(admin.address, paused);
      expect(await protocol.paused()).to.equal(paused);
    }
  });

  it("reverts with PauseUnchanged when already in the requested state", async function () {
    const fx = await networkHelpers.loadFixture(deployProtocol);
    await expectNoStateChange(fx, () =>
      expect(fx.protocol.connect(fx.admin).setPaused(false))
        .to.be.revertedWithCustomError(fx.protocol, "PauseUnchanged")
        .withArgs(false),
    );
    await fx.protocol.connect(fx.admin).setPaused(true);
    await expectNoStateChange(fx, () =>
      expect(fx.protocol.connect(fx.admin).setPaused(true))
        .to.be.revertedWithCustomError(fx.protocol, "PauseUnchanged")
        .withArgs(true),
    );
  });
});

describe("admin setters", function () {
  it("revert with OwnableUnauthorizedAccount for any caller but the owner", async function () {
    const fx = await networkHelpers.loadFixture(deployProtocol);
    const { protocol, treasury, alice, stranger } = fx;
    const usd = await fx.usd.getAddress();
    const calls = [
      ["setFee", (c: typeof protocol) => c.setFee(0)],
      ["setTreasury", (c: typeof protocol) => c.setTreasury(stranger.address)],
      ["setTokenAllowed", (c: typeof protocol) => c.setTokenAllowed(usd, false)],
      ["setPaused", (c: typeof protocol) => c.setPaused(true)],
    ] as const;
    for (const caller of [stranger, treasury, alice]) {
      for (const [fn, call] of calls) {
        await expectNoStateChange(
          fx,
          () =>
            expect(call(protocol.connect(caller)), `${fn} by ${caller.address}`)
              .to.be.revertedWithCustomError(protocol, "OwnableUnauthorizedAccount")
              .withArgs(caller.address),
          { tokens: [usd] },
        );
      }
    }
  });
});
