import { mkdir, writeFile } from "node:fs/promises";
import { expect } from "chai";
import { buildPackage, root } from "../helpers/packageBuild.js";
import { describeOnNodes, type SdkEnv } from "../sdk/helpers/env.js";
import { family, ok, remix, runCli, writeFixtures } from "./run.js";

/** An address with no contract: no token at all, so never allowlisted. */
const NOT_A_TOKEN = "0x000000000000000000000000000000000000dEaD";

/** Runs `args` and expects exit 1 with exactly `error` on stderr and nothing on stdout. */
async function refused(
  run: Promise<{ code: number; stdout: string; stderr: string }>,
  error: string,
) {
  const result = await run;
  expect(result.code, result.stdout).to.equal(1);
  expect(result.stderr.trim()).to.equal(`error: ${error}`);
  expect(result.stdout).to.equal("");
}

describeOnNodes("remix CLI refuses what it cannot do", (env) => {
  before(async function () {
    this.timeout(120_000);
    await buildPackage();
    await writeFixtures(env());
  });

  /** The chain's block number: a refused command must not have sent any transaction. */
  const blockOf = (e: SdkEnv) => e.publicClient.getBlockNumber();

  it("refuses conflicting options instead of ignoring one (pay --views 3 --amount 1 paid 1.00)", async function () {
    this.timeout(60_000);
    const e = env();
    await family(e);
    const before = await blockOf(e);
    await refused(
      remix(e, "payer", "pay", "2", "--views", "3", "--amount", "1"),
      "option '--amount <amount>' cannot be used with option '--views <count>'",
    );
    await refused(
      remix(e, "payer", "pay", "2", "--amount", "1", "--max-price", "2"),
      "option '--max-price <amount[:token]>' cannot be used with option '--amount <amount>'",
    );
    await refused(
      remix(e, "payer", "pay", "2", "--token", "eth"),
      "--token goes with --amount: views are paid in the view price's currency",
    );
    await refused(
      remix(e, "alice", "terms", "1", "--kind", "view", "--refuse", "--price", "3"),
      "option '--refuse' cannot be used with option '--price <amount>'",
    );
    await refused(
      remix(e, "alice", "terms", "1", "--kind", "view", "--min-share", "1000"),
      "--min-share applies to --kind remix only, not view",
    );
    expect(await blockOf(e)).to.equal(before);
    // Each option alone still works: the refusals are about the combination.
    expect(await ok(e, "payer", "pay", "2", "--amount", "1")).to.deep.equal([
      "paid 1.00 ETH for #2",
    ]);
  });

  it("refuses an asset listed twice in a bulk licence (licence buy 1 1 charged twice)", async function () {
    this.timeout(60_000);
    const e = env();
    await family(e);
    await ok(e, "alice", "terms", "1", "--kind", "ai-training", "--price", "0.01");
    const before = await blockOf(e);
    await refused(
      remix(e, "payer", "licence", "buy", "1", "1", "--kind", "ai-training"),
      "asset 1 is listed twice: a purchase buys one licence each",
    );
    expect(await blockOf(e)).to.equal(before);
  });

  it("refuses missing, directory and empty files before connecting (ENOENT or EISDIR came after)", async function () {
    this.timeout(60_000);
    await mkdir(`${root}.tmp/cli-a-directory`, { recursive: true });
    await writeFile(`${root}.tmp/cli-empty.mp4`, "");
    // No node listens on port 1: each refusal comes before any connection.
    const offline = (...args: string[]) =>
      runCli(["--rpc-url", "http://127.0.0.1:1", ...args], {
        env: { REMIX_PRIVATE_KEY: `0x${"11".repeat(32)}` },
      });
    const missing = `${root}.tmp/cli-missing.mp4`;
    for (const command of [
      ["register", "--uri", "ipfs://x"],
      ["commit"],
      ["remix", "--uri", "ipfs://x", "--parent", "1:3000"],
    ]) {
      const [name, ...options] = command as [string, ...string[]];
      await refused(offline(name, missing, ...options), `${missing}: no such file`);
      await refused(
        offline(name, `${root}.tmp/cli-a-directory`, ...options),
        `${root}.tmp/cli-a-directory is a directory, not a file`,
      );
      await refused(
        offline(name, `${root}.tmp/cli-empty.mp4`, ...options),
        `${root}.tmp/cli-empty.mp4 is empty: there is nothing to register`,
      );
    }
  });

  it("names a currency the protocol does not accept as not an allowlisted token", async function () {
    this.timeout(60_000);
    const e = env();
    await family(e);
    const before = await blockOf(e);
    const error = `${NOT_A_TOKEN} is not an allowlisted token (the protocol takes ETH and the tokens its owner allowlisted)`;
    await refused(
      remix(e, "alice", "terms", "1", "--kind", "view", "--price", "1", "--currency", NOT_A_TOKEN),
      error,
    );
    await refused(remix(e, "payer", "pay", "1", "--amount", "1", "--token", NOT_A_TOKEN), error);
    await refused(remix(e, "payer", "approve", NOT_A_TOKEN, "1"), error);
    expect(await blockOf(e)).to.equal(before);
  });
});
