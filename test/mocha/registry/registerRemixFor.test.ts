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

describe("registerRemixFor", function () {
  it("registers the remix for the creator the licensing contract names, with the creator's licence", async function () {
    const { protocol, licensing, carol, a, carolsLicence } =
      await networkHelpers.loadFixture(deployWithLicence);
    const caller = await licensingSigner(protocol);
    const hash = contentHash("for-carol");
    const uri = metadataURI("for-carol");

    const tx = protocol
      .connect(caller)
      .registerRemixFor(carol.address, hash, uri, parentShares([[a, 1_000]]), [carolsLicence]);

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
          .registerRemixFor(
            bob.address,
            contentHash("for-bob"),
            metadataURI("for-bob"),
            parentShares([[a, 1_000]]),
            [carolsLicence],
          ),
      )
        .to.be.revertedWithCustomError(licensing, "LicenceNotUsable")
        .withArgs(carolsLicence, bob.address, a),
    );
  });

  it("reverts with OnlyLicensing for anyone but the licensing contract, before any other check", async function () {
    const fx = await networkHelpers.loadFixture(deployWithLicence);
    const { protocol, admin, alice, carol, stranger, a, carolsLicence } = fx;
    // Invalid arguments too: registerRemix would refuse no parents with InvalidParentCount.
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
              .registerRemixFor(
                carol.address,
                contentHash("sneaky"),
                metadataURI("sneaky"),
                parents,
                licences,
              ),
          )
            .to.be.revertedWithCustomError(protocol, "OnlyLicensing")
            .withArgs(caller.address),
        );
      }
    }
  });
});
