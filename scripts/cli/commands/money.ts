import type { Command } from "commander";
import type { Address } from "viem";
import {
  approveToken,
  claimAll,
  ETH,
  previewClaimAll,
  type PreviewClaimAllReturnType,
} from "../../../sdk/index.js";
import { progressBar } from "../../lib/progress.js";
import {
  describeAmount,
  parseAddress,
  parseAmount,
  parseToken,
  requireAllowlisted,
} from "../inputs.js";
import { CliError, print } from "../output.js";
import type { Action } from "../program.js";

/** `approve`, `balance` and `claim`: token allowances, what a creator can claim, claiming it. */
export function moneyCommands(program: Command, action: Action): void {
  program
    .command("approve")
    .description(
      "let the protocol take up to <amount> of an ERC-20 from you (token payments and purchases need it)",
    )
    .argument("<token>", "the ERC-20's address", (value: string) => {
      const token = parseToken(value);
      if (token === ETH) throw new CliError("ETH needs no approval");
      return token;
    })
    .argument("<amount>", "the allowance, e.g. 100")
    .action(
      action(async (context, token: Address, amountArgument: string) => {
        await requireAllowlisted(context, token);
        const amount = await parseAmount(context, amountArgument, token);
        const { receipt } = await approveToken(context.wallet(), {
          deployment: context.deployment,
          token,
          amount,
        });
        const described = await describeAmount(context, token, amount);
        print(
          context.json,
          { token, amount, transactionHash: receipt.transactionHash },
          () => `the protocol may now take up to ${described} from you`,
        );
      }),
    );

  program
    .command("balance")
    .description("what an owner can claim now, per token and per asset, including splits pending")
    .argument("[owner]", "whose assets (default: you)", parseAddress)
    .option("--exclude-received", "leave out assets received by transfer (registered by others)")
    .action(
      action(
        async (context, owner: Address | undefined, options: { excludeReceived?: boolean }) => {
          const who = owner ?? context.wallet().account.address;
          const preview = await previewClaimAll(context.publicClient, {
            deployment: context.deployment,
            ...context.scan,
            indexer: context.indexer,
            owner: who,
            received: options.excludeReceived ? "exclude" : "include",
          });
          const totals = await Promise.all(
            preview.totals.map(({ token, amount }) => describeAmount(context, token, amount)),
          );
          const perAsset = await Promise.all(
            preview.perAsset.map(
              async ({ assetId, amounts }) =>
                `  #${assetId}: ${(await Promise.all(amounts.map(({ token, amount }) => describeAmount(context, token, amount)))).join(", ")}`,
            ),
          );
          const notes = planNotes(preview, Boolean(options.excludeReceived));
          print(context.json, preview, () =>
            [
              totals.length === 0
                ? `${who} has nothing to claim`
                : `${who} can claim ${totals.join(" and ")}`,
              ...perAsset,
              ...notes,
            ].join("\n"),
          );
        },
      ),
    );

  program
    .command("claim")
    .description("claim everything your assets are owed, in every token (splits included)")
    .option("--to <address>", "who receives the money (default: you)", parseAddress)
    .option("--exclude-received", "leave out assets received by transfer (registered by others)")
    .action(
      action(async (context, options: { to?: Address; excludeReceived?: boolean }) => {
        let bar: ReturnType<typeof progressBar> | undefined;
        const { claimed, transactions, failed, preview } = await claimAll(context.wallet(), {
          deployment: context.deployment,
          ...context.scan,
          indexer: context.indexer,
          recipient: options.to,
          received: options.excludeReceived ? "exclude" : "include",
          onTransaction: (_, done, total) => {
            if (context.json || total < 2) return;
            bar ??= progressBar("claiming", total, process.stderr);
            bar.update(done);
          },
        });
        bar?.finish();
        const amounts = await Promise.all(
          claimed.map(({ token, amount }) => describeAmount(context, token, amount)),
        );
        const result = {
          claimed,
          transactionHashes: transactions.map(({ transactionHash }) => transactionHash),
          gasUsed: transactions.reduce((sum, { gasUsed }) => sum + gasUsed, 0n),
          failed: failed.map(({ token, error }) => ({ token, error: error.message })),
          skippedSplits: preview.skippedSplits,
          skippedClaims: preview.skippedClaims,
          receivedAssetIds: preview.receivedAssetIds,
        };
        print(context.json, result, () =>
          [
            amounts.length === 0
              ? "nothing to claim"
              : `claimed ${amounts.join(" and ")} in ${transactions.length} transaction${transactions.length > 1 ? "s" : ""}`,
            ...failed.map(
              ({ token, error }) => `could not claim ${token}, left for later: ${error.message}`,
            ),
            ...planNotes(preview, Boolean(options.excludeReceived)),
          ].join("\n"),
        );
      }),
    );
}

/** What a claim plan left out, and the assets received by transfer, as lines for people. */
function planNotes(preview: PreviewClaimAllReturnType, excludeReceived: boolean): string[] {
  const notes: string[] = [];
  const unreachable = preview.skippedSplits.filter(({ reason }) => reason === "reachesNothing");
  const below = preview.skippedSplits.filter(({ reason }) => reason === "belowThreshold");
  if (unreachable.length > 0) {
    notes.push(`skipped ${unreachable.length} split(s) that bring your assets nothing`);
  }
  if (below.length > 0) {
    notes.push(`skipped ${below.length} split(s) worth less to you than their gas`);
  }
  if (preview.skippedClaims.length > 0) {
    notes.push(`skipped ${preview.skippedClaims.length} claim(s) worth less than their gas`);
  }
  if (preview.receivedAssetIds.length > 0) {
    notes.push(
      `received by transfer (registered by others)${excludeReceived ? ", left out" : ""}: ${preview.receivedAssetIds.map((id) => `#${id}`).join(", ")}`,
    );
  }
  return notes;
}
