// The app benchmark's tables: the build's weight, then the cold visits' timings (median, min, max).
import { availableParallelism } from "node:os";
import { formatTable } from "../lib/format.ts";
import type { Backend } from "./backend.ts";
import type { FileSet } from "./bundle.ts";
import { type ExploreVisit, type LineageVisit, QUIET_MS } from "./visits.ts";

const INITIAL_GOAL_KB = 500;
const EXPAND_GOAL_MS = 1_000;

/** What {@link formatReport} tabulates. */
export type BenchResults = {
  backend: Backend;
  initial: FileSet;
  /** The files only the lineage explorer fetched. */
  onDemand: FileSet;
  explore: ExploreVisit[];
  lineage: LineageVisit[];
};

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const sizeRow = (label: string, set: FileSet) => [
  label,
  String(set.files.length),
  kB(set.raw),
  kB(set.gzip),
];
/** Median, min and max of `values`, in whole ms. */
const spread = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[Math.floor(sorted.length / 2)]!, sorted[0]!, sorted.at(-1)!].map((value) =>
    Math.round(value).toLocaleString("en-US"),
  );
};

/** The benchmark's figures as text tables, with the machine's core count. */
export function formatReport({ backend, initial, onDemand, explore, lineage }: BenchResults) {
  const nodes = backend.lineageSize.toLocaleString("en-US");
  const timing = ["median", "min", "max"];
  return [
    `App benchmark: production build, headless Chromium, ${backend.node} node, ` +
      `${availableParallelism()} cores; ${explore.length} cold visits of each page ` +
      "(a fresh browser profile each)",
    "",
    formatTable(
      ["bundle", "files", "raw kB", "gzip kB (level 9)"],
      [
        sizeRow(`initial load (goal < ${INITIAL_GOAL_KB} kB gzip)`, initial),
        sizeRow("lineage explorer, loaded on demand", onDemand),
      ],
    ),
    `  on demand: ${onDemand.files.join(", ")}`,
    "",
    formatTable(
      ["from navigation start, ms", ...timing],
      [
        ["Explore: first contentful paint", ...spread(explore.map((v) => v.fcp))],
        ["Explore: latest assets drawn", ...spread(explore.map((v) => v.listed))],
        [
          `Explore: time to interactive (then ${QUIET_MS / 1000} s without a long task)`,
          ...spread(explore.map((v) => v.interactive)),
        ],
        ["Lineage: collapsed view drawn", ...spread(lineage.map((v) => v.collapsed))],
      ],
    ),
    "",
    formatTable(
      [`lineage of ${nodes} assets, ms`, ...timing],
      [
        [
          `click on Expand all → ${nodes} nodes drawn (goal < ${EXPAND_GOAL_MS} ms)`,
          ...spread(lineage.map((v) => v.expanded)),
        ],
        ["longest main-thread task meanwhile", ...spread(lineage.map((v) => v.longestTask))],
      ],
    ),
  ].join("\n");
}
