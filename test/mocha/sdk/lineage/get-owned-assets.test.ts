import { expect } from "chai";
import { getOwnedAssets, InvalidParameterError } from "../../../../sdk/index.js";
import { describeOnNodes } from "../helpers/env.js";
import { buildTree, transferAsset } from "../helpers/tree.js";

describeOnNodes("sdk getOwnedAssets", (env) => {
  it("drops an asset transferred away and adds it to its new owner", async function () {
    const e = env();
    const { deployment, publicClient } = e;
    const [a, b, c, d] = (await buildTree(e, [
      {},
      {},
      { by: e.bob },
      { parents: [{ index: 0, shareBps: 1_000 }] },
    ])) as [bigint, bigint, bigint, bigint];
    const alice = e.alice.account.address;
    const bob = e.bob.account.address;
    expect(await getOwnedAssets(publicClient, { deployment, owner: alice })).to.deep.equal([
      a,
      b,
      d,
    ]);
    const before = await publicClient.getBlockNumber();

    await transferAsset(e, e.alice, bob, b);
    e.requests.count = 0;
    expect(await getOwnedAssets(publicClient, { deployment, owner: alice })).to.deep.equal([a, d]);
    // The block, the Transfer logs, one batched ownerOf.
    expect(e.requests.count).to.equal(3);
    expect(await getOwnedAssets(publicClient, { deployment, owner: bob })).to.deep.equal([b, c]);
    // At a block before the transfer, alice still held it.
    expect(
      await getOwnedAssets(publicClient, { deployment, owner: alice, blockNumber: before }),
    ).to.deep.equal([a, b, d]);

    // Back to alice: listed once, and with chunked log scans too.
    await transferAsset(e, e.bob, alice, b);
    expect(
      await getOwnedAssets(publicClient, { deployment, owner: alice, maxBlockRange: 2n }),
    ).to.deep.equal([a, b, d]);
  });

  it("returns no assets for an address that never held one, in two requests", async function () {
    const { deployment, publicClient, stranger, requests } = env();
    requests.count = 0;
    const owned = await getOwnedAssets(publicClient, {
      deployment,
      owner: stranger.account.address,
    });
    expect(owned).to.deep.equal([]);
    expect(requests.count).to.equal(2);
  });

  it("refuses an owner that is not an address before sending anything", async function () {
    const { deployment, publicClient, requests } = env();
    requests.count = 0;
    const error = await getOwnedAssets(publicClient, {
      deployment,
      owner: "0x1234",
    }).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(InvalidParameterError);
    expect((error as InvalidParameterError).parameter).to.equal("owner");
    expect(requests.count).to.equal(0);
  });
});
