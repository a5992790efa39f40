import { expect } from "chai";
import { buildLineageGraph, childrenFirst, reachable } from "../../../../sdk/utils/lineageGraph.js";
import { simulateSplits } from "../../../../sdk/utils/simulateSplits.js";

// The diamond: B (30%) and C (25%) remix A; D remixes B (15%) then C (10%); E remixes X.
const graph = buildLineageGraph([
  { childId: 2n, parentId: 1n, shareBps: 3_000 },
  { childId: 3n, parentId: 1n, shareBps: 2_500 },
  { childId: 4n, parentId: 2n, shareBps: 1_500 },
  { childId: 4n, parentId: 3n, shareBps: 1_000 },
  { childId: 6n, parentId: 5n, shareBps: 500 },
]);

describe("sdk lineage graph", function () {
  it("walks ancestors and descendants once each, ascending", function () {
    expect(reachable(graph, [4n], "ancestors")).to.deep.equal([1n, 2n, 3n]);
    expect(reachable(graph, [1n], "descendants")).to.deep.equal([2n, 3n, 4n]);
    expect(reachable(graph, [2n, 5n], "descendants")).to.deep.equal([4n, 6n]);
    expect(reachable(graph, [1n], "ancestors")).to.deep.equal([]);
    expect(graph.parents.get(4n)?.map(({ parentId }) => parentId)).to.deep.equal([2n, 3n]);
  });

  it("orders children before their parents", function () {
    expect(childrenFirst([1n, 4n, 2n, 3n, 2n])).to.deep.equal([4n, 3n, 2n, 1n]);
  });
});

describe("sdk simulateSplits", function () {
  it("carries a descendant's revenue up a diamond as splitMany would", function () {
    const simulation = simulateSplits({
      graph,
      assetIds: [4n, 3n, 2n, 1n],
      splittable: new Map([
        [4n, { gross: 1_000n, net: 900n }],
        [2n, { gross: 100n, net: 90n }],
      ]),
      collectable: new Map([[1n, 5n]]),
    });
    // D: B 150, C 100, keeps 650. C: A 25, keeps 75. B (gross 250, net 240): A 75, keeps 165.
    expect(simulation.splitAssetIds).to.deep.equal([4n, 3n, 2n]);
    expect(Object.fromEntries(simulation.collectable)).to.deep.equal({
      1: 105n,
      2: 165n,
      3: 75n,
      4: 650n,
    });
  });

  it("splits nothing when no balance waits", function () {
    const simulation = simulateSplits({
      graph,
      assetIds: [4n, 3n, 2n, 1n],
      splittable: new Map(),
      collectable: new Map([[1n, 7n]]),
    });
    expect(simulation.splitAssetIds).to.deep.equal([]);
    expect(simulation.collectable.get(1n)).to.equal(7n);
  });
});
