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
      balances: new Map([
        [4n, { held: 900n, pendingGross: 1_000n, remainder: 0n }],
        [2n, { held: 90n, pendingGross: 100n, remainder: 0n }],
        [1n, { held: 5n, pendingGross: 0n, remainder: 0n }],
      ]),
    });
    // D: B 150, C 100, keeps 650. C (100): A 25, keeps 75. B (gross 250, held 240): A 75, keeps 165.
    expect(simulation.splitAssetIds).to.deep.equal([4n, 3n, 2n]);
    expect(Object.fromEntries(simulation.balances)).to.deep.equal({
      1: { held: 105n, pendingGross: 0n, remainder: 0n },
      2: { held: 165n, pendingGross: 0n, remainder: 250n },
      3: { held: 75n, pendingGross: 0n, remainder: 100n },
      4: { held: 650n, pendingGross: 0n, remainder: 1_000n },
    });
  });

  it("splits nothing when nothing is pending", function () {
    const balances = new Map([[1n, { held: 7n, pendingGross: 0n, remainder: 0n }]]);
    const simulation = simulateSplits({ graph, assetIds: [4n, 3n, 2n, 1n], balances });
    expect(simulation.splitAssetIds).to.deep.equal([]);
    expect(simulation.balances.get(1n)?.held).to.equal(7n);
  });
});
