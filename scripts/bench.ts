// Gas benchmark on the built-in Hardhat network: every main operation, the lazy engine against a
// naive push-to-every-ancestor reference at depths 1 to 1,000, the SDK's request counts and the
// `remix` CLI's CPU time before its first request. Prints Markdown tables; the README's
// performance section quotes them.
import { cliStartupBench } from "./bench/cli-startup.js";
import { depthBench } from "./bench/depth.js";
import { operationsBench } from "./bench/operations.js";
import { sdkBench } from "./bench/sdk.js";

const gas = (value: bigint) => value.toLocaleString("en-US");

/** A Markdown table: the first column left-aligned, the others right. */
function markdown(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, c) =>
    Math.max(title.length, ...rows.map((row) => (row[c] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join(" | ")} |`;
  const rule = `| ${widths.map((width, c) => (c === 0 ? "-".repeat(width) : `${"-".repeat(width - 1)}:`)).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

console.log("Main operations (gas)\n");
const operations = await operationsBench();
console.log(
  markdown(
    ["operation", "gas"],
    operations.map(([label, value]) => [label, gas(value)]),
  ),
);

console.log("\nA 1 ETH payment at the bottom of a remix chain (steady state, gas)\n");
const depths = await depthBench();
console.log(
  markdown(
    [
      "depth",
      "naive: pay, pushing to every ancestor",
      "protocol: pay",
      "naive / protocol",
      "protocol: splits to the root",
    ],
    depths.map(({ depth, naivePay, lazyPay, lazySplitAll }) => [
      depth.toLocaleString("en-US"),
      gas(naivePay),
      gas(lazyPay),
      `${(Number((naivePay * 100n) / lazyPay) / 100).toFixed(2)}×`,
      gas(lazySplitAll),
    ]),
  ),
);

console.log("\nSDK\n");
const sdk = await sdkBench();
console.log(
  markdown(
    ["lineage read (getLineage of the root)", "depth", "JSON-RPC requests"],
    sdk.lineage.map(({ assets, depth, requests }) => [
      `${assets.toLocaleString("en-US")} assets`,
      String(depth),
      String(requests),
    ]),
  ),
);
const { claimAll } = sdk;
console.log(
  `\nclaimAll for a creator with ${claimAll.assets} paid assets in ${claimAll.tokens} tokens: ` +
    `${claimAll.transactions} transaction(s), ${gas(claimAll.gas)} gas (${gas(claimAll.gas / BigInt(claimAll.assets))} per asset)`,
);

// The target: a command spends under half a second of CPU before it asks the chain anything.
console.log("\nremix CLI: CPU time before the first JSON-RPC request (target < 500 ms)\n");
const startup = await cliStartupBench();
console.log(
  startup.length === 0
    ? "skipped: it reads CPU time from Linux's /proc"
    : markdown(
        ["command", "runs", "median CPU ms", "max CPU ms"],
        startup.map(({ command, runs, medianMs, maxMs }) => [
          `\`${command}\``,
          String(runs),
          String(medianMs),
          String(maxMs),
        ]),
      ),
);
