import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect } from "chai";
import { decodeFunctionData, type Hex, parseAbi } from "viem";
import { ETH, licensingAbi } from "../../../sdk/index.js";
import { buildPackage, root } from "../helpers/packageBuild.js";
import { describeOnNodes, type SdkEnv } from "../sdk/helpers/env.js";
import { family, ok, remix, writeFixtures } from "./run.js";

/** The arguments of the licensing call a transaction made. */
async function callOf(e: SdkEnv, hash: Hex) {
  const { input } = await e.publicClient.getTransaction({ hash });
  return decodeFunctionData({ abi: licensingAbi, data: input });
}

/** The deadline a purchase transaction was sent with, less the timestamp of the block before. */
async function deadlineMargin(e: SdkEnv, hash: Hex): Promise<bigint> {
  const { args } = await callOf(e, hash);
  const receipt = await e.publicClient.getTransactionReceipt({ hash });
  const previous = await e.publicClient.getBlock({ blockNumber: receipt.blockNumber - 1n });
  return (args.at(-1) as bigint) - previous.timestamp;
}

describeOnNodes("remix CLI purchases: what they pay, capped", (env) => {
  before(async function () {
    this.timeout(120_000);
    await buildPackage();
    await writeFixtures(env());
  });

  it("pays views only within --max-price, says what it pays, and sends --deadline", async function () {
    this.timeout(60_000);
    const e = env();
    await family(e); // views of #2 cost 1 ETH
    const before = await e.publicClient.getBlockNumber();
    const over = await remix(e, "payer", "pay", "2", "--views", "3", "--max-price", "2.5");
    expect(over.code).to.equal(1);
    expect(over.stderr.trim()).to.equal(
      "error: 3 views of #2 would cost 3.00 ETH, more than --max-price 2.50 ETH",
    );
    expect(await e.publicClient.getBlockNumber()).to.equal(before);

    const paid = await remix(
      e,
      "payer",
      "pay",
      "2",
      "--views",
      "3",
      "--max-price",
      "3",
      "--deadline",
      "600",
    );
    expect(paid.code, paid.stderr).to.equal(0);
    expect(paid.stderr).to.equal("3 views of #2: paying 3.00 ETH\n");
    expect(paid.stdout.trim()).to.equal("paid 3.00 ETH for 3 views of #2 under terms v1");

    const json = JSON.parse(
      (await ok(e, "payer", "--json", "pay", "2", "--deadline", "90")).join("\n"),
    ) as { total: string; termsVersion: number; transactionHash: Hex };
    expect(json.total).to.equal(10n ** 18n + "");
    expect(json.termsVersion).to.equal(1);
    const { functionName, args } = await callOf(e, json.transactionHash);
    expect(functionName).to.equal("payForUse");
    // Pinned to the version quoted and capped at the quoted total, 1 ETH for one view.
    expect(args[2]).to.equal(1);
    expect(args[3]).to.deep.equal({ currency: ETH, amount: 10n ** 18n });
    // The chain's clock: the deadline is 90 s after the block the CLI read (hardhat node and
    // anvil mine the next block a second or so later).
    const margin = await deadlineMargin(e, json.transactionHash);
    expect(margin >= 90n && margin <= 92n, `deadline margin ${margin}`).to.equal(true);
  });

  it("caps a bulk licence per currency and refuses an ambiguous or missing cap", async function () {
    this.timeout(60_000);
    const e = env();
    await family(e);
    const mint = await e.payer.writeContract({
      address: e.usd,
      abi: parseAbi(["function mint(address to, uint256 amount)"]),
      functionName: "mint",
      args: [e.payer.account.address, 10_000_000n],
    });
    await e.publicClient.waitForTransactionReceipt({ hash: mint });
    await ok(e, "payer", "approve", e.usd, "1");
    await ok(e, "alice", "terms", "1", "--kind", "ai-training", "--price", "0.01");
    await ok(
      e,
      "bob",
      "terms",
      "2",
      "--kind",
      "ai-training",
      "--price",
      "0.5",
      "--currency",
      e.usd,
    );
    const buy = (...caps: string[]) =>
      remix(e, "payer", "licence", "buy", "1", "2", "--kind", "ai-training", ...caps);
    const before = await e.publicClient.getBlockNumber();
    const ambiguous = await buy("--max-price", "1");
    expect(ambiguous.stderr.trim()).to.equal(
      "error: 2 licences would cost 0.01 ETH and 0.50 dUSD: give a --max-price <amount>:<token> for each",
    );
    const uncapped = await buy("--max-price", "1:eth");
    expect(uncapped.stderr.trim()).to.equal(
      "error: 2 licences would cost 0.50 dUSD, and no --max-price caps it",
    );
    const over = await buy("--max-price", "1:eth", "--max-price", `0.49:${e.usd}`);
    expect(over.stderr.trim()).to.equal(
      "error: 2 licences would cost 0.50 dUSD, more than --max-price 0.49 dUSD",
    );
    const malformed = await buy("--max-price", "one:eth");
    expect(malformed.stderr.trim()).to.equal(
      "error: --max-price one:eth: expected <amount> or <amount>:<token>, e.g. 0.5:eth",
    );
    expect(await e.publicClient.getBlockNumber()).to.equal(before);

    const bought = await buy("--max-price", "0.01:eth", "--max-price", `0.5:${e.usd}`);
    expect(bought.code, bought.stderr).to.equal(0);
    expect(bought.stderr).to.equal("2 licences: paying 0.01 ETH and 0.50 dUSD\n");
    expect(bought.stdout.trim()).to.equal(
      "bought 2 ai-training licences (#1 under terms v1, #2 under terms v1) for 0.01 ETH and 0.50 dUSD in one transaction",
    );
  });

  it("caps the licences a remix buys and says what each cost", async function () {
    this.timeout(60_000);
    const e = env();
    await ok(e, "alice", "register", `${root}.tmp/original.mp4`, "--uri", "ipfs://a");
    await ok(e, "alice", "terms", "1", "--kind", "remix", "--price", "0.5", "--min-share", "1000");
    const args = ["remix", `${root}.tmp/remix.mp4`, "--uri", "ipfs://b", "--parent", "1:3000"];
    const over = await remix(e, "bob", ...args, "--max-price", "0.4");
    expect(over.code).to.equal(1);
    expect(over.stderr.trim()).to.equal(
      "error: the remix's licences would cost 0.50 ETH, more than --max-price 0.40 ETH",
    );
    const registered = await remix(e, "bob", ...args, "--max-price", "0.5", "--deadline", "300");
    expect(registered.code, registered.stderr).to.equal(0);
    expect(registered.stderr).to.equal("the remix's licences: paying 0.50 ETH\n");
    const hash = createHash("sha256")
      .update(await readFile(`${root}.tmp/remix.mp4`))
      .digest("hex");
    expect(registered.stdout.trim().split("\n")).to.deep.equal([
      `registered remix #2 (SHA-256 0x${hash})`,
      "  parent #1 gets 30.00% (remix licence bought for 0.50 ETH under terms v1)",
    ]);
    const { args: call } = await callOf(
      e,
      (await e.publicClient.getBlock({ includeTransactions: true })).transactions[0]!.hash,
    );
    // Pinned to the quote: parent #1's licence bought under v1 for at most the 0.50 ETH quoted.
    expect(call[3]).to.deep.equal([
      { licenceId: 0n, termsVersion: 1, maxPrice: { currency: ETH, amount: 5n * 10n ** 17n } },
    ]);
  });
});
