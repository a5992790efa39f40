import { expect } from "chai";
import {
  ETH,
  FAR_DEADLINE,
  FREE_REMIX_TERMS,
  UseKind,
  allowFreeRemixes,
  deployProtocol,
  networkHelpers,
  registerOriginal,
  registerRemix,
} from "../helpers/fixture.js";
import {
  MAX_PARENTS,
  SHARE_LIMIT_BPS,
  buyRemixLicences,
  eventArgs,
  eventNames,
  expectNoStateChange,
  licensedRemixTx,
  parentsOf,
  registerOriginals,
  remixTx,
} from "../helpers/registry.js";
import { eventsOf, setFeeNow } from "../helpers/engine.js";

/**
 * The protocol with 17 originals owned by alice, ids 1 to 17 (one more than a remix may name), each
 * with free remix terms.
 */
async function deployWithOriginals() {
  const fx = await deployProtocol();
  const originals = await registerOriginals(fx.protocol, fx.alice, MAX_PARENTS + 1);
  await allowFreeRemixes(fx.protocol, originals);
  return { ...fx, originals };
}

describe("registerRemix", function () {
  describe("lineage", function () {
    it("stores a single parent with its share and links it", async function () {
      const { protocol, bob, originals } = await networkHelpers.loadFixture(deployWithOriginals);
      const [a] = originals;

      const tx = await licensedRemixTx(protocol, bob, "remix", [[a, 3_000]]);

      await expect(tx).to.emit(protocol, "ParentLinked").withArgs(18n, a, 3_000);
      expect(await parentsOf(protocol, 18n)).to.deep.equal([[a, 3_000]]);
      expect((await protocol.getAsset(18n)).parentCount).to.equal(1n);
      expect(await protocol.childCount(a)).to.equal(1n);
      expect(await eventNames(protocol, tx)).to.deep.equal([
        "Transfer",
        "AssetRegistered",
        "ParentLinked",
      ]);
    });

    it("stores 4 parents, originals and remixes mixed, in the given order", async function () {
      const { protocol, alice, bob, carol } = await networkHelpers.loadFixture(deployProtocol);
      const a = await registerOriginal(protocol, alice, "A");
      const b = await registerOriginal(protocol, bob, "B");
      const ra = await registerRemix(protocol, carol, "rA", [[a, 1_000]]);
      const rb = await registerRemix(protocol, carol, "rB", [[b, 1_000]]);
      const parents: Array<[bigint, number]> = [
        [rb, 2_500],
        [a, 500],
        [ra, 1_750],
        [b, 3_250],
      ];

      const tx = await licensedRemixTx(protocol, bob, "four", parents);
      const id = await protocol.totalAssets();

      expect(await parentsOf(protocol, id)).to.deep.equal(parents);
      expect(await eventArgs(protocol, tx, "ParentLinked")).to.deep.equal(
        parents.map(([parentId, share]) => [id, parentId, BigInt(share)]),
      );
      expect(await protocol.childCount(a)).to.equal(2n);
      expect(await protocol.childCount(b)).to.equal(2n);
      expect(await protocol.childCount(ra)).to.equal(1n);
      expect(await protocol.childCount(rb)).to.equal(1n);
    });

    it("stores 16 parents in the given order, each with its own share", async function () {
      const { protocol, bob, originals } = await networkHelpers.loadFixture(deployWithOriginals);
      // A permutation of ids 1..16 (5 is coprime with 16) with a distinct share per position, so
      // any mix-up between positions or packed lanes shows.
      const parents = Array.from({ length: MAX_PARENTS }, (_, i): [bigint, number] => [
        originals[(i * 5) % MAX_PARENTS],
        101 + 29 * i,
      ]);

      const tx = await licensedRemixTx(protocol, bob, "sixteen", parents);

      expect(await parentsOf(protocol, 18n)).to.deep.equal(parents);
      expect((await protocol.getAsset(18n)).parentCount).to.equal(16n);
      expect(await eventNames(protocol, tx)).to.deep.equal([
        "Transfer",
        "AssetRegistered",
        ...Array(MAX_PARENTS).fill("ParentLinked"),
      ]);
      expect(await eventArgs(protocol, tx, "ParentLinked")).to.deep.equal(
        parents.map(([parentId, share]) => [18n, parentId, BigInt(share)]),
      );
      for (const [parentId] of parents) expect(await protocol.childCount(parentId)).to.equal(1n);
      expect(await protocol.childCount(originals[MAX_PARENTS])).to.equal(0n);
    });

    it("increments a parent's childCount once per remix naming it", async function () {
      const { protocol, bob, carol, originals } =
        await networkHelpers.loadFixture(deployWithOriginals);
      const [a, b] = originals;

      await licensedRemixTx(protocol, bob, "r1", [[a, 100]]);
      await licensedRemixTx(protocol, carol, "r2", [
        [b, 100],
        [a, 100],
      ]);
      await licensedRemixTx(protocol, carol, "r3", [[a, 100]]);

      expect(await protocol.childCount(a)).to.equal(3n);
      expect(await protocol.childCount(b)).to.equal(1n);
      expect((await protocol.getAsset(a)).childCount).to.equal(3n);
    });

    it("accepts a zero share when the licence asks for no minimum", async function () {
      const { protocol, bob, originals } = await networkHelpers.loadFixture(deployWithOriginals);
      await licensedRemixTx(protocol, bob, "free", [[originals[0], 0]]);
      expect(await parentsOf(protocol, 18n)).to.deep.equal([[originals[0], 0]]);
    });

    it("accepts a share exactly at the licence's minimum", async function () {
      const { protocol, licensing, alice, bob } = await networkHelpers.loadFixture(deployProtocol);
      const a = await registerOriginal(protocol, alice, "A");
      await licensing
        .connect(alice)
        .setTerms(a, UseKind.Remix, { ...FREE_REMIX_TERMS, minShareBps: 500 });
      await licensedRemixTx(protocol, bob, "at-min", [[a, 500]]);
      expect(await parentsOf(protocol, 2n)).to.deep.equal([[a, 500]]);
    });

    it("accepts shares adding up exactly to 100% less the maximum fee", async function () {
      const { protocol, bob, originals } = await networkHelpers.loadFixture(deployWithOriginals);
      const sixteen = originals.slice(0, MAX_PARENTS).map((id): [bigint, number] => [id, 500]);

      await licensedRemixTx(protocol, bob, "one", [[originals[0], SHARE_LIMIT_BPS]]);
      await licensedRemixTx(protocol, bob, "two", [
        [originals[0], 4_000],
        [originals[1], 4_000],
      ]);
      await licensedRemixTx(protocol, bob, "sixteen", sixteen);

      expect(await protocol.totalAssets()).to.equal(20n);
      expect(await parentsOf(protocol, 20n)).to.deep.equal(sixteen);
    });
  });

  it("reverts with InvalidParentCount for 0 and for 17 parents", async function () {
    const fx = await networkHelpers.loadFixture(deployWithOriginals);
    const seventeen = fx.originals.map((id): [bigint, number] => [id, 1]);
    for (const parents of [[], seventeen]) {
      await expectNoStateChange(fx, () =>
        expect(remixTx(fx.protocol, fx.bob, "bad-count", parents))
          .to.be.revertedWithCustomError(fx.protocol, "InvalidParentCount")
          .withArgs(parents.length, MAX_PARENTS),
      );
    }
  });

  it("reverts with DuplicateParent when a parent is named twice", async function () {
    const fx = await networkHelpers.loadFixture(deployWithOriginals);
    const [a, b] = fx.originals;
    const firstAndLastOfSixteen = fx.originals
      .slice(0, MAX_PARENTS)
      .map((id, i): [bigint, number] => [i === MAX_PARENTS - 1 ? b : id, 100]);
    for (const [parents, duplicate] of [
      [
        [
          [a, 100],
          [a, 100],
        ],
        a,
      ],
      [
        [
          [a, 100],
          [b, 100],
          [a, 200],
        ],
        a,
      ],
      [firstAndLastOfSixteen, b],
    ] as Array<[Array<[bigint, number]>, bigint]>) {
      await expectNoStateChange(fx, () =>
        expect(remixTx(fx.protocol, fx.bob, "dup", parents))
          .to.be.revertedWithCustomError(fx.protocol, "DuplicateParent")
          .withArgs(duplicate),
      );
    }
  });

  it("reverts with AssetNotFound for a missing parent, id 0, and the remix's own id", async function () {
    const fx = await networkHelpers.loadFixture(deployWithOriginals);
    const ownId = (await fx.protocol.totalAssets()) + 1n;
    // The remix's own id (self-parent) and any later id are rejected, so every edge points to an
    // older asset and no cycle can ever form.
    for (const missing of [999n, 0n, ownId, ownId + 1n]) {
      await expectNoStateChange(fx, () =>
        expect(
          remixTx(fx.protocol, fx.bob, "orphan", [
            [fx.originals[0], 100],
            [missing, 100],
          ]),
        )
          .to.be.revertedWithCustomError(fx.protocol, "AssetNotFound")
          .withArgs(missing),
      );
    }
  });

  it("reverts with SharesExceedLimit one basis point above 100% less the maximum fee", async function () {
    const fx = await networkHelpers.loadFixture(deployWithOriginals);
    const [a, b] = fx.originals;
    const fifteenPlusOne = fx.originals
      .slice(0, MAX_PARENTS)
      .map((id, i): [bigint, number] => [id, i === 0 ? 501 : 500]);
    for (const parents of [
      [[a, SHARE_LIMIT_BPS + 1]],
      [
        [a, 4_000],
        [b, 4_001],
      ],
      fifteenPlusOne,
    ]) {
      await expectNoStateChange(fx, () =>
        expect(remixTx(fx.protocol, fx.bob, "greedy", parents as Array<[bigint, number]>))
          .to.be.revertedWithCustomError(fx.protocol, "SharesExceedLimit")
          .withArgs(SHARE_LIMIT_BPS + 1, SHARE_LIMIT_BPS),
      );
    }
  });

  it("reverts with SharesExceedLimit reporting the full total of 16 maximal shares", async function () {
    const fx = await networkHelpers.loadFixture(deployWithOriginals);
    const maximal = fx.originals.slice(0, MAX_PARENTS).map((id): [bigint, number] => [id, 65_535]);
    await expectNoStateChange(fx, () =>
      expect(remixTx(fx.protocol, fx.bob, "max", maximal))
        .to.be.revertedWithCustomError(fx.protocol, "SharesExceedLimit")
        .withArgs(65_535 * MAX_PARENTS, SHARE_LIMIT_BPS),
    );
  });

  it("reverts with SharesExceedLimit against the maximum fee even when the current fee is lower", async function () {
    const fx = await networkHelpers.loadFixture(deployWithOriginals);
    await setFeeNow(fx.protocol, fx.admin, 0);
    await expectNoStateChange(fx, () =>
      expect(remixTx(fx.protocol, fx.bob, "greedy", [[fx.originals[0], SHARE_LIMIT_BPS + 1]]))
        .to.be.revertedWithCustomError(fx.protocol, "SharesExceedLimit")
        .withArgs(SHARE_LIMIT_BPS + 1, SHARE_LIMIT_BPS),
    );
  });

  it("reverts with ProtocolPaused while paused, even with a valid licence", async function () {
    const fx = await networkHelpers.loadFixture(deployWithOriginals);
    const [a] = fx.originals;
    const licenceIds = await buyRemixLicences(fx.protocol, fx.bob, [a]);
    await fx.protocol.connect(fx.admin).setPaused(true);
    await expectNoStateChange(fx, () =>
      expect(
        remixTx(fx.protocol, fx.bob, "paused", [[a, 100]], licenceIds),
      ).to.be.revertedWithCustomError(fx.protocol, "ProtocolPaused"),
    );
    // The parent count is checked before anything else, the pause included.
    await expect(remixTx(fx.protocol, fx.bob, "paused", []))
      .to.be.revertedWithCustomError(fx.protocol, "InvalidParentCount")
      .withArgs(0, MAX_PARENTS);
  });
});

describe("registerRemix: licences", function () {
  it("consumes the caller's licence for each parent, in parent order", async function () {
    const { protocol, licensing, bob, originals } =
      await networkHelpers.loadFixture(deployWithOriginals);
    const [a, b] = originals;
    const licenceIds = await buyRemixLicences(protocol, bob, [a, b]);
    const parents: Array<[bigint, number]> = [
      [a, 1_000],
      [b, 2_000],
    ];

    const consumed = await eventsOf(
      remixTx(protocol, bob, "licensed", parents, licenceIds),
      licensing,
      "LicenceConsumed",
    );

    expect(consumed.map((args) => [...args])).to.deep.equal([
      [licenceIds[0], 18n],
      [licenceIds[1], 18n],
    ]);
    for (const licenceId of licenceIds) {
      expect((await licensing.getLicence(licenceId)).consumedBy).to.equal(18n);
    }
    for (const parentId of [a, b]) {
      const [valid] = await licensing.hasValidLicence(bob.address, parentId, UseKind.Remix);
      expect(valid, `bob has no unused licence of ${parentId} left`).to.equal(false);
    }
    expect(await protocol.ownerOf(18n)).to.equal(bob.address);
  });

  it("reverts with the licensing contract's LicenceNotUsable when the caller holds no licence", async function () {
    const fx = await networkHelpers.loadFixture(deployWithOriginals);
    const { protocol, licensing, bob, carol, originals } = fx;
    const [a, b] = originals;
    const [bobsLicence] = await buyRemixLicences(protocol, bob, [a]);
    const [carolsLicence] = await buyRemixLicences(protocol, carol, [b]);
    const parents: Array<[bigint, number]> = [
      [a, 100],
      [b, 100],
    ];

    // Licence 0 is never issued; carol's licence is hers alone; bob's licence is for A, not B.
    for (const licenceForB of [0n, carolsLicence, bobsLicence]) {
      await expectNoStateChange(fx, () =>
        expect(remixTx(protocol, bob, "unlicensed", parents, [bobsLicence, licenceForB]))
          .to.be.revertedWithCustomError(licensing, "LicenceNotUsable")
          .withArgs(licenceForB, bob.address, b),
      );
    }
    expect((await licensing.getLicence(bobsLicence)).consumedBy).to.equal(0n);
  });

  it("reverts with LicenceNotUsable for a parent whose owner allows no remixes", async function () {
    const fx = await networkHelpers.loadFixture(deployWithOriginals);
    const { protocol, licensing, bob, carol, originals } = fx;
    // Assets start with no terms, so no licence of `closed` can be bought.
    const closed = await registerOriginal(protocol, carol, "closed");
    await expect(
      licensing
        .connect(bob)
        .buyLicence(
          closed,
          UseKind.Remix,
          0,
          bob.address,
          { currency: ETH, amount: 0n },
          FAR_DEADLINE,
        ),
    )
      .to.be.revertedWithCustomError(licensing, "UseNotAllowed")
      .withArgs(closed, UseKind.Remix);
    const [licence] = await buyRemixLicences(protocol, bob, [originals[0]]);

    await expectNoStateChange(fx, () =>
      expect(
        remixTx(
          protocol,
          bob,
          "nope",
          [
            [originals[0], 100],
            [closed, 100],
          ],
          [licence, 0n],
        ),
      )
        .to.be.revertedWithCustomError(licensing, "LicenceNotUsable")
        .withArgs(0n, bob.address, closed),
    );
  });

  it("reverts with ShareBelowLicenceMinimum when a share is under the licence's minimum", async function () {
    const fx = await networkHelpers.loadFixture(deployWithOriginals);
    const { protocol, licensing, bob, carol, originals } = fx;
    const strict = await registerOriginal(protocol, carol, "strict");
    await licensing
      .connect(carol)
      .setTerms(strict, UseKind.Remix, { ...FREE_REMIX_TERMS, minShareBps: 500 });
    const licenceIds = await buyRemixLicences(protocol, bob, [originals[0], strict]);

    await expectNoStateChange(fx, () =>
      expect(
        remixTx(
          protocol,
          bob,
          "cheap",
          [
            [originals[0], 0],
            [strict, 499],
          ],
          licenceIds,
        ),
      )
        .to.be.revertedWithCustomError(licensing, "ShareBelowLicenceMinimum")
        .withArgs(strict, 499, 500),
    );
  });

  it("consumes no licence when the registry rejects the remix", async function () {
    const { protocol, licensing, bob, originals } =
      await networkHelpers.loadFixture(deployWithOriginals);
    const [a] = originals;
    const licenceIds = await buyRemixLicences(protocol, bob, [a]);

    await expect(remixTx(protocol, bob, "greedy", [[a, SHARE_LIMIT_BPS + 1]], licenceIds))
      .to.be.revertedWithCustomError(protocol, "SharesExceedLimit")
      .withArgs(SHARE_LIMIT_BPS + 1, SHARE_LIMIT_BPS);
    expect((await licensing.getLicence(licenceIds[0])).consumedBy).to.equal(0n);

    await remixTx(protocol, bob, "fair", [[a, SHARE_LIMIT_BPS]], licenceIds);
    expect((await licensing.getLicence(licenceIds[0])).consumedBy).to.equal(18n);
  });

  it("lets a remix registered through the licensing contract be minted to its caller", async function () {
    const { protocol, bob, originals } = await networkHelpers.loadFixture(deployWithOriginals);
    const remix = await registerRemix(protocol, bob, "bought", [[originals[0], 1_000]]);
    expect(await protocol.ownerOf(remix)).to.equal(bob.address);
    expect(await parentsOf(protocol, remix)).to.deep.equal([[originals[0], 1_000]]);
  });
});
