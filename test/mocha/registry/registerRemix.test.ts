import { expect } from "chai";
import {
  CLOSED_POLICY,
  deployProtocol,
  networkHelpers,
  registerOriginal,
  registerRemix,
} from "../helpers/fixture.js";
import {
  MAX_PARENTS,
  SHARE_LIMIT_BPS,
  eventArgs,
  eventNames,
  expectNoStateChange,
  parentsOf,
  registerOriginals,
  remixTx,
} from "../helpers/registry.js";

/** The protocol with 17 open originals owned by alice: ids 1 to 17, one more than a remix may name. */
async function deployWithOriginals() {
  const fx = await deployProtocol();
  const originals = await registerOriginals(fx.protocol, fx.alice, MAX_PARENTS + 1);
  return { ...fx, originals };
}

describe("registerRemix", function () {
  describe("lineage", function () {
    it("stores a single parent with its share and links it", async function () {
      const { protocol, bob, originals } = await networkHelpers.loadFixture(deployWithOriginals);
      const [a] = originals;

      const tx = await remixTx(protocol, bob, "remix", [[a, 3_000]]);

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

      const tx = await remixTx(protocol, bob, "four", parents);
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

      const tx = await remixTx(protocol, bob, "sixteen", parents);

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

      await remixTx(protocol, bob, "r1", [[a, 100]]);
      await remixTx(protocol, carol, "r2", [
        [b, 100],
        [a, 100],
      ]);
      await remixTx(protocol, carol, "r3", [[a, 100]]);

      expect(await protocol.childCount(a)).to.equal(3n);
      expect(await protocol.childCount(b)).to.equal(1n);
      expect((await protocol.getAsset(a)).childCount).to.equal(3n);
    });

    it("accepts a zero share when the parent asks for no minimum", async function () {
      const { protocol, bob, originals } = await networkHelpers.loadFixture(deployWithOriginals);
      await remixTx(protocol, bob, "free", [[originals[0], 0]]);
      expect(await parentsOf(protocol, 18n)).to.deep.equal([[originals[0], 0]]);
    });

    it("accepts a share exactly at the parent's minimum", async function () {
      const { protocol, alice, bob } = await networkHelpers.loadFixture(deployProtocol);
      const a = await registerOriginal(protocol, alice, "A", { remixable: true, minShareBps: 500 });
      await remixTx(protocol, bob, "at-min", [[a, 500]]);
      expect(await parentsOf(protocol, 2n)).to.deep.equal([[a, 500]]);
    });

    it("accepts shares adding up exactly to 100% less the maximum fee", async function () {
      const { protocol, bob, originals } = await networkHelpers.loadFixture(deployWithOriginals);
      const sixteen = originals.slice(0, MAX_PARENTS).map((id): [bigint, number] => [id, 500]);

      await remixTx(protocol, bob, "one", [[originals[0], SHARE_LIMIT_BPS]]);
      await remixTx(protocol, bob, "two", [
        [originals[0], 4_000],
        [originals[1], 4_000],
      ]);
      await remixTx(protocol, bob, "sixteen", sixteen);

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

  it("reverts with RemixNotAllowed when a parent is not remixable", async function () {
    const fx = await networkHelpers.loadFixture(deployWithOriginals);
    const closed = await registerOriginal(fx.protocol, fx.carol, "closed", CLOSED_POLICY);
    for (const parents of [
      [[closed, 100]],
      [
        [fx.originals[0], 100],
        [closed, 100],
      ],
    ]) {
      await expectNoStateChange(fx, () =>
        expect(remixTx(fx.protocol, fx.bob, "nope", parents as Array<[bigint, number]>))
          .to.be.revertedWithCustomError(fx.protocol, "RemixNotAllowed")
          .withArgs(closed),
      );
    }
  });

  it("reverts with ShareBelowMinimum when a share is under the parent's minimum", async function () {
    const fx = await networkHelpers.loadFixture(deployWithOriginals);
    const strict = await registerOriginal(fx.protocol, fx.carol, "strict", {
      remixable: true,
      minShareBps: 500,
    });
    await expectNoStateChange(fx, () =>
      expect(
        remixTx(fx.protocol, fx.bob, "cheap", [
          [fx.originals[0], 0],
          [strict, 499],
        ]),
      )
        .to.be.revertedWithCustomError(fx.protocol, "ShareBelowMinimum")
        .withArgs(strict, 499, 500),
    );
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
    await fx.protocol.connect(fx.admin).setFee(0);
    await expectNoStateChange(fx, () =>
      expect(remixTx(fx.protocol, fx.bob, "greedy", [[fx.originals[0], SHARE_LIMIT_BPS + 1]]))
        .to.be.revertedWithCustomError(fx.protocol, "SharesExceedLimit")
        .withArgs(SHARE_LIMIT_BPS + 1, SHARE_LIMIT_BPS),
    );
  });

  it("reverts with ProtocolPaused while paused", async function () {
    const fx = await networkHelpers.loadFixture(deployWithOriginals);
    await fx.protocol.connect(fx.admin).setPaused(true);
    await expectNoStateChange(fx, () =>
      expect(
        remixTx(fx.protocol, fx.bob, "paused", [[fx.originals[0], 100]]),
      ).to.be.revertedWithCustomError(fx.protocol, "ProtocolPaused"),
    );
  });
});
