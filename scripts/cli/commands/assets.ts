import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import {
  formatBps,
  registerOriginal,
  registerRemix,
  type RemixParent,
} from "../../../sdk/index.js";
import { parseId } from "../inputs.js";
import type { Action } from "../program.js";
import { CliError, print } from "../output.js";

/** `register <file>` and `remix <file>`: creators registering works. */
export function assetCommands(program: Command, action: Action): void {
  program
    .command("register <file>")
    .description("register an original: hashes the file (SHA-256) and records its metadata URI")
    .requiredOption("--uri <metadataUri>", "where the work's metadata lives (e.g. ipfs://...)")
    .action(
      action(async (context, file: string, options: { uri: string }) => {
        const content = new Uint8Array(await readFile(file));
        const { assetId, contentHash, receipt } = await registerOriginal(context.wallet(), {
          deployment: context.deployment,
          content,
          metadataUri: options.uri,
        });
        const result = { assetId, contentHash, transactionHash: receipt.transactionHash };
        print(context.json, result, () => `registered #${assetId} (SHA-256 ${contentHash})`);
      }),
    );

  program
    .command("remix <file>")
    .description("register a remix of existing assets, buying the remix licences it lacks")
    .requiredOption("--uri <metadataUri>", "where the work's metadata lives")
    .requiredOption(
      "--parent <assetId:bps>",
      "a parent and the share it gets in basis points (repeat for each parent)",
      (value: string, previous: RemixParent[] = []) => [...previous, parseParent(value)],
    )
    .action(
      action(async (context, file: string, options: { uri: string; parent: RemixParent[] }) => {
        const content = new Uint8Array(await readFile(file));
        const remix = await registerRemix(context.wallet(), {
          deployment: context.deployment,
          content,
          metadataUri: options.uri,
          parents: options.parent,
        });
        const result = {
          assetId: remix.assetId,
          contentHash: remix.contentHash,
          licenceIds: remix.licenceIds,
          purchases: remix.purchases,
          transactionHash: remix.receipt.transactionHash,
        };
        print(context.json, result, () =>
          [
            `registered remix #${remix.assetId} (SHA-256 ${remix.contentHash})`,
            ...options.parent.map(({ assetId, shareBps }, i) => {
              const licenceId = remix.licenceIds[i];
              const bought = remix.purchases.find((purchase) => purchase.licenceId === licenceId);
              const how = bought ? `bought under terms v${bought.termsVersion}` : "held";
              return `  parent #${assetId} gets ${formatBps(shareBps)} (remix licence #${licenceId}, ${how})`;
            }),
          ].join("\n"),
        );
      }),
    );
}

function parseParent(value: string): RemixParent {
  const match = /^(\d+):(\d+)$/.exec(value);
  if (!match)
    throw new CliError(`--parent ${value}: expected <assetId>:<basis points>, e.g. 1:3000`);
  return { assetId: parseId(match[1] as string), shareBps: Number(match[2]) };
}
