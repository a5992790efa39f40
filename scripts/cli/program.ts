import { Command } from "commander";
import { auditCommands } from "./commands/audit.js";
import { assetCommands } from "./commands/assets.js";
import { licensingCommands } from "./commands/licensing.js";
import { moneyCommands } from "./commands/money.js";
import {
  type CliContext,
  createContext,
  type GlobalOptions,
  PRIVATE_KEY_VARIABLE,
} from "./context.js";

/** Wraps a command's body: connects first, with the program's global options. */
export type Action = <args extends unknown[]>(
  body: (context: CliContext, ...args: args) => Promise<void>,
) => (...args: args) => Promise<void>;

/** The `remix` program: creators' and auditors' commands over any JSON-RPC endpoint. */
export function remixProgram(): Command {
  const program = new Command("remix")
    .description("Remix royalties: register, license, pay, claim and audit, over JSON-RPC")
    .option(
      "--rpc-url <url>",
      "JSON-RPC endpoint",
      process.env.REMIX_RPC_URL ?? "http://127.0.0.1:8545",
    )
    .option(
      "--network <name>",
      "a network of hardhat.config.ts instead (its accounts sign; keys may live in Hardhat's keystore)",
    )
    .option(
      "--deployment <file>",
      "Ignition deployed_addresses.json (default: ignition/deployments/chain-<id>/)",
    )
    .option("--from-block <block>", "the deployment's block: log scans start there (default 0)")
    .option(
      "--max-block-range <blocks>",
      "scan logs in ranges of this many blocks (for providers that cap eth_getLogs)",
    )
    .option("--json", "print JSON for scripts")
    .addHelpText(
      "after",
      `\nWrites sign with the key in ${PRIVATE_KEY_VARIABLE} (or --network's accounts); keys are never arguments.`,
    );
  const action: Action =
    (body) =>
    async (...args) =>
      body(await createContext(program.opts<GlobalOptions>()), ...args);
  assetCommands(program, action);
  licensingCommands(program, action);
  moneyCommands(program, action);
  auditCommands(program, action);
  return program;
}
