import { describe, expect, it } from "vitest";
import { lineageView } from "./lineageView.ts";

// 1 ← 2 ← 3 ← 4 (a chain of remixes), and 5 remixing both 1 and 2 (a diamond at the top).
const edges = [
  { childId: 2n, parentId: 1n, shareBps: 3_000 },
  { childId: 3n, parentId: 2n, shareBps: 2_000 },
  { childId: 4n, parentId: 3n, shareBps: 1_000 },
  { childId: 5n, parentId: 1n, shareBps: 500 },
  { childId: 5n, parentId: 2n, shareBps: 500 },
];

describe("lineageView", () => {
  it("draws the levels around the root and counts what each drawn node hides", () => {
    const view = lineageView({ rootId: 2n, edges }, 1);
    expect([...view.nodeIds].sort()).toEqual([1n, 2n, 3n, 5n]);
    expect(view.edges).toHaveLength(4);
    expect(view.hidden).toEqual(new Map([[3n, 1]]));
    expect(view.maxLevel).toBe(2);
  });

  it("opens the neighbours of an expanded node, and everything at the deepest level", () => {
    expect([...lineageView({ rootId: 2n, edges }, 1, new Set([3n])).nodeIds]).toContain(4n);
    const all = lineageView({ rootId: 1n, edges }, 3);
    expect(all.nodeIds.size).toBe(5);
    expect(all.hidden.size).toBe(0);
  });

  it("draws only the root at level 0", () => {
    const view = lineageView({ rootId: 4n, edges }, 0);
    expect([...view.nodeIds]).toEqual([4n]);
    expect(view.hidden).toEqual(new Map([[4n, 1]]));
  });
});
