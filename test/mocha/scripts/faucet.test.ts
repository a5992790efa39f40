import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { expect } from "chai";
import { erc20Abi } from "viem";
import { root } from "../helpers/packageBuild.js";
import { describeOnNodes, type SdkEnv } from "../sdk/helpers/env.js";

const run = promisify(execFile);

type Result = { code: number; stdout: string; stderr: string };

/** Runs `npm run -s faucet -- <args>` against `e`'s node, as the README documents it. */
async function faucet(e: SdkEnv, ...args: string[]): Promise<Result> {
  const file = `${root}.tmp/faucet-deployment-${e.node.kind}.json`;
  await mkdir(`${root}.tmp`, { recursive: true });
  // What the LocalDevelopment module records for dUSD, pointing at this node's dUSD.
  await writeFile(file, JSON.stringify({ "LocalDevelopment#MockERC20": e.usd }));
  const npmArgs = ["run", "-s", "faucet", "--", ...args, "--rpc-url", e.node.url];
  try {
    const { stdout, stderr } = await run("npm", [...npmArgs, "--deployment", file], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as Result;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const balanceOf = (e: SdkEnv, owner: `0x${string}`) =>
  e.publicClient.readContract({
    address: e.usd,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [owner],
  });

describeOnNodes("npm run faucet", (env) => {
  it("mints the amount of dUSD to the address, sent by the node's unlocked account", async function () {
    this.timeout(60_000);
    const e = env();
    const recipient = e.stranger.account.address;
    const before = await balanceOf(e, recipient);
    const result = await faucet(e, recipient, "250.5");
    expect(result.code, result.stderr).to.equal(0);
    expect(await balanceOf(e, recipient)).to.equal(before + 250_500_000n);
    expect(result.stdout).to.contain(`minted 250.5 dUSD to ${recipient}`);
    // The default is 1,000 dUSD.
    expect((await faucet(e, recipient)).code).to.equal(0);
    expect(await balanceOf(e, recipient)).to.equal(before + 1_250_500_000n);
  });

  it("refuses an amount finer than dUSD's 6 decimals and mints nothing", async function () {
    this.timeout(60_000);
    const e = env();
    const recipient = e.stranger.account.address;
    const before = await balanceOf(e, recipient);
    const result = await faucet(e, recipient, "1.1234567");
    expect(result.code).to.equal(1);
    expect(result.stderr.trim()).to.equal(
      "faucet: amount 1.1234567: expected whole dUSD with at most 6 decimals, e.g. 250.5",
    );
    expect(await balanceOf(e, recipient)).to.equal(before);
  });
});
