import { readFileSync, statSync } from "node:fs";
import { type Address, erc20Abi, type Hex, isAddress, parseUnits } from "viem";
import { ETH, getProtocolConfig, UseKind } from "../../sdk/index.js";
import { formatAmount } from "../lib/format.js";
import type { CliContext } from "./context.js";
import { CliError } from "./output.js";

/** `eth` (any case) for ETH, else a token address. */
export function parseToken(value: string): Address {
  if (value.toLowerCase() === "eth") return ETH;
  if (!isAddress(value)) throw new CliError(`${value} is neither "eth" nor a token address`);
  return value;
}

/**
 * Refuses a token the protocol does not accept (before its decimals are read: an address that is
 * no token at all has none). ETH is always accepted.
 */
export async function requireAllowlisted(context: CliContext, token: Address): Promise<void> {
  if (token === ETH) return;
  const { tokens } = await getProtocolConfig(context.publicClient, {
    deployment: context.deployment,
    tokens: [token],
  });
  if (!tokens[0]?.allowed) {
    throw new CliError(
      `${token} is not an allowlisted token (the protocol takes ETH and the tokens its owner allowlisted)`,
    );
  }
}

/** How a token's amounts are written. */
export type TokenUnit = { symbol: string; decimals: number };

const units = new WeakMap<CliContext, Map<Address, Promise<TokenUnit>>>();

/**
 * `token`'s symbol and decimals (ETH: 18), read once per run. `decimals` must be readable (amounts
 * depend on it); a token without `symbol()` is named by its address.
 */
export function tokenUnit(context: CliContext, token: Address): Promise<TokenUnit> {
  let known = units.get(context);
  if (!known) units.set(context, (known = new Map()));
  let unit = known.get(token);
  if (!unit) {
    unit =
      token === ETH
        ? Promise.resolve({ symbol: "ETH", decimals: 18 })
        : Promise.all([
            context.publicClient.readContract({
              address: token,
              abi: erc20Abi,
              functionName: "decimals",
            }),
            context.publicClient
              .readContract({ address: token, abi: erc20Abi, functionName: "symbol" })
              .catch(() => token),
          ]).then(([decimals, symbol]) => ({ symbol, decimals }));
    known.set(token, unit);
  }
  return unit;
}

/** Decimals of `token` (18 for ETH), read from the chain. */
export async function decimalsOf(context: CliContext, token: Address): Promise<number> {
  return (await tokenUnit(context, token)).decimals;
}

/** A decimal amount such as `1.5` in `token`'s smallest unit, exactly (no floating point). */
export async function parseAmount(
  context: CliContext,
  value: string,
  token: Address,
): Promise<bigint> {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new CliError(`${value} is not a decimal amount`);
  const decimals = await decimalsOf(context, token);
  const fraction = value.split(".")[1] ?? "";
  if (fraction.length > decimals) {
    throw new CliError(`${value} has more than the token's ${decimals} decimals`);
  }
  return parseUnits(value, decimals);
}

/** An address (any checksum casing). */
export function parseAddress(value: string): Address {
  if (!isAddress(value, { strict: false })) throw new CliError(`${value} is not an address`);
  return value;
}

/** A positive integer id (asset or licence). */
export function parseId(value: string): bigint {
  if (!/^\d+$/.test(value) || BigInt(value) === 0n) throw new CliError(`${value} is not an id`);
  return BigInt(value);
}

const KINDS: Record<string, UseKind> = {
  view: UseKind.View,
  commercial: UseKind.Commercial,
  remix: UseKind.Remix,
  "ai-training": UseKind.AITraining,
  "ai-inference": UseKind.AIInference,
};

/** A use kind by its CLI name: view, commercial, remix, ai-training, ai-inference. */
export function parseKind(value: string): UseKind {
  const kind = KINDS[value];
  if (kind === undefined) {
    throw new CliError(`${value} is not a use kind (${Object.keys(KINDS).join(", ")})`);
  }
  return kind;
}

/** The CLI name of a use kind. */
export function kindName(kind: UseKind): string {
  return Object.keys(KINDS).find((name) => KINDS[name] === kind) ?? String(kind);
}

/**
 * `amount` of `token` for people: `1.50 ETH`, `1,000.00 dUSD`. Never fails (it runs after writes
 * have succeeded): when the token's units cannot be read, the amount is given in base units.
 */
export async function describeAmount(
  context: CliContext,
  token: Address,
  amount: bigint,
): Promise<string> {
  try {
    const { symbol, decimals } = await tokenUnit(context, token);
    return `${formatAmount(amount, decimals)} ${symbol}`;
  } catch {
    return `${amount} base units of ${token}`;
  }
}

/** A whole number of at least `min` (counts, seconds), exactly. */
export function parseWhole(value: string, option: string, min = 0n): bigint {
  if (!/^\d+$/.test(value) || BigInt(value) < min) {
    throw new CliError(`${option} ${value}: expected a whole number of at least ${min}`);
  }
  return BigInt(value);
}

/** A commitment's salt: 32 bytes of hex, as `remix commit` printed it. */
export function parseSalt(value: string): Hex {
  if (!/^0x[0-9a-fA-F]{64}$/.test(value) || BigInt(value) === 0n) {
    throw new CliError(`--salt ${value}: expected the 32-byte hex salt that remix commit printed`);
  }
  return value as Hex;
}

/** A work to register: its path and its bytes. */
export type WorkFile = { path: string; content: Uint8Array };

/**
 * The file at `path`, read when the arguments are parsed: a missing file, a directory or an empty
 * file is refused before anything connects to the chain.
 */
export function parseFile(path: string): WorkFile {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new CliError(`${path} is a directory, not a file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === "ENOENT" ? `${path}: no such file` : `cannot read ${path} (${code})`,
    );
  }
  if (size === 0) throw new CliError(`${path} is empty: there is nothing to register`);
  try {
    return { path, content: new Uint8Array(readFileSync(path)) };
  } catch (error) {
    throw new CliError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code})`);
  }
}
