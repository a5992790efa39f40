import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect } from "chai";
import { buildPackage, root } from "../helpers/packageBuild.js";
import { describeOnNodes, type SdkEnv } from "../sdk/helpers/env.js";
import { workedExample } from "../sdk/helpers/family.js";
import { deploymentFile, writeFixtures } from "./run.js";

const run = promisify(execFile);

/**
 * Runs `npm run <npmFlags> remix -- --json <args>` in the repository, as the README tells a user
 * to, against `e`'s node, and returns what it printed on stdout.
 */
async function npmRunRemix(e: SdkEnv, npmFlags: string[], args: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing from this test run may choose the endpoint, the signer or npm's verbosity.
  for (const name of [
    "REMIX_PRIVATE_KEY",
    "REMIX_RPC_URL",
    "HARDHAT_CONFIG",
    "npm_config_loglevel",
  ])
    delete env[name];
  const cliArgs = ["--json", "--rpc-url", e.node.url, "--deployment", deploymentFile(e), ...args];
  const { stdout } = await run("npm", ["run", ...npmFlags, "remix", "--", ...cliArgs], {
    cwd: root,
    env,
  });
  return stdout;
}

describeOnNodes("remix CLI through npm run", (env) => {
  before(async function () {
    this.timeout(120_000);
    await buildPackage();
    await writeFixtures(env());
  });

  it("prints only the command's JSON on stdout with `npm run -s remix -- --json`", async function () {
    this.timeout(60_000);
    const e = env();
    const { a, b } = await workedExample(e);
    const stdout = await npmRunRemix(e, ["-s"], ["lineage", String(a)]);
    const lineage = JSON.parse(stdout) as { edges: unknown[] };
    expect(lineage.edges).to.deep.equal([
      { childId: String(b), parentId: String(a), shareBps: 3000 },
    ]);
  });

  it("without -s, npm's banner comes first on stdout (why the README says -s)", async function () {
    this.timeout(60_000);
    const e = env();
    const { a } = await workedExample(e);
    const stdout = await npmRunRemix(e, [], ["lineage", String(a)]);
    expect(stdout).to.match(/^\s*> remix-royalties@[^\n]* remix\n/);
    expect(() => JSON.parse(stdout)).to.throw(SyntaxError);
  });
});
