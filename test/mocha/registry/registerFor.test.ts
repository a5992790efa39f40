import { expect } from "chai";
import {
  contentHash,
  deployProtocol,
  ethers,
  metadataURI,
  networkHelpers,
  registerOriginal,
} from "../helpers/fixture.js";
import {
  buyRemixLicences,
  expectNoStateChange,
  licensingSigner,
  parentShares,
} from "../helpers/registry.js";

/** The protocol with alice's original A (id 1), free to remix, and one licence of it held by carol. */
async function deployWithLicence() {
  const fx = await deployProtocol();
  const a = await registerOriginal(fx.protocol, fx.alice, "A");
  const [carolsLicence] = await buyRemixLicences(fx.protocol, fx.carol, [a]);
  return { ...fx, a, carolsLicence };
}

/** A `RegistrationRequest` for `creator`: a remix of `parents` with `licenceIds`, or an original. */
function request(
  creator: string,
  label: string,
  parents: ReturnType<typeof parentShares> = [],
  licenceIds: bigint[] = [],
) {
  return {
    creator,
    contentHash: contentHash(label),
    metadataURI: metadataURI(label),
    parents,
    licenceIds,
    salt: ethers.ZeroHash,
  };
}

describe("registerFor", function () {
  it("registers the remix for the creator the licensing contract names, with the creator's licence", async function () {
    const { protocol, licensing, carol, a, carolsLicence } =
      await networkHelpers.loadFixture(deployWithLicence);
    const caller = await licensingSigner(protocol);
    const hash = contentHash("for-carol");
    const uri = metadataURI("for-carol");

    const tx = protocol
      .connect(caller)
      .registerFor(
        request(carol.address, "for-carol", parentShares([[a, 1_000]]), [carolsLicence]),
        carol.address,
      );

    await expect(tx).to.emit(protocol, "Transfer").withArgs(ethers.ZeroAddress, carol.address, 2n);
    await expect(tx).to.emit(protocol, "AssetRegistered").withArgs(2n, carol.address, hash, uri);
    await expect(tx).to.emit(licensing, "LicenceConsumed").withArgs(carolsLicence, 2n);
    expect(await protocol.ownerOf(2n)).to.equal(carol.address);
    expect(await protocol.balanceOf(caller.address)).to.equal(0n);
  });

  it("checks the licences against the creator, not the caller", async function () {
    const fx = await networkHelpers.loadFixture(deployWithLicence);
    const { protocol, licensing, bob, a, carolsLicence } = fx;
    const caller = await licensingSigner(protocol);

    await expectNoStateChange(fx, () =>
      expect(
        protocol
          .connect(caller)
          .registerFor(
            request(bob.address, "for-bob", parentShares([[a, 1_000]]), [carolsLicence]),
            bob.address,
          ),
      )
        .to.be.revertedWithCustomError(licensing, "LicenceNotUsable")
        .withArgs(carolsLicence, bob.address, a),
    );
  });

  it("registers an original for the relay when the request names no parents, never for the licensing contract", async function () {
    const fx = await networkHelpers.loadFixture(deployWithLicence);
    const { protocol, alice } = fx;
    const licensingCaller = await licensingSigner(protocol);
    await expectNoStateChange(fx, () =>
      expect(
        protocol
          .connect(licensingCaller)
          .registerFor(request(alice.address, "original"), alice.address),
      )
        .to.be.revertedWithCustomError(protocol, "InvalidParentCount")
        .withArgs(0, 16),
    );
    const relayAddress = await protocol.RELAY();
    await networkHelpers.setBalance(relayAddress, ethers.parseEther("1"));
    const relay = await ethers.getImpersonatedSigner(relayAddress);
    await expect(
      protocol.connect(relay).registerFor(request(alice.address, "original"), alice.address),
    )
      .to.emit(protocol, "AssetRegistered")
      .withArgs(2n, alice.address, contentHash("original"), metadataURI("original"));
    expect((await protocol.getAsset(2n)).parentCount).to.equal(0n);
  });

  it("reverts with OnlyLicensingOrRelay for anyone but the licensing contract and relay, before any other check", async function () {
    const fx = await networkHelpers.loadFixture(deployWithLicence);
    const { protocol, admin, alice, carol, stranger, a, carolsLicence } = fx;
    // An original and a remix with valid arguments: only the caller is wrong.
    const argumentSets: Array<[ReturnType<typeof parentShares>, bigint[]]> = [
      [parentShares([[a, 1_000]]), [carolsLicence]],
      [parentShares([]), []],
    ];

    for (const caller of [stranger, admin, alice, carol]) {
      for (const [parents, licences] of argumentSets) {
        await expectNoStateChange(fx, () =>
          expect(
            protocol
              .connect(caller)
              .registerFor(request(carol.address, "sneaky", parents, licences), carol.address),
          )
            .to.be.revertedWithCustomError(protocol, "OnlyLicensingOrRelay")
            .withArgs(caller.address),
        );
      }
    }
  });
});
