import { expect } from "chai";
import type { Signer as EthersSigner, TypedDataDomain } from "ethers";
import {
  ETH,
  FEE_BPS,
  contentHash,
  deployProtocol,
  ethers,
  metadataURI,
  networkHelpers,
  registerOriginal,
} from "../helpers/fixture.js";
import { claimsOf, feeOf, pay } from "../helpers/engine.js";
import { buyRemixLicences, parentShares } from "../helpers/registry.js";

const REGISTRATION_TYPES = {
  Registration: [
    { name: "creator", type: "address" },
    { name: "contentHash", type: "bytes32" },
    { name: "metadataURI", type: "string" },
    { name: "parents", type: "ParentShare[]" },
    { name: "licenceIds", type: "uint256[]" },
    { name: "salt", type: "bytes32" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  ParentShare: [
    { name: "parentId", type: "uint256" },
    { name: "shareBps", type: "uint16" },
  ],
};

const CLAIM_TYPES = {
  Claim: [
    { name: "claimer", type: "address" },
    { name: "assetIds", type: "uint256[]" },
    { name: "tokens", type: "address[]" },
    { name: "recipient", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

const DEADLINE = 2n ** 40n;

/** The protocol, its relay, and a creator without any ETH who signs instead of sending. */
async function deployRelay() {
  const fx = await deployProtocol();
  const relay = await ethers.getContractAt("Relay", await fx.protocol.RELAY());
  const gasless = ethers.Wallet.createRandom().connect(ethers.provider);
  const domain: TypedDataDomain = {
    name: "RemixProtocol Relay",
    version: "1",
    chainId: (await ethers.provider.getNetwork()).chainId,
    verifyingContract: await relay.getAddress(),
  };
  return { ...fx, relay, gasless, domain };
}

type Fixture = Awaited<ReturnType<typeof deployRelay>>;

/** A registration request of `label` for `creator`: an original unless parents are given. */
function registration(
  creator: string,
  label: string,
  parents: ReturnType<typeof parentShares> = [],
  licenceIds: bigint[] = [],
  salt = ethers.ZeroHash,
) {
  return {
    creator,
    contentHash: contentHash(label),
    metadataURI: metadataURI(label),
    parents,
    licenceIds,
    salt,
  };
}

/** `signer`'s EIP-712 signature of `request` with its current nonce and `deadline`. */
async function signRegistration(
  fx: Fixture,
  signer: EthersSigner,
  request: ReturnType<typeof registration>,
  deadline = DEADLINE,
): Promise<string> {
  const nonce = await fx.relay.nonces(await signer.getAddress());
  return signer.signTypedData(fx.domain, REGISTRATION_TYPES, { ...request, nonce, deadline });
}

describe("Relay: signed registrations", function () {
  it("registers for a creator with no ETH: the relayer pays the gas, the signer is the creator of record", async function () {
    const fx = await networkHelpers.loadFixture(deployRelay);
    const { protocol, relay, gasless, stranger } = fx;
    const request = registration(gasless.address, "gasless");
    const signature = await signRegistration(fx, gasless, request);

    await expect(relay.connect(stranger).registerBySig(request, DEADLINE, signature))
      .to.emit(protocol, "AssetRegistered")
      .withArgs(1n, gasless.address, request.contentHash, request.metadataURI);
    expect(await protocol.ownerOf(1n)).to.equal(gasless.address);
    expect(await protocol.balanceOf(stranger.address)).to.equal(0n);
    expect(await ethers.provider.getBalance(gasless.address)).to.equal(0n);
    expect(await relay.nonces(gasless.address)).to.equal(1n);
  });

  it("a relayer cannot change what was signed: another URI, creator, content or deadline fails with InvalidSignature", async function () {
    const fx = await networkHelpers.loadFixture(deployRelay);
    const { protocol, relay, gasless, stranger } = fx;
    const request = registration(gasless.address, "signed");
    const signature = await signRegistration(fx, gasless, request);
    const tampered = [
      { ...request, metadataURI: "ipfs://relayer-choice" },
      { ...request, creator: stranger.address },
      { ...request, contentHash: contentHash("other") },
    ];
    for (const forged of tampered) {
      await expect(relay.connect(stranger).registerBySig(forged, DEADLINE, signature))
        .to.be.revertedWithCustomError(relay, "InvalidSignature")
        .withArgs(forged.creator);
    }
    await expect(relay.connect(stranger).registerBySig(request, DEADLINE - 1n, signature))
      .to.be.revertedWithCustomError(relay, "InvalidSignature")
      .withArgs(gasless.address);
    expect(await protocol.totalAssets()).to.equal(0n);
    expect(await relay.nonces(gasless.address)).to.equal(0n);
  });

  it("a signature works once, before its deadline, on this relay only", async function () {
    const fx = await networkHelpers.loadFixture(deployRelay);
    const { relay, gasless, stranger, domain } = fx;
    const request = registration(gasless.address, "once");
    const signature = await signRegistration(fx, gasless, request);
    await relay.connect(stranger).registerBySig(request, DEADLINE, signature);
    await expect(relay.connect(stranger).registerBySig(request, DEADLINE, signature))
      .to.be.revertedWithCustomError(relay, "InvalidSignature")
      .withArgs(gasless.address);

    const late = registration(gasless.address, "late");
    const now = BigInt(await networkHelpers.time.latest());
    const expiring = await signRegistration(fx, gasless, late, now + 10n);
    await networkHelpers.time.increase(20);
    await expect(
      relay.connect(stranger).registerBySig(late, now + 10n, expiring),
    ).to.be.revertedWithCustomError(relay, "SignatureExpired");

    // Signed for another deployment (another verifying contract): refused here.
    const elsewhere = await gasless.signTypedData(
      { ...domain, verifyingContract: stranger.address },
      REGISTRATION_TYPES,
      { ...late, nonce: 1n, deadline: DEADLINE },
    );
    await expect(relay.connect(stranger).registerBySig(late, DEADLINE, elsewhere))
      .to.be.revertedWithCustomError(relay, "InvalidSignature")
      .withArgs(gasless.address);
  });

  it("registers a signed remix with the creator's held licences, and refuses someone else's", async function () {
    const fx = await networkHelpers.loadFixture(deployRelay);
    const { protocol, licensing, relay, alice, bob, stranger } = fx;
    const a = await registerOriginal(protocol, alice, "A");
    const [licence] = await buyRemixLicences(protocol, bob, [a]);
    const request = registration(bob.address, "signed-remix", parentShares([[a, 2_000]]), [
      licence!,
    ]);
    const signature = await signRegistration(fx, bob, request);

    await expect(relay.connect(stranger).registerBySig(request, DEADLINE, signature))
      .to.emit(licensing, "LicenceConsumed")
      .withArgs(licence, 2n);
    expect(await protocol.ownerOf(2n)).to.equal(bob.address);
    expect(await protocol.parentsOf(2n)).to.deep.equal([[a, 2_000n]]);

    // alice signs a remix naming bob's (consumed) licence: the licence must be the creator's.
    const theft = registration(alice.address, "theft", parentShares([[a, 2_000]]), [licence!]);
    await expect(
      relay
        .connect(stranger)
        .registerBySig(theft, DEADLINE, await signRegistration(fx, alice, theft)),
    )
      .to.be.revertedWithCustomError(licensing, "LicenceNotUsable")
      .withArgs(licence, alice.address, a);

    // Licence 0 stands for a licence bought by registerRemixWithLicences in the same call: in a
    // signed request it licenses nothing.
    const unlicensed = registration(bob.address, "unlicensed", parentShares([[a, 2_000]]), [0n]);
    await expect(
      relay
        .connect(stranger)
        .registerBySig(unlicensed, DEADLINE, await signRegistration(fx, bob, unlicensed)),
    )
      .to.be.revertedWithCustomError(licensing, "LicenceNotUsable")
      .withArgs(0n, bob.address, a);
  });

  it("a relayer that commits first reveals with the signature, so a watcher cannot register the content first", async function () {
    const fx = await networkHelpers.loadFixture(deployRelay);
    const { protocol, relay, gasless, stranger, carol } = fx;
    const salt = ethers.id("relayer's salt");
    const request = registration(gasless.address, "committed", [], [], salt);
    const coder = ethers.AbiCoder.defaultAbiCoder();
    const commitment = ethers.keccak256(
      coder.encode(["address", "bytes32", "bytes32"], [gasless.address, request.contentHash, salt]),
    );
    const contentKey = ethers.keccak256(coder.encode(["bytes32"], [request.contentHash]));
    await protocol.connect(stranger).commitRegistration(commitment, contentKey);
    await networkHelpers.time.increase(60); // the commitment's minimum age
    const signature = await signRegistration(fx, gasless, request);

    // The watcher copies the hash from the pending relay transaction.
    await expect(protocol.connect(carol).registerOriginal(request.contentHash, "ipfs://copy"))
      .to.be.revertedWithCustomError(protocol, "ContentCommitted")
      .withArgs(request.contentHash, await protocol.contentLockedUntil(request.contentHash));
    // Only the committer may relay the reveal; the creator of record is still the signer.
    await expect(relay.connect(carol).registerBySig(request, DEADLINE, signature))
      .to.be.revertedWithCustomError(protocol, "UnknownCommitment")
      .withArgs(carol.address, commitment);
    await relay.connect(stranger).registerBySig(request, DEADLINE, signature);
    expect(await protocol.ownerOf(await protocol.assetIdOf(request.contentHash))).to.equal(
      gasless.address,
    );
  });

  it("accepts an ERC-1271 contract wallet's signature", async function () {
    const fx = await networkHelpers.loadFixture(deployRelay);
    const { protocol, relay, stranger, domain } = fx;
    const key = ethers.Wallet.createRandom();
    const wallet = await ethers.deployContract("ERC1271WalletMock", [key.address]);
    const request = registration(await wallet.getAddress(), "smart-wallet");
    const digest = ethers.TypedDataEncoder.hash(domain, REGISTRATION_TYPES, {
      ...request,
      nonce: 0n,
      deadline: DEADLINE,
    });
    const signature = key.signingKey.sign(digest).serialized;
    await relay.connect(stranger).registerBySig(request, DEADLINE, signature);
    expect(await protocol.ownerOf(1n)).to.equal(await wallet.getAddress());
  });
});

describe("Relay: signed claims", function () {
  /** The relay fixture with the gasless creator's original, paid 1 ETH (0.90 collectable). */
  async function deployOwedGasless() {
    const fx = await deployRelay();
    const request = registration(fx.gasless.address, "owed");
    await fx.relay
      .connect(fx.stranger)
      .registerBySig(request, DEADLINE, await signRegistration(fx, fx.gasless, request));
    const paid = 10n ** 18n;
    await pay(fx.protocol, fx.payer, 1n, ETH, paid);
    // The payment less the 10% fee, all held for the original.
    return { ...fx, owed: paid - feeOf(paid, FEE_BPS) };
  }

  /** `signer`'s EIP-712 signature of `request` with its current nonce. */
  async function signClaim(
    fx: Fixture,
    signer: EthersSigner,
    request: { claimer: string; assetIds: bigint[]; tokens: string[]; recipient: string },
  ): Promise<string> {
    const nonce = await fx.relay.nonces(await signer.getAddress());
    return signer.signTypedData(fx.domain, CLAIM_TYPES, { ...request, nonce, deadline: DEADLINE });
  }

  it("pays the creator who signed, with no ETH of its own, to the recipient it signed, even while paused", async function () {
    const fx = await networkHelpers.loadFixture(deployOwedGasless);
    const { protocol, relay, gasless, admin, stranger, owed } = fx;
    await protocol.connect(admin).setPaused(true);
    const request = {
      claimer: gasless.address,
      assetIds: [1n],
      tokens: [ETH],
      recipient: gasless.address,
    };
    const signature = await signClaim(fx, gasless, request);

    const tx = relay.connect(stranger).claimBySig(request, DEADLINE, signature);
    // The event names the signer as the claimer, not the relayer that sent the transaction.
    expect(await claimsOf(tx, protocol)).to.deep.equal([
      [ETH, gasless.address, gasless.address, [1n], [owed]],
    ]);
    await expect(tx).to.changeEtherBalances(
      ethers,
      [protocol, gasless, stranger],
      [-owed, owed, 0n],
    );
  });

  it("a relayer cannot redirect the money, replay the claim, or claim with a stranger's signature", async function () {
    const fx = await networkHelpers.loadFixture(deployOwedGasless);
    const { protocol, relay, gasless, stranger, owed } = fx;
    const request = {
      claimer: gasless.address,
      assetIds: [1n],
      tokens: [ETH],
      recipient: gasless.address,
    };
    const signature = await signClaim(fx, gasless, request);

    await expect(
      relay
        .connect(stranger)
        .claimBySig({ ...request, recipient: stranger.address }, DEADLINE, signature),
    )
      .to.be.revertedWithCustomError(relay, "InvalidSignature")
      .withArgs(gasless.address);
    const own = { ...request, claimer: stranger.address, recipient: stranger.address };
    await expect(
      relay.connect(stranger).claimBySig(own, DEADLINE, await signClaim(fx, stranger, own)),
    )
      .to.be.revertedWithCustomError(protocol, "NotAssetOwnerOrManager")
      .withArgs(1n, stranger.address);
    expect(await protocol.collectableBalance(1n, ETH)).to.equal(owed);

    await relay.connect(stranger).claimBySig(request, DEADLINE, signature);
    await expect(relay.connect(stranger).claimBySig(request, DEADLINE, signature))
      .to.be.revertedWithCustomError(relay, "InvalidSignature")
      .withArgs(gasless.address);
  });

  it("reverts with OnlyRelay when anyone else calls claimFor", async function () {
    const fx = await networkHelpers.loadFixture(deployOwedGasless);
    const { protocol, gasless, stranger } = fx;
    await expect(
      protocol.connect(stranger).claimFor(gasless.address, [1n], [ETH], stranger.address),
    )
      .to.be.revertedWithCustomError(protocol, "OnlyRelay")
      .withArgs(stranger.address);
  });
});
