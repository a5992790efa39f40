import type { Command } from "commander";
import type { Address } from "viem";
import { claimAll, previewClaimAll } from "../../../sdk/index.js";
import { progressBar } from "../../lib/progress.js";
import { describeAmount } from "../amounts.js";
import { print } from "../output.js";
import type { Action } from "../program.js";

/** `balance` and `claim`: what a creator can claim, and claiming it. */
export function moneyCommands(program: Command, action: Action): void {
  program
    .command("balance [owner]")
    .description("what an owner can claim now, per token and per asset, including splits pending")
    .action(
      action(async (context, owner: Address | undefined) => {
        const who = owner ?? context.wallet().account.address;
        const preview = await previewClaimAll(context.publicClient, {
          deployment: context.deployment,
          owner: who,
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
        print(context.json, preview, () =>
          totals.length === 0
            ? `${who} has nothing to claim`
            : [`${who} can claim ${totals.join(" and ")}`, ...perAsset].join("\n"),
        );
      }),
    );

  program
    .command("claim")
    .description("claim everything your assets are owed, in every token (splits included)")
    .option("--to <address>", "who receives the money (default: you)")
    .action(
      action(async (context, options: { to?: Address }) => {
        let bar: ReturnType<typeof progressBar> | undefined;
        const { claimed, transactions } = await claimAll(context.wallet(), {
          deployment: context.deployment,
          recipient: options.to,
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
        };
        print(context.json, result, () =>
          amounts.length === 0
            ? "nothing to claim"
            : `claimed ${amounts.join(" and ")} in ${transactions.length} transaction${transactions.length > 1 ? "s" : ""}`,
        );
      }),
    );
}
