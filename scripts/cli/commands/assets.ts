import type { Command } from "commander";
import type { Hex } from "viem";
import {
  commitRegistration,
  formatBps,
  registerOriginal,
  quoteRemix,
  registerRemix,
  type RemixParent,
} from "../../../sdk/index.js";
import { describeAmount, parseFile, parseId, parseSalt, type WorkFile } from "../inputs.js";
import {
  checkPurchase,
  type PurchaseOptions,
  purchaseDeadline,
  purchaseOptions,
} from "../purchase.js";
import type { Action } from "../program.js";
import { CliError, print } from "../output.js";

const SALT_HELP = "reveal the commitment `remix commit` made, with the salt it printed";

/** `commit <file>`, `register <file>` and `remix <file>`: creators registering works. */
export function assetCommands(program: Command, action: Action): void {
  program
    .command("commit")
    .argument("<file>", "the work", parseFile)
    .description(
      "commit to registering a file without revealing it (nobody can register it first); " +
        "then, from a minute later and within a day, register or remix it with --salt",
    )
    .action(
      action(async (context, file: WorkFile) => {
        const committed = await commitRegistration(context.wallet(), {
          deployment: context.deployment,
          content: file.content,
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
            `reveal from a minute from now until ${until} with register (or remix) ${file.path} --salt ${committed.salt}`,
          ].join("\n"),
        );
      }),
    );

  program
    .command("register")
    .description("register an original: hashes the file (SHA-256) and records its metadata URI")
    .argument("<file>", "the work", parseFile)
    .requiredOption("--uri <metadataUri>", "where the work's metadata lives (e.g. ipfs://...)")
    .option("--salt <salt>", SALT_HELP, parseSalt)
    .action(
      action(async (context, file: WorkFile, options: { uri: string; salt?: Hex }) => {
        const { assetId, contentHash, receipt } = await registerOriginal(context.wallet(), {
          deployment: context.deployment,
          content: file.content,
          metadataUri: options.uri,
          salt: options.salt,
        });
        const result = { assetId, contentHash, transactionHash: receipt.transactionHash };
        print(context.json, result, () => `registered #${assetId} (SHA-256 ${contentHash})`);
      }),
    );

  purchaseOptions(
    program
      .command("remix")
      .description("register a remix of existing assets, buying the remix licences it lacks")
      .argument("<file>", "the work", parseFile)
      .requiredOption("--uri <metadataUri>", "where the work's metadata lives")
      .requiredOption(
        "--parent <assetId:bps>",
        "a parent and the share it gets in basis points (repeat for each parent)",
        (value: string, previous: RemixParent[] = []) => [...previous, parseParent(value)],
      )
      .option("--salt <salt>", SALT_HELP, parseSalt),
  ).action(
    action(
      async (
        context,
        file: WorkFile,
        options: PurchaseOptions & { uri: string; parent: RemixParent[]; salt?: Hex },
      ) => {
        const wallet = context.wallet();
        const parents = options.parent;
        // Quoted once: the registration is pinned to exactly the licences and prices checked.
        const [quote, deadline] = await Promise.all([
          quoteRemix(context.publicClient, {
            deployment: context.deployment,
            parents,
            remixer: wallet.account.address,
          }),
          purchaseDeadline(context, options.deadline),
        ]);
        // A refused licence reverts the registration, which says why.
        if (quote.refused.length === 0) {
          await checkPurchase(context, quote.totals, options.maxPrice, "the remix's licences");
        }
        const remix = await registerRemix(wallet, {
          deployment: context.deployment,
          content: file.content,
          metadataUri: options.uri,
          parents,
          licenceIds: quote.licenceIds,
          termsVersions: quote.termsVersions,
          maxPrices: quote.maxPrices,
          salt: options.salt,
          deadline,
        });
        const result = {
          assetId: remix.assetId,
          contentHash: remix.contentHash,
          licenceIds: remix.licenceIds,
          purchases: remix.purchases,
          transactionHash: remix.receipt.transactionHash,
        };
        const lines = await Promise.all(
          parents.map(async ({ assetId, shareBps }, i) => {
            const bought = remix.purchases.find((purchase) => purchase.parentId === assetId);
            const licence = bought
              ? `remix licence bought for ${await describeAmount(context, bought.currency, bought.price)} under terms v${bought.termsVersion}`
              : `held remix licence #${remix.licenceIds[i]}`;
            return `  parent #${assetId} gets ${formatBps(shareBps)} (${licence})`;
          }),
        );
        print(context.json, result, () =>
          [`registered remix #${remix.assetId} (SHA-256 ${remix.contentHash})`, ...lines].join(
            "\n",
          ),
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
