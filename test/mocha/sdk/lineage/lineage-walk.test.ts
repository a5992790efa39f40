import { expect } from "chai";
import { createPublicClient, type Hex, http, parseEther } from "viem";
import { ETH, getLineage, pay, previewClaimAll } from "../../../../sdk/index.js";
import { WHOLE_GRAPH_MAX_ASSETS } from "../../../../sdk/utils/lineageAround.js";
import { describeOnNodes } from "../helpers/env.js";
import { buildTree, transferAsset, type TreeNode } from "../helpers/tree.js";

// On a protocol larger than WHOLE_GRAPH_MAX_ASSETS, a lineage read walks from the asset with
// topic filters instead of downloading every parent link: here a hub original with 2,000 remixes
// (2,000 links nobody asking about the diamond needs) beside a diamond A <- B <- C -> A, C <- D.
describeOnNodes("sdk getLineage on a large protocol", (env) => {
  let ids: { hub: bigint; a: bigint; b: bigint; c: bigint; d: bigint };
  /** A chain of 70 remixes, each of the one before: deeper than a walk goes. */
  let chain: bigint[];
  /** A remix of D, by another creator. */
  let remixE: bigint;
  /** The chain before the 2,000-odd assets, restored for the tests that follow. */
  let fresh: Hex;

  before(async function () {
    this.timeout(300_000);
    fresh = await env().testClient.snapshot();
    const spam = Number(WHOLE_GRAPH_MAX_ASSETS);
    const nodes: TreeNode[] = [
      {},
      ...Array.from({ length: spam }, () => ({ parents: [{ index: 0, shareBps: 100 }] })),
      {},
      { parents: [{ index: spam + 1, shareBps: 1_000 }] },
      {
        parents: [
          { index: spam + 2, shareBps: 2_000 },
          { index: spam + 1, shareBps: 500 },
        ],
      },
      { parents: [{ index: spam + 3, shareBps: 3_000 }] },
      {},
      ...Array.from({ length: 70 }, (_, i) => ({
        parents: [{ index: spam + 5 + i, shareBps: 100 }],
      })),
      // E, a remix of D giving it 20%.
      { parents: [{ index: spam + 4, shareBps: 2_000 }] },
    ];
    const built = await buildTree(env(), nodes);
    const [hub, a, b, c, d] = [0, spam + 1, spam + 2, spam + 3, spam + 4].map(
      (index) => built[index] as bigint,
    );
    ids = { hub: hub!, a: a!, b: b!, c: c!, d: d! };
    chain = built.slice(spam + 5, spam + 76);
    remixE = built[spam + 76] as bigint;
    // Bob owns D alone (by transfer: one registering wallet keeps the 2,077 transactions in
    // nonce order).
    await transferAsset(env(), env().alice, env().bob.account.address, ids.d);
  });

  after(async function () {
    await env().testClient.revert({ id: fresh });
  });

  /** A client that counts the requests it sends and the bytes it receives. */
  function metered() {
    const e = env();
    const meter = { requests: 0, bytes: 0, pending: [] as Promise<void>[] };
    const client = createPublicClient({
      chain: e.chain,
      transport: http(e.node.url, {
        onFetchRequest: () => void meter.requests++,
        onFetchResponse: (response) =>
          void meter.pending.push(
            response
              .clone()
              .text()
              .then((text) => void (meter.bytes += text.length)),
          ),
      }),
    });
    return { client, meter };
  }

  it("reads a remix's ancestors with its own links only, in a few requests", async function () {
    const e = env();
    const { client, meter } = metered();
    const lineage = await getLineage(client, {
      deployment: e.deployment,
      assetId: ids.d,
      direction: "ancestors",
    });
    await Promise.all(meter.pending);
    expect(lineage.ancestors).to.deep.equal([ids.a, ids.b, ids.c]);
    expect(lineage.edges).to.deep.equal([
      { childId: ids.b, parentId: ids.a, shareBps: 1_000 },
      { childId: ids.c, parentId: ids.b, shareBps: 2_000 },
      { childId: ids.c, parentId: ids.a, shareBps: 500 },
      { childId: ids.d, parentId: ids.c, shareBps: 3_000 },
    ]);
    // The block, the asset count, three levels of links (D's, C's, then B's and A's in one
    // request), one multicall of the four nodes: a few kB, not the protocol's 2,076 links.
    expect(meter.requests).to.equal(6);
    expect(meter.bytes).to.be.below(20_000);
  });

  it("reads both sides, including a descendant's link to an ancestor (a diamond across the asset)", async function () {
    const e = env();
    const lineage = await getLineage(e.publicClient, { deployment: e.deployment, assetId: ids.b });
    expect(lineage.ancestors).to.deep.equal([ids.a]);
    expect(lineage.descendants).to.deep.equal([ids.c, ids.d, remixE]);
    expect(lineage.edges).to.deep.equal([
      { childId: ids.b, parentId: ids.a, shareBps: 1_000 },
      { childId: ids.c, parentId: ids.b, shareBps: 2_000 },
      { childId: ids.c, parentId: ids.a, shareBps: 500 },
      { childId: ids.d, parentId: ids.c, shareBps: 3_000 },
      { childId: remixE, parentId: ids.d, shareBps: 2_000 },
    ]);
    expect(lineage.nodes.map(({ assetId }) => assetId)).to.deep.equal([
      ids.a,
      ids.b,
      ids.c,
      ids.d,
      remixE,
    ]);
  });

  it("reads a hub's 2,000 remixes (a level that wide falls back to every link)", async function () {
    this.timeout(60_000);
    const e = env();
    const lineage = await getLineage(e.publicClient, {
      deployment: e.deployment,
      assetId: ids.hub,
      direction: "descendants",
    });
    expect(lineage.descendants).to.have.length(Number(WHOLE_GRAPH_MAX_ASSETS));
    expect(lineage.edges).to.have.length(Number(WHOLE_GRAPH_MAX_ASSETS));
    expect(lineage.edges.every(({ parentId }) => parentId === ids.hub)).to.equal(true);
  });

  it("falls back to every link past 64 levels, with the same answer", async function () {
    this.timeout(60_000);
    const e = env();
    const { client, meter } = metered();
    const deepest = chain.at(-1) as bigint;
    const lineage = await getLineage(client, {
      deployment: e.deployment,
      assetId: deepest,
      direction: "ancestors",
    });
    expect(lineage.ancestors).to.deep.equal(chain.slice(0, -1));
    expect(lineage.edges).to.deep.equal(
      chain.slice(1).map((childId, i) => ({ childId, parentId: chain[i], shareBps: 100 })),
    );
    // The block, the count, 64 levels, the whole graph, one multicall: bounded, whatever the depth.
    expect(meter.requests).to.equal(68);
  });

  it("plans a claim from the owner's assets and their descendants' links only", async function () {
    const e = env();
    await pay(e.payer, {
      deployment: e.deployment,
      assetId: remixE,
      token: ETH,
      amount: parseEther("1"),
    });
    const { client, meter } = metered();
    const preview = await previewClaimAll(client, {
      deployment: e.deployment,
      owner: e.bob.account.address,
    });
    await Promise.all(meter.pending);
    // E's split gives D 0.20 of its 1 ETH; D's claim passes C 30% of that: bob gets 0.14.
    expect(preview.totals).to.deep.equal([{ token: ETH, amount: parseEther("0.14") }]);
    expect(preview.perAsset.map(({ assetId }) => assetId)).to.deep.equal([ids.d]);
    // D's descendants (E) and their parent links, not the protocol's 2,077 links.
    expect(meter.bytes).to.be.below(30_000);
  });
});
