import { expect } from "chai";
import type { ContractTransactionResponse } from "ethers";
import {
  ETH,
  contentHash,
  deployProtocol,
  ethers,
  metadataURI,
  networkHelpers,
  registerOriginal,
} from "../helpers/fixture.js";
import { pay } from "../helpers/engine.js";
import { buyRemixLicences, expectNoStateChange, parentShares } from "../helpers/registry.js";
import { remixWithLicences } from "../helpers/licensing.js";

const DAY = 24n * 60n * 60n;
const MIN_AGE = 60;

/** Lets a commitment come of age: a minute and a new block. */
async function ageCommitment(): Promise<void> {
  await networkHelpers.time.increase(MIN_AGE);
}
const SALT = ethers.id("alice's secret salt");

/** What a creator commits to: keccak256(abi.encode(creator, contentHash, salt)). */
function commitmentOf(creator: string, hash: string, salt: string): string {
  return ethers.keccak256(
    ethers.AbiCoder.defaultAbiCoder().encode(
      ["address", "bytes32", "bytes32"],
      [creator, hash, salt],
    ),
  );
}

/** The key that holds a content hash against the direct path without revealing it. */
function contentKeyOf(hash: string): string {
  return ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(["bytes32"], [hash]));
}

/** The protocol with original P (carol) open to free remixes, and alice's pending work W. */
async function deployPendingWork() {
  const fx = await deployProtocol();
  const p = await registerOriginal(fx.protocol, fx.carol, "P");
  const hash = contentHash("W");
  const commitment = commitmentOf(fx.alice.address, hash, SALT);
  return { ...fx, p, hash, commitment, uri: metadataURI("W") };
}

/**
 * Mines `first` and `second` in one block, in that order (the attacker pays the higher tip, as a
 * mempool watcher would), and returns both receipts' statuses.
 */
async function sameBlock(
  first: () => Promise<ContractTransactionResponse>,
  second: () => Promise<ContractTransactionResponse>,
): Promise<[number, number]> {
  await ethers.provider.send("evm_setAutomine", [false]);
  try {
    const a = await first();
    const b = await second();
    await networkHelpers.mine();
    const [ra, rb] = await Promise.all(
      [a, b].map((tx) => ethers.provider.getTransactionReceipt(tx.hash)),
    );
    return [ra!.status!, rb!.status!];
  } finally {
    await ethers.provider.send("evm_setAutomine", [true]);
  }
}

const FRONT_RUN = { gasLimit: 500_000n, maxPriorityFeePerGas: ethers.parseUnits("50", "gwei") };
const VICTIM = { gasLimit: 1_000_000n, maxPriorityFeePerGas: ethers.parseUnits("1", "gwei") };

describe("commit-reveal registration", function () {
  it("the direct path lets a mempool watcher take a pending work (the attack the reveal prevents)", async function () {
    const { protocol, alice, stranger, hash, uri } =
      await networkHelpers.loadFixture(deployPendingWork);
    const [attack, victim] = await sameBlock(
      () => protocol.connect(stranger).registerOriginal(hash, "ipfs://copy", FRONT_RUN),
      () => protocol.connect(alice).registerOriginal(hash, uri, VICTIM),
    );
    expect([attack, victim]).to.deep.equal([1, 0]);
    expect(await protocol.ownerOf(await protocol.assetIdOf(hash))).to.equal(stranger.address);
  });

  it("a watcher who copies the revealed hash cannot register it first: the commitment holds it", async function () {
    const { protocol, alice, stranger, hash, commitment, uri } =
      await networkHelpers.loadFixture(deployPendingWork);
    await expect(protocol.connect(alice).commitRegistration(commitment, contentKeyOf(hash)))
      .to.emit(protocol, "RegistrationCommitted")
      .withArgs(alice.address, commitment, contentKeyOf(hash), anyTime());
    await ageCommitment();

    const [attack, reveal] = await sameBlock(
      () => protocol.connect(stranger).registerOriginal(hash, "ipfs://copy", FRONT_RUN),
      () => protocol.connect(alice).revealOriginal(hash, uri, SALT, VICTIM),
    );

    expect([attack, reveal]).to.deep.equal([0, 1]);
    const id = await protocol.assetIdOf(hash);
    expect(await protocol.ownerOf(id)).to.equal(alice.address);
    expect(await protocol.tokenURI(id)).to.equal(uri);
    expect(await protocol.balanceOf(stranger.address)).to.equal(0n);
    expect(await protocol.commitmentOf(alice.address, commitment)).to.deep.equal([0n, 0n]);
  });

  it("the direct path refuses committed content with ContentCommitted until the commitment expires", async function () {
    const fx = await networkHelpers.loadFixture(deployPendingWork);
    const { protocol, alice, stranger, hash, commitment } = fx;
    const tx = await protocol.connect(alice).commitRegistration(commitment, contentKeyOf(hash));
    const until = BigInt((await ethers.provider.getBlock(tx.blockNumber!))!.timestamp) + DAY;
    expect(await protocol.contentLockedUntil(hash)).to.equal(until);

    await expectNoStateChange(fx, () =>
      expect(protocol.connect(stranger).registerOriginal(hash, "ipfs://copy"))
        .to.be.revertedWithCustomError(protocol, "ContentCommitted")
        .withArgs(hash, until),
    );
    await networkHelpers.time.increaseTo(until + 1n);
    await expect(protocol.connect(alice).revealOriginal(hash, "ipfs://late", SALT))
      .to.be.revertedWithCustomError(protocol, "CommitmentExpired")
      .withArgs(commitment, until);
    // Expired, the commitment holds nothing: the first registration wins again.
    await expect(protocol.connect(stranger).registerOriginal(hash, "ipfs://copy")).to.emit(
      protocol,
      "AssetRegistered",
    );
  });

  it("copying someone's commitment gains nothing: only its own committer can reveal", async function () {
    const { protocol, alice, stranger, hash, commitment, uri } =
      await networkHelpers.loadFixture(deployPendingWork);
    // The attacker front-runs the commitment itself, then the reveal with alice's salt.
    await protocol.connect(stranger).commitRegistration(commitment, contentKeyOf(hash));
    await protocol.connect(alice).commitRegistration(commitment, contentKeyOf(hash));
    await ageCommitment();

    const asAttacker = commitmentOf(stranger.address, hash, SALT);
    await expect(protocol.connect(stranger).revealOriginal(hash, "ipfs://copy", SALT))
      .to.be.revertedWithCustomError(protocol, "UnknownCommitment")
      .withArgs(stranger.address, asAttacker);
    await expect(protocol.connect(alice).revealOriginal(hash, uri, SALT)).to.emit(
      protocol,
      "AssetRegistered",
    );
    expect(await protocol.ownerOf(await protocol.assetIdOf(hash))).to.equal(alice.address);
  });

  it("reverts with CommitmentTooRecent in the commitment's own block and for its first minute, UnknownCommitment for a wrong salt or a second reveal, ZeroSalt and ZeroCommitment", async function () {
    const fx = await networkHelpers.loadFixture(deployPendingWork);
    const { protocol, alice, hash, commitment, uri } = fx;

    // A reveal simulated in the commitment's own (pending) block is refused.
    let committedIn = 0n;
    await ethers.provider.send("evm_setAutomine", [false]);
    try {
      await protocol.connect(alice).commitRegistration(commitment, ethers.ZeroHash);
      committedIn = BigInt(await ethers.provider.getBlockNumber()) + 1n;
      await expect(
        protocol.connect(alice).revealOriginal.staticCall(hash, uri, SALT, { blockTag: "pending" }),
      ).to.be.revertedWithCustomError(protocol, "CommitmentTooRecent");
      await networkHelpers.mine();
    } finally {
      await ethers.provider.send("evm_setAutomine", [true]);
    }
    const committedAt = BigInt((await ethers.provider.getBlock(committedIn))!.timestamp);
    const revealableAt = committedAt + BigInt(MIN_AGE);
    // In later blocks, still too young until a minute has passed.
    await expect(protocol.connect(alice).revealOriginal(hash, uri, SALT))
      .to.be.revertedWithCustomError(protocol, "CommitmentTooRecent")
      .withArgs(commitment, committedIn, revealableAt);
    await networkHelpers.time.setNextBlockTimestamp(revealableAt);
    await networkHelpers.mine();
    expect(await protocol.connect(alice).revealOriginal.staticCall(hash, uri, SALT)).to.equal(2n);

    const wrong = ethers.id("wrong salt");
    await expect(protocol.connect(alice).revealOriginal(hash, uri, wrong))
      .to.be.revertedWithCustomError(protocol, "UnknownCommitment")
      .withArgs(alice.address, commitmentOf(alice.address, hash, wrong));
    await expect(
      protocol.connect(alice).revealOriginal(hash, uri, ethers.ZeroHash),
    ).to.be.revertedWithCustomError(protocol, "ZeroSalt");
    await expect(
      protocol.connect(alice).commitRegistration(ethers.ZeroHash, ethers.ZeroHash),
    ).to.be.revertedWithCustomError(protocol, "ZeroCommitment");

    await protocol.connect(alice).revealOriginal(hash, uri, SALT);
    await expect(protocol.connect(alice).revealOriginal(hash, uri, SALT))
      .to.be.revertedWithCustomError(protocol, "UnknownCommitment")
      .withArgs(alice.address, commitment);
  });

  it("a pending remix cannot be copied as an original: its reveal links the parents, which get paid", async function () {
    const { protocol, licensing, alice, stranger, payer, p, hash, commitment } =
      await networkHelpers.loadFixture(deployPendingWork);
    await protocol.connect(alice).commitRegistration(commitment, contentKeyOf(hash));
    const [licence] = await buyRemixLicences(protocol, alice, [p]);
    await ageCommitment();

    const [attack, reveal] = await sameBlock(
      () => protocol.connect(stranger).registerOriginal(hash, "ipfs://copy", FRONT_RUN),
      () =>
        protocol
          .connect(alice)
          .revealRemix(
            hash,
            metadataURI("W"),
            parentShares([[p, 3_000]]),
            [licence!],
            SALT,
            VICTIM,
          ),
    );
    expect([attack, reveal]).to.deep.equal([0, 1]);

    const remix = await protocol.assetIdOf(hash);
    expect(await protocol.parentsOf(remix)).to.deep.equal([[p, 3_000n]]);
    await pay(protocol, payer, remix, ETH, 1_000n);
    await protocol.split(remix, ETH);
    expect(await protocol.collectableBalance(p, ETH)).to.equal(300n);
    expect((await licensing.getLicence(licence!)).consumedBy).to.equal(remix);
  });

  it("a remix buying its licences in the same transaction reveals through the licensing contract", async function () {
    const { protocol, licensing, alice, stranger, p, hash, commitment } =
      await networkHelpers.loadFixture(deployPendingWork);
    await protocol.connect(alice).commitRegistration(commitment, contentKeyOf(hash));
    await buyRemixLicences(protocol, stranger, [p]); // opens P to free remixes
    await ageCommitment();

    // Without the salt the licensing path is the direct one, and the commitment holds the content.
    await expect(remixWithLicences(licensing, alice, "W", [[p, 3_000]]))
      .to.be.revertedWithCustomError(protocol, "ContentCommitted")
      .withArgs(hash, await protocol.contentLockedUntil(hash));
    const licences = await licensing.totalLicences();
    const version = await licensing.latestTermsVersion(p, 2);
    const tx = remixWithLicences(licensing, alice, "W", [[p, 3_000]], { salt: SALT });
    await expect(tx).to.emit(protocol, "ParentLinked").withArgs(2n, p, 3_000);
    // The licence is bought and used in the reveal itself: recorded, never minted.
    await expect(tx).to.emit(licensing, "RemixLicensed").withArgs(2n, p, version, ETH, 0n);
    expect(await licensing.totalLicences()).to.equal(licences);
    expect(await protocol.ownerOf(2n)).to.equal(alice.address);
    expect(await protocol.assetIdOf(hash)).to.equal(2n);
  });

  it("a watcher who learns the hash from a reveal that failed cannot commit and reveal it before the creator resends", async function () {
    const { protocol, licensing, alice, carol, stranger, p, hash, commitment } =
      await networkHelpers.loadFixture(deployPendingWork);
    await protocol.connect(alice).commitRegistration(commitment, contentKeyOf(hash));
    await buyRemixLicences(protocol, stranger, [p]);
    await ageCommitment();
    const quoted = await licensing.latestTermsVersion(p, 2);

    // The parent's owner republishes its terms first: alice's reveal fails, showing the hash.
    await licensing.connect(carol).setTerms(p, 2, {
      allowed: true,
      currency: ETH,
      price: 0n,
      duration: 0,
      minShareBps: 0,
      documentHash: ethers.id("terms v2"),
      documentURI: "ipfs://terms-v2",
    });
    await expect(
      remixWithLicences(licensing, alice, "W", [[p, 3_000]], {
        salt: SALT,
        termsVersions: [quoted],
      }),
    ).to.be.revertedWithCustomError(licensing, "TermsVersionMismatch");

    // The watcher commits at once, but its commitment is too young when alice resends.
    const theirs = commitmentOf(stranger.address, hash, ethers.id("watcher"));
    await protocol.connect(stranger).commitRegistration(theirs, ethers.ZeroHash);
    await expect(
      protocol.connect(stranger).revealOriginal(hash, "ipfs://copy", ethers.id("watcher")),
    ).to.be.revertedWithCustomError(protocol, "CommitmentTooRecent");
    await remixWithLicences(licensing, alice, "W", [[p, 3_000]], { salt: SALT });
    expect(await protocol.ownerOf(await protocol.assetIdOf(hash))).to.equal(alice.address);
    await ageCommitment();
    await expect(
      protocol.connect(stranger).revealOriginal(hash, "ipfs://copy", ethers.id("watcher")),
    )
      .to.be.revertedWithCustomError(protocol, "ContentAlreadyRegistered")
      .withArgs(hash, await protocol.assetIdOf(hash));
  });

  it("refuses commitments while paused (reveals are refused too), and reports registered content as such", async function () {
    const fx = await networkHelpers.loadFixture(deployPendingWork);
    const { protocol, admin, alice, stranger, hash, commitment, uri } = fx;
    await protocol.connect(admin).setPaused(true);
    await expect(
      protocol.connect(alice).commitRegistration(commitment, contentKeyOf(hash)),
    ).to.be.revertedWithCustomError(protocol, "ProtocolPaused");
    await protocol.connect(admin).setPaused(false);

    await protocol.connect(alice).commitRegistration(commitment, contentKeyOf(hash));
    await ageCommitment();
    await protocol.connect(alice).revealOriginal(hash, uri, SALT);
    // A live lock no longer hides that the content is registered.
    await expect(protocol.connect(stranger).registerOriginal(hash, "ipfs://copy"))
      .to.be.revertedWithCustomError(protocol, "ContentAlreadyRegistered")
      .withArgs(hash, 2n);
  });
});

/** Matches any uint40 time (the commitment's expiry, checked separately). */
function anyTime() {
  return (value: bigint) => value > 0n;
}
