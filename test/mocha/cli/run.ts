// Runs the built `remix` CLI as a user would, against the test nodes, with their development keys.
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { expect } from "chai";
import { root } from "../helpers/packageBuild.js";
import type { SdkEnv } from "../sdk/helpers/env.js";

const run = promisify(execFile);

/** The nodes' well-known development keys (mnemonic "test test ... junk"), by wallet. */
export const KEYS = {
  alice: "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  bob: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  payer: "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
} as const;

/** What a CLI run printed, and its exit code. */
export type Result = { code: number; stdout: string; stderr: string };

/** Runs the built `remix` CLI with `args`, collecting its output and exit code. */
export async function runCli(
  args: readonly string[],
  { cwd = root, env = {} }: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Result> {
  // Keys and Hardhat's config path come only from `env`, never from this test run.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: "0", ...env };
  if (env.REMIX_PRIVATE_KEY === undefined) delete childEnv.REMIX_PRIVATE_KEY;
  delete childEnv.HARDHAT_CONFIG;
  try {
    const { stdout, stderr } = await run(process.execPath, [`${root}dist/cli/remix.js`, ...args], {
      cwd,
      env: childEnv,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The deployment file the CLI reads for `e`'s node. */
export const deploymentFile = (e: SdkEnv) => `${root}.tmp/cli-deployment-${e.node.kind}.json`;

/** Runs the CLI against `e`'s node and deployment, signing as `signer`. */
export function remix(
  e: SdkEnv,
  signer: keyof typeof KEYS | null,
  ...args: string[]
): Promise<Result> {
  return runCli(["--rpc-url", e.node.url, "--deployment", deploymentFile(e), ...args], {
    env: signer ? { REMIX_PRIVATE_KEY: KEYS[signer] } : {},
  });
}

/** Like {@link remix}, and fails the test unless the command succeeded. */
export async function ok(
  e: SdkEnv,
  signer: keyof typeof KEYS | null,
  ...args: string[]
): Promise<string[]> {
  const result = await remix(e, signer, ...args);
  expect(result.code, result.stderr).to.equal(0);
  return result.stdout.trim().split("\n");
}

/** The deployment file and the two works the tests register. */
export async function writeFixtures(e: SdkEnv) {
  await mkdir(`${root}.tmp`, { recursive: true });
  await writeFile(
    deploymentFile(e),
    JSON.stringify({
      "RemixProtocol#RemixProtocol": e.deployment.protocol,
      "RemixProtocol#Licensing": e.deployment.licensing,
      "LocalDevelopment#Multicall3": e.deployment.multicall3,
    }),
  );
  await writeFile(`${root}.tmp/original.mp4`, "Smartwatch Product Demo, 30 s");
  await writeFile(`${root}.tmp/remix.mp4`, "Smartwatch Product Demo, Spanish voice-over");
}

/** A registers #1 (views 1 ETH, free remixes at 10% or more); B remixes it at 30% (#2). */
export async function family(e: SdkEnv) {
  await ok(e, "alice", "register", `${root}.tmp/original.mp4`, "--uri", "ipfs://a");
  await ok(e, "alice", "terms", "1", "--kind", "remix", "--min-share", "1000");
  await ok(e, "bob", "remix", `${root}.tmp/remix.mp4`, "--uri", "ipfs://b", "--parent", "1:3000");
  await ok(e, "bob", "terms", "2", "--kind", "view", "--price", "1", "--currency", "eth");
}
