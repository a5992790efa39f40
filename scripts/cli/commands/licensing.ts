import type { Command } from "commander";
import {
  buyLicence,
  formatBps,
  buyLicences,
  getLicences,
  type LicenceTermsInput,
  pay,
  payForUse,
  setTerms,
} from "../../../sdk/index.js";
import {
  describeAmount,
  kindName,
  parseAmount,
  parseId,
  parseKind,
  parseToken,
  parseWhole,
} from "../amounts.js";
import { print } from "../output.js";
import type { Action } from "../program.js";

type TermsOptions = {
  kind: string;
  price?: string;
  currency: string;
  duration?: string;
  minShare?: string;
  documentUri?: string;
  refuse?: boolean;
};

/** `terms`, `licence buy`, `pay` and `licences`: licensing and paid uses. */
export function licensingCommands(program: Command, action: Action): void {
  program
    .command("terms <assetId>")
    .description("publish the terms of one use kind of an asset you own")
    .requiredOption("--kind <kind>", "view, commercial, remix, ai-training or ai-inference")
    .option("--price <amount>", "price per licence (per view for view), e.g. 0.05")
    .option("--currency <token>", "eth or an allowlisted token address", "eth")
    .option("--duration <seconds>", "how long a licence lasts (default: perpetual)")
    .option("--min-share <bps>", "remix: the least share a remix must give, in basis points")
    .option("--document-uri <uri>", "where the terms document lives")
    .option("--refuse", "refuse this use (publish terms that allow nothing)")
    .action(
      action(async (context, id: string, options: TermsOptions) => {
        const currency = parseToken(options.currency);
        const price = options.price ? await parseAmount(context, options.price, currency) : 0n;
        const terms: LicenceTermsInput = {
          allowed: !options.refuse,
          currency,
          price,
          ...(options.duration ? { duration: parseWhole(options.duration, "--duration") } : {}),
          ...(options.minShare
            ? { minShareBps: Number(parseWhole(options.minShare, "--min-share")) }
            : {}),
          ...(options.documentUri ? { documentUri: options.documentUri } : {}),
        };
        const assetId = parseId(id);
        const kind = parseKind(options.kind);
        const { version, receipt } = await setTerms(context.wallet(), {
          deployment: context.deployment,
          assetId,
          kind,
          terms,
        });
        const described = [
          price === 0n ? "free" : await describeAmount(context, currency, price),
          ...(terms.minShareBps ? [`remixes give at least ${formatBps(terms.minShareBps)}`] : []),
          ...(terms.duration ? [`lasts ${terms.duration} s`] : []),
        ].join(", ");
        print(
          context.json,
          { assetId, kind: options.kind, version, transactionHash: receipt.transactionHash },
          () =>
            options.refuse
              ? `#${assetId} refuses ${options.kind} (terms v${version})`
              : `#${assetId} ${options.kind} terms v${version}: ${described}`,
        );
      }),
    );

  program
    .command("licence")
    .description("licences: buy")
    .command("buy <assetIds...>")
    .description("buy a licence for one asset, or for many in one bulk transaction")
    .requiredOption("--kind <kind>", "commercial, remix, ai-training or ai-inference")
    .option("--recipient <address>", "who holds the licences (default: you)")
    .action(
      action(
        async (context, ids: string[], options: { kind: string; recipient?: `0x${string}` }) => {
          const assetIds = ids.map(parseId);
          const kind = parseKind(options.kind);
          const common = { deployment: context.deployment, kind, recipient: options.recipient };
          const wallet = context.wallet();
          const bought =
            assetIds.length === 1
              ? await buyLicence(wallet, { ...common, assetId: assetIds[0] as bigint }).then(
                  (one) => ({
                    licenceIds: [one.licenceId],
                    totals: [{ currency: one.currency, amount: one.price }],
                    receipt: one.receipt,
                  }),
                )
              : await buyLicences(wallet, { ...common, assetIds });
          const paid = await Promise.all(
            bought.totals.map(({ currency, amount }) => describeAmount(context, currency, amount)),
          );
          const result = {
            licenceIds: bought.licenceIds,
            totals: bought.totals,
            gasUsed: bought.receipt.gasUsed,
            transactionHash: bought.receipt.transactionHash,
          };
          print(
            context.json,
            result,
            () =>
              `bought ${bought.licenceIds.length} ${options.kind} licence${bought.licenceIds.length > 1 ? "s" : ""} (#${bought.licenceIds.join(", #")}) for ${paid.join(" and ")} in one transaction`,
          );
        },
      ),
    );

  program
    .command("pay <assetId>")
    .description("pay for views at the asset's view price, or pay an amount for a use")
    .option("--views <count>", "views to pay for at the published view price", "1")
    .option("--amount <amount>", "pay this amount instead (e.g. a commercial use), with --token")
    .option("--token <token>", "eth or an allowlisted token address, with --amount", "eth")
    .action(
      action(
        async (context, id: string, options: { views: string; amount?: string; token: string }) => {
          const assetId = parseId(id);
          const wallet = context.wallet();
          const { deployment } = context;
          if (options.amount !== undefined) {
            const token = parseToken(options.token);
            const amount = await parseAmount(context, options.amount, token);
            const { receipt, fee } = await pay(wallet, { deployment, assetId, token, amount });
            const described = await describeAmount(context, token, amount);
            print(
              context.json,
              { assetId, token, amount, fee, transactionHash: receipt.transactionHash },
              () => `paid ${described} for #${assetId}`,
            );
            return;
          }
          const count = parseWhole(options.views, "--views", 1n);
          const paid = await payForUse(wallet, { deployment, assetId, count });
          const described = await describeAmount(context, paid.currency, paid.total);
          print(
            context.json,
            {
              assetId,
              views: count,
              currency: paid.currency,
              total: paid.total,
              transactionHash: paid.receipt.transactionHash,
            },
            () => `paid ${described} for ${count} view${count > 1n ? "s" : ""} of #${assetId}`,
          );
        },
      ),
    );

  program
    .command("licences <holder>")
    .description("every licence a holder was issued, and whether each is usable")
    .option("--kind <kind>", "only this use kind")
    .action(
      action(async (context, holder: `0x${string}`, options: { kind?: string }) => {
        const licences = await getLicences(context.publicClient, {
          deployment: context.deployment,
          ...context.scan,
          holder,
          ...(options.kind ? { kind: parseKind(options.kind) } : {}),
        });
        print(context.json, licences, () =>
          licences.length === 0
            ? `${holder} holds no licences`
            : licences
                .map(
                  (licence) =>
                    `#${licence.licenceId} ${kindName(licence.kind)} of asset #${licence.assetId} (terms v${licence.termsVersion}), ` +
                    `${licence.expiresAt === null ? "perpetual" : `until ${new Date(Number(licence.expiresAt) * 1000).toISOString()}`}` +
                    `${licence.consumedBy === null ? "" : `, used by remix #${licence.consumedBy}`}: ${licence.usable ? "usable" : "not usable"}`,
                )
                .join("\n"),
        );
      }),
    );
}
