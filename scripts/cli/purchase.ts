import { type Command, Option } from "commander";
import { type Address, isAddressEqual } from "viem";
import type { CurrencyAmount } from "../../sdk/index.js";
import type { CliContext } from "./context.js";
import { describeAmount, parseAmount, parseToken, parseWhole } from "./inputs.js";
import { CliError } from "./output.js";

/** A `--max-price` as written: a decimal amount, in `token` or in the purchase's one currency. */
export type PriceCap = { amount: string; token?: Address };

/** The options every purchase takes. */
export type PurchaseOptions = { maxPrice?: PriceCap[]; deadline?: bigint };

/**
 * Adds `--max-price` and `--deadline` to a purchase command. `conflicts` names options of the
 * command that pay an exact amount, with which neither makes sense.
 */
export function purchaseOptions(command: Command, conflicts: string[] = []): Command {
  return command
    .addOption(
      new Option(
        "--max-price <amount[:token]>",
        "refuse to pay more than this in all (per currency: repeat with :eth or :<token>)",
      )
        .argParser((value: string, previous: PriceCap[] = []) => [...previous, parseCap(value)])
        .conflicts(conflicts),
    )
    .addOption(
      new Option(
        "--deadline <seconds>",
        "give up unless included within this many seconds (default: an hour)",
      )
        .argParser((value: string) => parseWhole(value, "--deadline", 1n))
        .conflicts(conflicts),
    );
}

function parseCap(value: string): PriceCap {
  const [amount, token, extra] = value.split(":");
  if (!amount || !/^\d+(\.\d+)?$/.test(amount) || extra !== undefined || token === "") {
    throw new CliError(`--max-price ${value}: expected <amount> or <amount>:<token>, e.g. 0.5:eth`);
  }
  return token === undefined ? { amount } : { amount, token: parseToken(token) };
}

/**
 * Checks what a purchase will pay (`totals`, per currency, from the quote it is pinned to)
 * against the buyer's `--max-price` caps, then tells the buyer (on stderr, as text) what it is
 * about to pay. A cap without a token applies to the purchase's only currency; once any cap is
 * given, every currency the purchase pays in must have one.
 */
export async function checkPurchase(
  context: CliContext,
  totals: readonly CurrencyAmount[],
  caps: readonly PriceCap[] | undefined,
  what: string,
): Promise<void> {
  const paid = totals.filter(({ amount }) => amount > 0n);
  const described = await Promise.all(
    paid.map(({ currency, amount }) => describeAmount(context, currency, amount)),
  );
  if (caps !== undefined) {
    if (caps.some(({ token }) => token === undefined)) {
      if (caps.length > 1) {
        throw new CliError("a --max-price without a token must be the only one");
      }
      if (paid.length > 1) {
        throw new CliError(
          `${what} would cost ${described.join(" and ")}: give a --max-price <amount>:<token> for each`,
        );
      }
    }
    for (const [index, { currency, amount }] of paid.entries()) {
      const cap = caps.find(({ token }) => token === undefined || isAddressEqual(token, currency));
      if (!cap)
        throw new CliError(`${what} would cost ${described[index]}, and no --max-price caps it`);
      const most = await parseAmount(context, cap.amount, currency);
      if (amount > most) {
        throw new CliError(
          `${what} would cost ${described[index]}, more than --max-price ${await describeAmount(context, currency, most)}`,
        );
      }
    }
  }
  if (!context.json) {
    process.stderr.write(`${what}: paying ${described.join(" and ") || "nothing"}\n`);
  }
}

/** The deadline of a purchase `seconds` from the chain's latest block, or the SDK's default. */
export async function purchaseDeadline(
  context: CliContext,
  seconds: bigint | undefined,
): Promise<bigint | undefined> {
  if (seconds === undefined) return undefined;
  const block = await context.publicClient.getBlock({ blockTag: "latest" });
  return block.timestamp + seconds;
}
