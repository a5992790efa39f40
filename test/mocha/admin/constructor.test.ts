import { expect } from "chai";
import {
  ETH,
  FEE_BPS,
  FEE_DELAY,
  FREE_REMIX_TERMS,
  MAX_FEE_BPS,
  UseKind,
  ethers,
  networkHelpers,
} from "../helpers/fixture.js";
import { buyRemixLicences } from "../helpers/registry.js";

/** The deployment arguments in constructor order: owner, treasury, max fee, initial fee, fee
 * notice, initial tokens. */
async function deployArgs() {
  const [admin, treasury] = await ethers.getSigners();
  const factory = await ethers.getContractFactory("RemixProtocol");
  return { factory, admin, treasury };
}

describe("constructor", function () {
  it("sets the owner, treasury, fee and fee cap, unpaused and empty", async function () {
    const { factory, admin, treasury } = await networkHelpers.loadFixture(deployArgs);
    const protocol = await factory.deploy(
      admin.address,
      treasury.address,
      MAX_FEE_BPS,
      FEE_BPS,
      FEE_DELAY,
      [],
    );
    const deployment = protocol.deploymentTransaction()!;

    await expect(deployment).to.emit(protocol, "OwnershipTransferred").withArgs(ETH, admin.address);
    await expect(deployment).to.emit(protocol, "TreasuryUpdated").withArgs(ETH, treasury.address);
    await expect(deployment).to.emit(protocol, "FeeUpdated").withArgs(0, FEE_BPS);
    expect(await protocol.owner()).to.equal(admin.address);
    expect(await protocol.pendingOwner()).to.equal(ETH);
    expect(await protocol.treasury()).to.equal(treasury.address);
    expect(await protocol.feeBps()).to.equal(BigInt(FEE_BPS));
    expect(await protocol.MAX_FEE_BPS()).to.equal(BigInt(MAX_FEE_BPS));
    expect(await protocol.FEE_DELAY()).to.equal(BigInt(FEE_DELAY));
    expect(await protocol.pendingFee()).to.deep.equal([0n, 0n]);
    expect(await protocol.paused()).to.equal(false);
    expect(await protocol.totalAssets()).to.equal(0n);
  });

  it("accepts the boundary settings: a 100% cap, a fee equal to the cap, a zero fee", async function () {
    const { factory, admin, treasury } = await networkHelpers.loadFixture(deployArgs);
    for (const [maxFee, fee] of [
      [10_000, 10_000],
      [MAX_FEE_BPS, MAX_FEE_BPS],
      [0, 0],
    ]) {
      const protocol = await factory.deploy(
        admin.address,
        treasury.address,
        maxFee,
        fee,
        FEE_DELAY,
        [],
      );
      expect(await protocol.MAX_FEE_BPS()).to.equal(BigInt(maxFee));
      expect(await protocol.feeBps()).to.equal(BigInt(fee));
    }
  });

  it("creates its licensing contract, each bound to the other for good", async function () {
    const { factory, admin, treasury } = await networkHelpers.loadFixture(deployArgs);
    const protocol = await factory.deploy(
      admin.address,
      treasury.address,
      MAX_FEE_BPS,
      FEE_BPS,
      FEE_DELAY,
      [],
    );
    const protocolAddress = await protocol.getAddress();
    // The first contract a contract creates gets the address of its nonce 1 (EIP-161).
    const created = ethers.getCreateAddress({ from: protocolAddress, nonce: 1 });

    expect(await protocol.LICENSING()).to.equal(created);
    expect(await ethers.provider.getCode(created)).to.not.equal("0x");
    const licensing = await ethers.getContractAt("Licensing", created);
    expect(await licensing.PROTOCOL()).to.equal(protocolAddress);
  });

  it("leaves remixes 100% less the cap: with a 100% cap, no share or minimum above 0", async function () {
    const { factory, admin, treasury } = await networkHelpers.loadFixture(deployArgs);
    const [, , alice, bob] = await ethers.getSigners();
    const protocol = await factory.deploy(
      admin.address,
      treasury.address,
      10_000,
      0,
      FEE_DELAY,
      [],
    );
    const licensing = await ethers.getContractAt("Licensing", await protocol.LICENSING());
    await protocol.connect(alice).registerOriginal(ethers.id("a"), "ipfs://a");

    // The licensing contract takes its limit on minimum shares from the same cap.
    await expect(
      licensing.connect(alice).setTerms(1n, UseKind.Remix, { ...FREE_REMIX_TERMS, minShareBps: 1 }),
    )
      .to.be.revertedWithCustomError(licensing, "InvalidMinShare")
      .withArgs(UseKind.Remix, 1, 0);
    const licenceIds = await buyRemixLicences(protocol, bob, [1n]);
    await expect(
      protocol
        .connect(bob)
        .registerRemix(ethers.id("c"), "ipfs://c", [{ parentId: 1n, shareBps: 1 }], licenceIds),
    )
      .to.be.revertedWithCustomError(protocol, "SharesExceedLimit")
      .withArgs(1, 0);
    await protocol
      .connect(bob)
      .registerRemix(ethers.id("c"), "ipfs://c", [{ parentId: 1n, shareBps: 0 }], licenceIds);
    expect(await protocol.totalAssets()).to.equal(2n);
  });

  it("reverts with InvalidMaxFee when the cap is above 100%", async function () {
    const { factory, admin, treasury } = await networkHelpers.loadFixture(deployArgs);
    for (const maxFee of [10_001, 65_535]) {
      await expect(factory.deploy(admin.address, treasury.address, maxFee, 0, FEE_DELAY, []))
        .to.be.revertedWithCustomError(factory, "InvalidMaxFee")
        .withArgs(maxFee);
    }
  });

  it("reverts with FeeAboveMaximum when the initial fee is above the cap", async function () {
    const { factory, admin, treasury } = await networkHelpers.loadFixture(deployArgs);
    await expect(
      factory.deploy(admin.address, treasury.address, MAX_FEE_BPS, MAX_FEE_BPS + 1, FEE_DELAY, []),
    )
      .to.be.revertedWithCustomError(factory, "FeeAboveMaximum")
      .withArgs(MAX_FEE_BPS + 1, MAX_FEE_BPS);
  });

  it("reverts with InvalidFeeDelay when the fee notice is under a day or over 30 days", async function () {
    const { factory, admin, treasury } = await networkHelpers.loadFixture(deployArgs);
    const day = 24 * 60 * 60;
    for (const delay of [0, day - 1, 30 * day + 1]) {
      await expect(factory.deploy(admin.address, treasury.address, MAX_FEE_BPS, FEE_BPS, delay, []))
        .to.be.revertedWithCustomError(factory, "InvalidFeeDelay")
        .withArgs(delay, day, 30 * day);
    }
    for (const delay of [day, 30 * day]) {
      const protocol = await factory.deploy(
        admin.address,
        treasury.address,
        MAX_FEE_BPS,
        FEE_BPS,
        delay,
        [],
      );
      expect(await protocol.FEE_DELAY()).to.equal(BigInt(delay));
    }
  });

  it("reverts with InvalidTreasury when the treasury is the zero address", async function () {
    const { factory, admin } = await networkHelpers.loadFixture(deployArgs);
    await expect(
      factory.deploy(admin.address, ETH, MAX_FEE_BPS, FEE_BPS, FEE_DELAY, []),
    ).to.be.revertedWithCustomError(factory, "InvalidTreasury");
  });

  it("reverts with OwnableInvalidOwner when the owner is the zero address", async function () {
    const { factory, treasury } = await networkHelpers.loadFixture(deployArgs);
    await expect(factory.deploy(ETH, treasury.address, MAX_FEE_BPS, FEE_BPS, FEE_DELAY, []))
      .to.be.revertedWithCustomError(factory, "OwnableInvalidOwner")
      .withArgs(ETH);
  });

  it("allowlists the initial tokens, each with its event, so a deployment takes them at once", async function () {
    const { factory, admin, treasury } = await networkHelpers.loadFixture(deployArgs);
    const [usd, eur] = await Promise.all([
      ethers.deployContract("MockERC20", ["Test USD", "TUSD", 6]),
      ethers.deployContract("MockERC20", ["Test EUR", "TEUR", 6]),
    ]);
    const tokens = [await usd.getAddress(), await eur.getAddress()];
    const protocol = await factory.deploy(
      admin.address,
      treasury.address,
      MAX_FEE_BPS,
      FEE_BPS,
      FEE_DELAY,
      tokens,
    );
    const deployment = protocol.deploymentTransaction()!;
    await expect(deployment).to.emit(protocol, "TokenAllowlistUpdated").withArgs(tokens[0], true);
    await expect(deployment).to.emit(protocol, "TokenAllowlistUpdated").withArgs(tokens[1], true);
    expect(await protocol.isTokenAllowed(tokens[0]!)).to.equal(true);
    expect(await protocol.isTokenAllowed(tokens[1]!)).to.equal(true);
    expect(await protocol.isTokenAllowed(ETH)).to.equal(true);
    expect(await protocol.isTokenAllowed(admin.address)).to.equal(false);
  });

  it("reverts with InvalidToken when an initial token is the zero address", async function () {
    const { factory, admin, treasury } = await networkHelpers.loadFixture(deployArgs);
    await expect(
      factory.deploy(admin.address, treasury.address, MAX_FEE_BPS, FEE_BPS, FEE_DELAY, [ETH]),
    ).to.be.revertedWithCustomError(factory, "InvalidToken");
  });
});
