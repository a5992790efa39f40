import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import type { Hex } from "viem";
import {
  commitRegistration,
  formatBps,
  registerOriginal,
  registerRemix,
  type RemixParent,
} from "../../../sdk/index.js";
import { parseId, parseSalt } from "../inputs.js";
import type { Action } from "../program.js";
import { CliError, print } from "../output.js";

const SALT_HELP = "reveal the commitment `remix commit` made, with the salt it printed";

/** `commit <file>`, `register <file>` and `remix <file>`: creators registering works. */
export function assetCommands(program: Command, action: Action): void {
  program
    .command("commit <file>")
    .description(
      "commit to registering a file without revealing it (nobody can register it first); " +
        "then, from a minute later and within a day, register or remix it with --salt",
    )
    .action(
      action(async (context, file: string) => {
        const content = new Uint8Array(await readFile(file));
        const committed = await commitRegistration(context.wallet(), {
          deployment: context.deployment,
          content,
        });
        const result = {
          contentHash: committed.contentHash,
          commitment: committed.commitment,
          salt: committed.salt,
          expiresAt: committed.expiresAt,
          transactionHash: committed.receipt.transactionHash,
        };
        const until = new Date(Number(committed.expiresAt) * 1_000).toISOString();
        print(context.json, result, () =>
          [
            `committed to SHA-256 ${committed.contentHash}; keep this salt secret until you reveal:`,
            `  salt ${committed.salt}`,
            `reveal from a minute from now until ${until} with register (or remix) ${file} --salt ${committed.salt}`,
          ].join("\n"),
        );
      }),
    );

  program
    .command("register <file>")
    .description("register an original: hashes the file (SHA-256) and records its metadata URI")
    .requiredOption("--uri <metadataUri>", "where the work's metadata lives (e.g. ipfs://...)")
    .option("--salt <salt>", SALT_HELP, parseSalt)
    .action(
      action(async (context, file: string, options: { uri: string; salt?: Hex }) => {
        const content = new Uint8Array(await readFile(file));
        const { assetId, contentHash, receipt } = await registerOriginal(context.wallet(), {
          deployment: context.deployment,
          content,
          metadataUri: options.uri,
          salt: options.salt,
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
    .option("--salt <salt>", SALT_HELP, parseSalt)
    .action(
      action(
        async (
          context,
          file: string,
          options: { uri: string; parent: RemixParent[]; salt?: Hex },
        ) => {
          const content = new Uint8Array(await readFile(file));
          const remix = await registerRemix(context.wallet(), {
            deployment: context.deployment,
            content,
            metadataUri: options.uri,
            parents: options.parent,
            salt: options.salt,
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
                const bought = remix.purchases.find((purchase) => purchase.parentId === assetId);
                const licence = bought
                  ? `remix licence bought under terms v${bought.termsVersion}`
                  : `held remix licence #${remix.licenceIds[i]}`;
                return `  parent #${assetId} gets ${formatBps(shareBps)} (${licence})`;
              }),
            ].join("\n"),
          );
        },
      ),
    );
}

function parseParent(value: string): RemixParent {
  const match = /^(\d+):(\d+)$/.exec(value);
  if (!match)
    throw new CliError(`--parent ${value}: expected <assetId>:<basis points>, e.g. 1:3000`);
  return { assetId: parseId(match[1] as string), shareBps: Number(match[2]) };
}
