import { Command } from "commander";
import { InsufficientAllowanceError } from "../../sdk/index.js";
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
import { describeAmount } from "./inputs.js";
import { CliError } from "./output.js";

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
    .option(
      "--indexer <url>",
      "an indexer of the deployment (npm run indexer): lineage, balance, claim and licences read it instead of logs; audit compares it",
      process.env.REMIX_INDEXER_URL,
    )
    .option("--json", "print JSON for scripts")
    .addHelpText(
      "after",
      `\nWrites sign with the key in ${PRIVATE_KEY_VARIABLE} (or --network's accounts); keys are never arguments.`,
    );
  const action: Action =
    (body) =>
    async (...args) => {
      const context = await createContext(program.opts<GlobalOptions>());
      try {
        await body(context, ...args);
      } catch (error) {
        throw error instanceof InsufficientAllowanceError
          ? await allowanceHint(context, error)
          : error;
      }
    };
  assetCommands(program, action);
  licensingCommands(program, action);
  moneyCommands(program, action);
  auditCommands(program, action);
  return program;
}

/** A short allowance in the token's units, with the `remix approve` command that fixes it. */
async function allowanceHint(
  context: CliContext,
  error: InsufficientAllowanceError,
): Promise<CliError> {
  const [allowed, needed] = await Promise.all([
    describeAmount(context, error.token, error.allowance),
    describeAmount(context, error.token, error.needed),
  ]);
  // In the token's units, as `approve` takes them; unknown when its decimals cannot be read.
  const amount = needed.includes("base units") ? "<amount>" : (needed.split(" ")[0] as string);
  return new CliError(
    `the protocol may take ${allowed} from you but this needs ${needed}: ` +
      `run \`remix approve ${error.token} ${amount}\` first`,
    { cause: error },
  );
}
