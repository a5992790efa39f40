import { type Command, Option } from "commander";
import type { Address } from "viem";
import {
  buyLicence,
  ETH,
  formatBps,
  buyLicences,
  getLicences,
  type LicenceTermsInput,
  pay,
  payForUse,
  quoteLicence,
  quoteLicences,
  setTerms,
  sumByCurrency,
  UseKind,
} from "../../../sdk/index.js";
import {
  describeAmount,
  kindName,
  parseAmount,
  parseAddress,
  parseId,
  parseKind,
  parseToken,
  parseWhole,
  requireAllowlisted,
} from "../inputs.js";
import { CliError, print } from "../output.js";
import {
  checkPurchase,
  type PurchaseOptions,
  purchaseDeadline,
  purchaseOptions,
} from "../purchase.js";
import type { Action } from "../program.js";

type TermsOptions = {
  kind: UseKind;
  price?: string;
  currency: Address;
  duration?: bigint;
  minShare?: number;
  documentUri?: string;
  refuse?: boolean;
};

/** `terms`, `licence buy`, `pay` and `licences`: licensing and paid uses. */
export function licensingCommands(program: Command, action: Action): void {
  program
    .command("terms")
    .description("publish the terms of one use kind of an asset you own")
    .argument("<assetId>", "the asset", parseId)
    .requiredOption(
      "--kind <kind>",
      "view, commercial, remix, ai-training or ai-inference",
      parseKind,
    )
    .option("--price <amount>", "price per licence (per view for view), e.g. 0.05")
    .option(
      "--currency <token>",
      "eth or an allowlisted token address (default: eth)",
      parseToken,
      ETH,
    )
    .option(
      "--duration <seconds>",
      "how long a licence lasts (default: perpetual)",
      (value: string) => parseWhole(value, "--duration"),
    )
    .option(
      "--min-share <bps>",
      "remix: the least share a remix must give, in basis points",
      (value: string) => Number(parseWhole(value, "--min-share")),
    )
    .option("--document-uri <uri>", "where the terms document lives")
    .addOption(
      new Option("--refuse", "refuse this use (publish terms that allow nothing)").conflicts([
        "price",
        "currency",
        "duration",
        "minShare",
        "documentUri",
      ]),
    )
    .action(
      action(async (context, assetId: bigint, options: TermsOptions) => {
        const { currency, kind } = options;
        if (options.minShare !== undefined && kind !== UseKind.Remix) {
          throw new CliError(`--min-share applies to --kind remix only, not ${kindName(kind)}`);
        }
        await requireAllowlisted(context, currency);
        const price = options.price ? await parseAmount(context, options.price, currency) : 0n;
        const terms: LicenceTermsInput = {
          allowed: !options.refuse,
          currency,
          price,
          ...(options.duration !== undefined ? { duration: options.duration } : {}),
          ...(options.minShare !== undefined ? { minShareBps: options.minShare } : {}),
          ...(options.documentUri ? { documentUri: options.documentUri } : {}),
        };
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
          { assetId, kind: kindName(kind), version, transactionHash: receipt.transactionHash },
          () =>
            options.refuse
              ? `#${assetId} refuses ${kindName(kind)} (terms v${version})`
              : `#${assetId} ${kindName(kind)} terms v${version}: ${described}`,
        );
      }),
    );

  purchaseOptions(
    program
      .command("licence")
      .description("licences: buy")
      .command("buy")
      .description("buy a licence for one asset, or for many in one bulk transaction")
      .argument("<assetIds...>", "the assets", (value: string, previous: bigint[] = []) => {
        const assetId = parseId(value);
        if (previous.includes(assetId)) {
          throw new CliError(`asset ${assetId} is listed twice: a purchase buys one licence each`);
        }
        return [...previous, assetId];
      })
      .requiredOption("--kind <kind>", "commercial, remix, ai-training or ai-inference", parseKind)
      .option("--recipient <address>", "who holds the licences (default: you)", parseAddress),
  ).action(
    action(
      async (
        context,
        assetIds: bigint[],
        options: PurchaseOptions & { kind: UseKind; recipient?: Address },
      ) => {
        const { kind } = options;
        const [quotes, deadline] = await Promise.all([
          quoteLicences(context.publicClient, { deployment: context.deployment, assetIds, kind }),
          purchaseDeadline(context, options.deadline),
        ]);
        const what = `${assetIds.length === 1 ? "the licence" : `${assetIds.length} licences`}`;
        const totals = sumByCurrency(
          quotes.map(({ currency, price }) => ({ currency, amount: price })),
        );
        // Pinned to the quote checked: new terms or a higher price before inclusion revert. A
        // refused use reverts the purchase, which says why.
        if (quotes.every(({ allowed }) => allowed)) {
          await checkPurchase(context, totals, options.maxPrice, what);
        }
        const common = {
          deployment: context.deployment,
          kind,
          recipient: options.recipient,
          deadline,
        };
        const wallet = context.wallet();
        const [first] = quotes as [(typeof quotes)[number]];
        const bought =
          assetIds.length === 1
            ? await buyLicence(wallet, {
                ...common,
                assetId: first.assetId,
                termsVersion: first.version,
                maxPrice: { currency: first.currency, amount: first.price },
              }).then((one) => ({
                licenceIds: [one.licenceId],
                termsVersions: [one.termsVersion],
                totals: [{ currency: one.currency, amount: one.price }],
                receipt: one.receipt,
              }))
            : await buyLicences(wallet, {
                ...common,
                assetIds,
                termsVersions: quotes.map(({ version }) => version),
                maxTotals: totals,
              });
        const paid = await Promise.all(
          bought.totals.map(({ currency, amount }) => describeAmount(context, currency, amount)),
        );
        const result = {
          licenceIds: bought.licenceIds,
          termsVersions: bought.termsVersions,
          totals: bought.totals,
          gasUsed: bought.receipt.gasUsed,
          transactionHash: bought.receipt.transactionHash,
        };
        print(
          context.json,
          result,
          () =>
            `bought ${bought.licenceIds.length} ${kindName(kind)} licence${bought.licenceIds.length > 1 ? "s" : ""} (${bought.licenceIds.map((id, i) => `#${id} under terms v${bought.termsVersions[i]}`).join(", ")}) for ${paid.join(" and ") || "nothing"} in one transaction`,
        );
      },
    ),
  );

  purchaseOptions(
    program
      .command("pay")
      .description("pay for views at the asset's view price, or pay an amount for a use")
      .argument("<assetId>", "the asset", parseId)
      .addOption(
        new Option(
          "--views <count>",
          "views to pay for at the published view price (default: 1)",
        ).argParser((value: string) => parseWhole(value, "--views", 1n)),
      )
      .addOption(
        new Option(
          "--amount <amount>",
          "pay exactly this amount instead (e.g. a commercial use), in --token",
        ).conflicts("views"),
      )
      .option("--token <token>", "eth or an allowlisted token address, with --amount", parseToken),
    ["amount"],
  ).action(
    action(
      async (
        context,
        assetId: bigint,
        options: PurchaseOptions & { views?: bigint; amount?: string; token?: Address },
      ) => {
        const wallet = context.wallet();
        const { deployment } = context;
        if (options.amount !== undefined) {
          const token = options.token ?? ETH;
          await requireAllowlisted(context, token);
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
        if (options.token !== undefined) {
          throw new CliError(
            "--token goes with --amount: views are paid in the view price's currency",
          );
        }
        const count = options.views ?? 1n;
        const [quote, deadline] = await Promise.all([
          quoteLicence(context.publicClient, { deployment, assetId, kind: UseKind.View }),
          purchaseDeadline(context, options.deadline),
        ]);
        const views = `${count} view${count > 1n ? "s" : ""} of #${assetId}`;
        const maxTotal = { currency: quote.currency, amount: quote.price * count };
        if (quote.allowed) await checkPurchase(context, [maxTotal], options.maxPrice, views);
        const paid = await payForUse(wallet, {
          deployment,
          assetId,
          count,
          termsVersion: quote.version,
          maxTotal,
          deadline,
        });
        const described = await describeAmount(context, paid.currency, paid.total);
        print(
          context.json,
          {
            assetId,
            views: count,
            currency: paid.currency,
            total: paid.total,
            termsVersion: paid.termsVersion,
            transactionHash: paid.receipt.transactionHash,
          },
          () => `paid ${described} for ${views} under terms v${paid.termsVersion}`,
        );
      },
    ),
  );

  program
    .command("licences")
    .description("every licence a holder was issued, and whether each is usable")
    .argument("<holder>", "the holder's address", parseAddress)
    .option("--kind <kind>", "only this use kind", parseKind)
    .action(
      action(async (context, holder: Address, options: { kind?: UseKind }) => {
        const licences = await getLicences(context.publicClient, {
          deployment: context.deployment,
          ...context.scan,
          indexer: context.indexer,
          holder,
          ...(options.kind === undefined ? {} : { kind: options.kind }),
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
