import type { Command } from "commander";
import type { Address } from "viem";
import {
  auditProtocol,
  formatDiscrepancy,
  formatLineageDot,
  formatLineageMermaid,
  formatLineageTree,
  getLineage,
  type LineageDirection,
} from "../../../sdk/index.js";
import { progressBar } from "../../lib/progress.js";
import { reconciliationTable } from "../../lib/reconciliationTable.js";
import { parseId, parseWhole, tokenUnit } from "../inputs.js";
import type { CliContext } from "../context.js";
import { CliError, print, toJson } from "../output.js";
import type { Action } from "../program.js";

const FORMATS = ["tree", "json", "dot", "mermaid"] as const;
const DIRECTIONS = ["ancestors", "descendants", "both"] as const;

/** A parser accepting only `choices` for `option`. */
function oneOf<const choices extends readonly string[]>(option: string, choices: choices) {
  return (value: string): choices[number] => {
    if (!choices.includes(value)) {
      throw new CliError(`${option} ${value}: expected ${choices.join(", ")}`);
    }
    return value as choices[number];
  };
}

/** `lineage` and `audit`: what auditors read. */
export function auditCommands(program: Command, action: Action): void {
  program
    .command("lineage")
    .description("an asset's ancestors and descendants, with the share on every link")
    .argument("<assetId>", "the asset", parseId)
    .option(
      `--format <format>`,
      `${FORMATS.join(", ")} (default: tree)`,
      oneOf("--format", FORMATS),
      "tree",
    )
    .option(
      "--direction <direction>",
      "ancestors, descendants or both (default: both)",
      oneOf("--direction", DIRECTIONS),
      "both",
    )
    .option(
      "--max-branches <count>",
      "tree: children drawn per asset before counting the rest (default: 20)",
      (value: string) => Number(parseWhole(value, "--max-branches", 1n)),
      20,
    )
    .action(
      action(
        async (
          context,
          assetId: bigint,
          options: {
            format: (typeof FORMATS)[number];
            direction: LineageDirection;
            maxBranches: number;
          },
        ) => {
          const { maxBranches } = options;
          const lineage = await getLineage(context.publicClient, {
            deployment: context.deployment,
            ...context.scan,
            indexer: context.indexer,
            assetId,
            direction: options.direction,
          });
          const drawn = {
            tree: () =>
              formatLineageTree(lineage, {
                maxBranches,
              }),
            json: () => toJson(lineage),
            dot: () => formatLineageDot(lineage),
            mermaid: () => formatLineageMermaid(lineage),
          }[options.format];
          console.log(context.json ? toJson(lineage) : drawn());
        },
      ),
    );

  program
    .command("audit")
    .description(
      "rebuild every flow from the events and check conservation and solvency per token (exit 1 if anything does not reconcile)",
    )
    .action(
      action(async (context) => {
        let bar: ReturnType<typeof progressBar> | undefined;
        const audit = await auditProtocol(context.publicClient, {
          deployment: context.deployment,
          ...context.scan,
          indexer: context.indexer,
          // A scan of more than one page shows how far it has got (on stderr: stdout is the report).
          onProgress: ({ fromBlock, toBlock, scannedTo }) => {
            if (context.json || (bar === undefined && scannedTo === toBlock)) return;
            bar ??= progressBar(
              "reading logs (blocks)",
              Number(toBlock - fromBlock + 1n),
              process.stderr,
            );
            bar.update(Number(scannedTo - fromBlock + 1n));
          },
        });
        bar?.finish();
        const units = await tokenUnits(
          context,
          audit.tokens.map(({ token }) => token),
        );
        print(context.json, audit, () =>
          [
            `audit at block ${audit.blockNumber}: ${audit.eventCount} money events over ${audit.assetCount} assets`,
            reconciliationTable(
              audit.tokens,
              (token) => units.get(token) ?? { symbol: token, decimals: 0 },
            ),
            ...(audit.indexerCompared === undefined
              ? []
              : [
                  `three-way: ${audit.indexerCompared} indexed balances and fee totals compared with the contract at block ${audit.blockNumber}`,
                ]),
            ...audit.discrepancies.map(
              (found) => `✗ ${formatDiscrepancy(found, (token) => units.get(token)?.symbol)}`,
            ),
            ...audit.tokens
              .filter(({ solvent }) => !solvent)
              .map(
                ({ token, surplus }) =>
                  `✗ ${units.get(token)?.symbol}: insolvent, short by ${-surplus}`,
              ),
            ...audit.tokens
              .filter(({ surplus }) => surplus > 0n)
              .map(
                ({ token, surplus }) =>
                  `note: the contract holds ${surplus} base units of ${units.get(token)?.symbol} more than it owes (sent to it directly, owed to no one)`,
              ),
            audit.ok ? "audit passed" : "AUDIT FAILED",
          ].join("\n"),
        );
        if (!audit.ok) process.exitCode = 1;
      }),
    );
}

async function tokenUnits(context: CliContext, tokens: readonly Address[]) {
  const entries = await Promise.all(
    tokens.map(async (token) => {
      // A token whose decimals cannot be read is shown in base units rather than failing the audit.
      const unit = await tokenUnit(context, token).catch(() => ({ symbol: token, decimals: 0 }));
      return [token, unit] as const;
    }),
  );
  return new Map(entries);
}
