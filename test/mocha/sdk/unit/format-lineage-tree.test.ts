import { expect } from "chai";
import { zeroAddress } from "viem";
import {
  type Asset,
  formatBps,
  formatLineageDot,
  formatLineageMermaid,
  formatLineageTree,
  type Lineage,
} from "../../../../sdk/index.js";

const asset = (assetId: bigint): Asset => ({
  assetId,
  owner: zeroAddress,
  createdAt: 0n,
  metadataUri: `ipfs://${assetId}`,
  parentCount: 0,
  childCount: 0,
});

describe("sdk formatLineageTree", function () {
  it("draws descendants with their shares, counts what is cut, and refers to repeats", function () {
    // 1 <- 2 (30%) <- 4 (5%); 1 <- 3 (10%); 4 also remixes 3 (7.5%); 1 <- 5, 6 (1% each).
    const lineage: Lineage = {
      rootId: 1n,
      blockNumber: 9n,
      nodes: [1n, 2n, 3n, 4n, 5n, 6n].map(asset),
      edges: [
        { childId: 2n, parentId: 1n, shareBps: 3_000 },
        { childId: 3n, parentId: 1n, shareBps: 1_000 },
        { childId: 4n, parentId: 2n, shareBps: 500 },
        { childId: 4n, parentId: 3n, shareBps: 750 },
        { childId: 5n, parentId: 1n, shareBps: 100 },
        { childId: 6n, parentId: 1n, shareBps: 100 },
      ],
      ancestors: [],
      descendants: [2n, 3n, 4n, 5n, 6n],
    };
    expect(formatLineageTree(lineage, { maxBranches: 3 }).split("\n")).to.deep.equal([
      "#1 ipfs://1",
      "├─ #2 ipfs://2  pays 30.00%",
      "│  └─ #4 ipfs://4  pays 5.00%",
      "├─ #3 ipfs://3  pays 10.00%",
      "│  └─ #4 ipfs://4  pays 7.50%  (drawn above)",
      "├─ #5 ipfs://5  pays 1.00%",
      "└─ … 1 more",
    ]);
  });

  it("replaces control characters of on-chain text, so a URI cannot spoof the drawing", function () {
    const lineage: Lineage = {
      rootId: 1n,
      blockNumber: 9n,
      nodes: [{ ...asset(1n), metadataUri: "ipfs://x\u001b[2K\n#9 fake" }],
      edges: [],
      ancestors: [],
      descendants: [],
    };
    expect(formatLineageTree(lineage)).to.equal("#1 ipfs://x\uFFFD[2K\uFFFD#9 fake");
    expect(formatLineageMermaid(lineage)).to.include('a1["#1 ipfs://x\uFFFD[2K\uFFFD#9 fake"]');
    expect(formatLineageDot(lineage)).to.include('label="#1 ipfs://x\uFFFD[2K\uFFFD#9 fake"');
  });

  it("draws what the root remixes below its own remixes", function () {
    const lineage: Lineage = {
      rootId: 2n,
      blockNumber: 9n,
      nodes: [1n, 2n, 3n].map(asset),
      edges: [
        { childId: 2n, parentId: 1n, shareBps: 3_000 },
        { childId: 3n, parentId: 2n, shareBps: 2_000 },
      ],
      ancestors: [1n],
      descendants: [3n],
    };
    expect(
      formatLineageTree(lineage, { label: ({ assetId }) => `asset ${assetId}` }).split("\n"),
    ).to.deep.equal([
      "asset 2",
      "└─ asset 3  pays 20.00%",
      "",
      "asset 2 remixes:",
      "└─ asset 1  gets 30.00%",
    ]);
    expect(formatBps(5)).to.equal("0.05%");
  });
});

describe("sdk formatLineageDot and formatLineageMermaid", function () {
  const lineage: Lineage = {
    rootId: 1n,
    blockNumber: 9n,
    nodes: [1n, 2n].map(asset),
    edges: [{ childId: 2n, parentId: 1n, shareBps: 3_000 }],
    ancestors: [],
    descendants: [2n],
  };

  it("draws a DOT digraph with remixes pointing to the parents they pay", function () {
    expect(formatLineageDot(lineage, ({ assetId }) => `asset "${assetId}"`)).to.equal(
      [
        "digraph lineage {",
        "  rankdir=BT;",
        '  a1 [label="asset \\"1\\"", style=bold];',
        '  a2 [label="asset \\"2\\""];',
        '  a2 -> a1 [label="30.00%"];',
        "}",
      ].join("\n"),
    );
  });

  it("draws a Mermaid flowchart", function () {
    expect(formatLineageMermaid(lineage)).to.equal(
      [
        "flowchart BT",
        '  a1["#1 ipfs://1"]',
        '  a2["#2 ipfs://2"]',
        '  a2 -- "30.00%" --> a1',
      ].join("\n"),
    );
  });
});
