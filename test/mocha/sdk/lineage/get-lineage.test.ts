import { expect } from "chai";
import {
  ContractRevertError,
  getLineage,
  InvalidParameterError,
  type LineageDirection,
} from "../../../../sdk/index.js";
import { describeOnNodes } from "../helpers/env.js";
import { buildTree, type TreeNode } from "../helpers/tree.js";

/** A spine of `depth` chained remixes from one original, and leaves remixing spine assets. */
function spineTree(size: number, depth: number): TreeNode[] {
  return Array.from({ length: size }, (_, index): TreeNode => {
    if (index === 0) return {};
    if (index < depth) return { parents: [{ index: index - 1, shareBps: 100 }] };
    const parent = index % depth;
    // Every seventh leaf remixes two spine assets.
    const parents = [{ index: parent, shareBps: 200 }];
    if (index % 7 === 0) parents.push({ index: (parent + 3) % depth, shareBps: 300 });
    return { parents };
  });
}

describeOnNodes("sdk getLineage", (env) => {
  it("returns the exact edges and shares of a diamond in both directions", async function () {
    const e = env();
    const { deployment } = e;
    const [a, b, c, d] = (await buildTree(e, [
      {},
      { by: e.bob, parents: [{ index: 0, shareBps: 3_000 }] },
      { by: e.carol, parents: [{ index: 0, shareBps: 2_500 }] },
      {
        parents: [
          { index: 1, shareBps: 1_500 },
          { index: 2, shareBps: 1_000 },
        ],
      },
    ])) as [bigint, bigint, bigint, bigint];
    const edges = [
      { childId: b, parentId: a, shareBps: 3_000 },
      { childId: c, parentId: a, shareBps: 2_500 },
      { childId: d, parentId: b, shareBps: 1_500 },
      { childId: d, parentId: c, shareBps: 1_000 },
    ];

    const up = await getLineage(e.publicClient, { deployment, assetId: d, direction: "ancestors" });
    expect(up.rootId).to.equal(d);
    expect(up.ancestors).to.deep.equal([a, b, c]);
    expect(up.descendants).to.deep.equal([]);
    expect(up.edges).to.deep.equal(edges);
    expect(
      up.nodes.map(({ assetId, owner, parentCount, childCount }) => [
        assetId,
        owner,
        parentCount,
        childCount,
      ]),
    ).to.deep.equal([
      [a, e.alice.account.address, 0, 2],
      [b, e.bob.account.address, 1, 1],
      [c, e.carol.account.address, 1, 1],
      [d, e.alice.account.address, 2, 0],
    ]);

    const down = await getLineage(e.publicClient, {
      deployment,
      assetId: a,
      direction: "descendants",
    });
    expect(down.ancestors).to.deep.equal([]);
    expect(down.descendants).to.deep.equal([b, c, d]);
    expect(down.edges).to.deep.equal(edges);
    expect(down.nodes.map(({ assetId }) => assetId)).to.deep.equal([a, b, c, d]);

    // From B: A above, D below; D's link to C is outside the lineage.
    const both = await getLineage(e.publicClient, { deployment, assetId: b });
    expect(both.ancestors).to.deep.equal([a]);
    expect(both.descendants).to.deep.equal([d]);
    expect(both.edges).to.deep.equal([edges[0], edges[2]]);
    expect(both.nodes.map(({ assetId }) => assetId)).to.deep.equal([a, b, d]);
    expect(both.blockNumber).to.equal(await e.publicClient.getBlockNumber());
  });

  it("reads the graph as it was at a pinned block", async function () {
    const e = env();
    const [a, b] = (await buildTree(e, [{}, { parents: [{ index: 0, shareBps: 500 }] }])) as [
      bigint,
      bigint,
    ];
    const pinned = await e.publicClient.getBlockNumber();
    const [c] = (await buildTree(e, [{ by: e.bob, parents: [{ assetId: a, shareBps: 700 }] }])) as [
      bigint,
    ];
    const now = await getLineage(e.publicClient, { deployment: e.deployment, assetId: a });
    expect(now.descendants).to.deep.equal([b, c]);
    const lineage = await getLineage(e.publicClient, {
      deployment: e.deployment,
      assetId: a,
      blockNumber: pinned,
    });
    expect(lineage.blockNumber).to.equal(pinned);
    expect(lineage.descendants).to.deep.equal([b]);
    expect(lineage.nodes.find(({ assetId }) => assetId === a)?.childCount).to.equal(1);
  });

  it("finds the same lineage scanning logs in block ranges when maxBlockRange is set", async function () {
    const e = env();
    const ids = await buildTree(e, spineTree(12, 4));
    const root = ids[0] as bigint;
    const whole = await getLineage(e.publicClient, { deployment: e.deployment, assetId: root });
    const chunked = await getLineage(e.publicClient, {
      deployment: e.deployment,
      assetId: root,
      maxBlockRange: 3n,
      blockNumber: whole.blockNumber,
    });
    expect(chunked).to.deep.equal(whole);
    expect(whole.descendants).to.deep.equal(ids.slice(1));
  });

  it("reads a 300-asset tree in a handful of requests whatever its depth", async function () {
    this.timeout(120_000);
    const e = env();
    const started = Date.now();
    const tree = spineTree(300, 40);
    const ids = await buildTree(e, tree);
    const built = Date.now();
    e.requests.count = 0;
    const lineage = await getLineage(e.publicClient, {
      deployment: e.deployment,
      assetId: ids[0] as bigint,
    });
    const requests = e.requests.count;
    console.log(
      `      300 assets (depth 40): ${requests} requests, read in ${Date.now() - built} ms (tree built in ${built - started} ms)`,
    );
    expect(requests).to.be.at.most(6);
    expect(lineage.nodes).to.have.length(300);
    expect(lineage.descendants).to.deep.equal(ids.slice(1));
    const links = tree.reduce((count, { parents = [] }) => count + parents.length, 0);
    expect(lineage.edges).to.have.length(links);

    // The deepest spine asset's ancestors: the 39 assets above it, in the same few requests.
    e.requests.count = 0;
    const deepest = await getLineage(e.publicClient, {
      deployment: e.deployment,
      assetId: ids[39] as bigint,
      direction: "ancestors",
    });
    expect(e.requests.count).to.be.at.most(6);
    expect(deepest.ancestors).to.deep.equal(ids.slice(0, 39));
  });

  it("reads a 1,000-asset tree 100 deep in seven requests", async function () {
    this.timeout(300_000);
    const e = env();
    const started = Date.now();
    const ids = await buildTree(e, spineTree(1_000, 100));
    const built = Date.now();
    e.requests.count = 0;
    const lineage = await getLineage(e.publicClient, {
      deployment: e.deployment,
      assetId: ids[0] as bigint,
    });
    const requests = e.requests.count;
    console.log(
      `      1,000 assets (depth 100): ${requests} requests, read in ${Date.now() - built} ms (tree built in ${built - started} ms)`,
    );
    // The block, the asset count (small enough to scan every link), the logs, then four
    // multicalls of 250 nodes.
    expect(requests).to.be.at.most(7);
    expect(lineage.nodes).to.have.length(1_000);
    expect(lineage.descendants).to.deep.equal(ids.slice(1));
  });

  it("fails with the decoded AssetNotFound for an unknown asset", async function () {
    const { publicClient, deployment } = env();
    const error = await getLineage(publicClient, { deployment, assetId: 42n }).catch(
      (caught: unknown) => caught,
    );
    expect(error).to.be.instanceOf(ContractRevertError);
    expect((error as ContractRevertError).is("AssetNotFound")).to.equal(true);
    expect((error as ContractRevertError).args).to.deep.equal([42n]);
  });

  it("refuses an unknown direction before sending anything", async function () {
    const { publicClient, deployment, requests } = env();
    requests.count = 0;
    const error = await getLineage(publicClient, {
      deployment,
      assetId: 1n,
      direction: "sideways" as LineageDirection,
    }).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(InvalidParameterError);
    expect((error as InvalidParameterError).parameter).to.equal("direction");
    expect(requests.count).to.equal(0);
  });
});
