import { describe, expect, it } from "vitest";
import { layoutLineage, NODE_HEIGHT, NODE_WIDTH } from "./lineageLayout.ts";
import { answerLayout } from "./lineageLayoutWorker.ts";
import { lineageView } from "./lineageView.ts";

// 1 ← 2 ← 3 ← 4 (a chain of remixes), and 5 remixing both 1 and 2 (a diamond at the top).
const edges = [
  { childId: 2n, parentId: 1n, shareBps: 3_000 },
  { childId: 3n, parentId: 2n, shareBps: 2_000 },
  { childId: 4n, parentId: 3n, shareBps: 1_000 },
  { childId: 5n, parentId: 1n, shareBps: 500 },
  { childId: 5n, parentId: 2n, shareBps: 500 },
];
const view = lineageView({ rootId: 1n, edges }, 3);

describe("layoutLineage", () => {
  it("places every asset once, parents above their remixes, every link routed and labelled", async () => {
    const layout = await layoutLineage(view);
    expect(layout.nodes.map((n) => n.id).sort()).toEqual([1n, 2n, 3n, 4n, 5n]);
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const n of layout.nodes) {
      expect([n.width, n.height]).toEqual([NODE_WIDTH, NODE_HEIGHT]);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.edges).toHaveLength(edges.length);
    for (const e of layout.edges) {
      const [parent, child] = [at.get(e.parentId)!, at.get(e.childId)!];
      expect(parent.y + NODE_HEIGHT).toBeLessThan(child.y);
      expect(e.points.length).toBeGreaterThanOrEqual(2);
      // From the parent's bottom edge to the child's top edge, the label between the two.
      expect(e.points[0]!.y).toBe(parent.y + NODE_HEIGHT);
      expect(e.points.at(-1)!.y).toBe(child.y);
      expect(e.label.y).toBeGreaterThanOrEqual(parent.y + NODE_HEIGHT);
      expect(e.label.y).toBeLessThanOrEqual(child.y);
    }
    expect(layout.edges.find((e) => e.childId === 2n)?.shareBps).toBe(3_000);
  });

  it("gives the same layout for the same view", async () => {
    expect(await layoutLineage(view)).toEqual(await layoutLineage(view));
  });
});

describe("the layout worker", () => {
  it("answers, across structured clone as postMessage carries it, what layoutLineage computes", async () => {
    const request = structuredClone({ id: 7, view: { nodeIds: view.nodeIds, edges: view.edges } });
    const answer = structuredClone(await answerLayout(request));
    expect(answer).toEqual({ id: 7, layout: await layoutLineage(view) });
  });

  it("answers an ELK failure as the request's error", async () => {
    // A link to an asset that is not drawn: ELK refuses the graph.
    const broken = { nodeIds: new Set([1n]), edges: [{ childId: 2n, parentId: 1n, shareBps: 1 }] };
    expect(await answerLayout({ id: 3, view: broken })).toEqual({
      id: 3,
      error: expect.stringContaining("Referenced shape does not exist: 2"),
    });
  });
});
