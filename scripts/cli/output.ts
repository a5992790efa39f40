import { ContractRevertError, RemixError } from "../../sdk/index.js";

/** A failure the CLI explains itself (bad input, missing key or deployment). */
export class CliError extends Error {
  override name = "CliError";
}

/**
 * One clear line for any error: a revert as the sentence naming its cause (and the contract's
 * error name), other SDK errors by type and short message, anything else by message.
 */
export function renderError(error: unknown): string {
  if (error instanceof CliError) return `error: ${error.message}`;
  if (error instanceof ContractRevertError) return `error: ${error.shortMessage}`;
  if (error instanceof RemixError) return `error: ${error.name}: ${error.shortMessage}`;
  if (error instanceof Error) return `error: ${error.message.split("\n")[0]}`;
  return `error: ${String(error)}`;
}

/** JSON with bigints as decimal strings, for `--json`. */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_, item: unknown) => (typeof item === "bigint" ? item.toString() : item),
    2,
  );
}

/** Prints `value` as JSON with `--json`, else the human `text`. */
export function print(json: boolean, value: unknown, text: () => string): void {
  console.log(json ? toJson(value) : text());
}
