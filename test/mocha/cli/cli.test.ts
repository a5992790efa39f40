import { mkdir, writeFile } from "node:fs/promises";
import { expect } from "chai";
import { parseAbi, parseEther, toHex } from "viem";
import { ETH, remixProtocolAbi } from "../../../sdk/index.js";
import { buildPackage, root } from "../helpers/packageBuild.js";
import { describeOnNodes } from "../sdk/helpers/env.js";
import { balanceSlot, balanceWord } from "../sdk/helpers/storage.js";
import { deploymentFile, family, KEYS, ok, remix, runCli, writeFixtures } from "./run.js";

describeOnNodes("remix CLI", (env) => {
  before(async function () {
    this.timeout(120_000);
    await buildPackage();
    await writeFixtures(env());
  });

  it("registers an original by its file's SHA-256 and a remix buying its licence", async function () {
    this.timeout(60_000);
    const e = env();
    const original = await ok(
      e,
      "alice",
      "register",
      `${root}.tmp/original.mp4`,
      "--uri",
      "ipfs://a",
    );
    const hash = await sha256(`${root}.tmp/original.mp4`);
    expect(original).to.deep.equal([`registered #1 (SHA-256 ${hash})`]);
    expect(
      await ok(e, "alice", "terms", "1", "--kind", "remix", "--min-share", "1000"),
    ).to.deep.equal(["#1 remix terms v1: free, remixes give at least 10.00%"]);
    const json = await ok(
      e,
      "bob",
      "--json",
      "remix",
      `${root}.tmp/remix.mp4`,
      "--uri",
      "ipfs://b",
      "--parent",
      "1:3000",
    );
    const parsed = JSON.parse(json.join("\n")) as {
      assetId: string;
      licenceIds: string[];
      purchases: { termsVersion: number }[];
    };
    expect(parsed.assetId).to.equal("2");
    // Bought in the registering transaction: recorded by RemixLicensed, no licence token.
    expect(parsed.licenceIds).to.deep.equal(["0"]);
    expect(parsed.purchases.map(({ termsVersion }) => termsVersion)).to.deep.equal([1]);
  });

  it("commits to a file, refuses it to a copier, and registers it for the committer with --salt", async function () {
    this.timeout(60_000);
    const e = env();
    const file = `${root}.tmp/original.mp4`;
    const committed = JSON.parse((await ok(e, "alice", "--json", "commit", file)).join("\n")) as {
      contentHash: string;
      salt: string;
    };
    expect(committed.contentHash).to.equal(await sha256(file));
    const copier = await remix(e, "bob", "register", file, "--uri", "ipfs://copy");
    expect(copier.code).to.equal(1);
    expect(copier.stderr).to.contain("ContentCommitted");
    await e.testClient.increaseTime({ seconds: 60 });
    await e.testClient.mine({ blocks: 1 });
    expect(
      await ok(e, "alice", "register", file, "--uri", "ipfs://a", "--salt", committed.salt),
    ).to.deep.equal([`registered #1 (SHA-256 ${committed.contentHash})`]);
    const malformed = await remix(e, "alice", "register", file, "--uri", "x", "--salt", "0x12");
    expect(malformed.code).to.equal(1);
    expect(malformed.stderr).to.contain("--salt 0x12: expected the 32-byte hex salt");
  });

  it("pays for views, shows the balance and claims it with the money split up the tree", async function () {
    this.timeout(60_000);
    const e = env();
    await family(e);
    expect(await ok(e, "payer", "pay", "2", "--views", "3")).to.deep.equal([
      "paid 3.00 ETH for 3 views of #2 under terms v1",
    ]);
    const alice = e.alice.account.address;
    expect(await ok(e, null, "balance", alice)).to.deep.equal([
      `${alice} can claim 0.90 ETH`,
      "  #1: 0.90 ETH",
    ]);
    const before = await e.publicClient.getBalance({ address: alice });
    const claimed = await ok(e, "alice", "--json", "claim");
    const result = JSON.parse(claimed.join("\n")) as {
      claimed: { token: string; amount: string }[];
      transactionHashes: `0x${string}`[];
    };
    expect(result.claimed).to.deep.equal([
      { token: "0x0000000000000000000000000000000000000000", amount: parseEther("0.9").toString() },
    ]);
    // B's split and A's claim: alice gains exactly 0.90 ETH less the gas she paid.
    expect(result.transactionHashes).to.have.length(2);
    let gas = 0n;
    for (const hash of result.transactionHashes) {
      const receipt = await e.publicClient.getTransactionReceipt({ hash });
      gas += receipt.gasUsed * receipt.effectiveGasPrice;
    }
    expect(await e.publicClient.getBalance({ address: alice })).to.equal(
      before + parseEther("0.9") - gas,
    );
    expect(await ok(e, null, "balance", alice)).to.deep.equal([`${alice} has nothing to claim`]);
  });

  it("approves a token and pays in it; scans logs in block ranges when asked", async function () {
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
    expect(await ok(e, "payer", "approve", e.usd, "5")).to.deep.equal([
      "the protocol may now take up to 5.00 dUSD from you",
    ]);
    expect(await ok(e, "payer", "pay", "1", "--amount", "2.5", "--token", e.usd)).to.deep.equal([
      "paid 2.50 dUSD for #1",
    ]);
    // 2.50 of the allowance is left: a 3.00 payment is refused with the command that fixes it.
    const short = await remix(e, "payer", "pay", "1", "--amount", "3", "--token", e.usd);
    expect(short.code).to.equal(1);
    expect(short.stderr.trim()).to.equal(
      `error: the protocol may take 2.50 dUSD from you but this needs 3.00 dUSD: run \`remix approve ${e.usd} 3.00\` first`,
    );
    const alice = e.alice.account.address;
    expect(await ok(e, null, "--max-block-range", "2", "balance", alice)).to.deep.equal([
      `${alice} can claim 2.25 dUSD`,
      "  #1: 2.25 dUSD",
    ]);
    expect(await ok(e, null, "--max-block-range", "2", "lineage", "1")).to.deep.equal(
      await ok(e, null, "lineage", "1"),
    );
    const tooPrecise = await remix(
      e,
      "payer",
      "pay",
      "1",
      "--amount",
      "0.0000001",
      "--token",
      e.usd,
    );
    expect(tooPrecise.stderr.trim()).to.equal(
      "error: 0.0000001 has more than the token's 6 decimals",
    );
    const noViews = await remix(e, "payer", "pay", "2", "--views", "0");
    expect(noViews.stderr.trim()).to.equal(
      "error: --views 0: expected a whole number of at least 1",
    );
  });

  it("buys licences singly and in bulk, and lists them", async function () {
    this.timeout(60_000);
    const e = env();
    await family(e);
    const terms = ["--kind", "ai-training", "--price", "0.01", "--duration", "3600"];
    expect(await ok(e, "alice", "terms", "1", ...terms)).to.deep.equal([
      "#1 ai-training terms v1: 0.01 ETH, lasts 3600 s",
    ]);
    await ok(
      e,
      "bob",
      "terms",
      "2",
      "--kind",
      "ai-training",
      "--price",
      "0.02",
      "--duration",
      "3600",
    );
    expect(await ok(e, "payer", "licence", "buy", "1", "--kind", "ai-training")).to.deep.equal([
      "bought 1 ai-training licence (#1 under terms v1) for 0.01 ETH in one transaction",
    ]);
    expect(await ok(e, "payer", "licence", "buy", "1", "2", "--kind", "ai-training")).to.deep.equal(
      [
        "bought 2 ai-training licences (#2 under terms v1, #3 under terms v1) for 0.03 ETH in one transaction",
      ],
    );
    const listed = await ok(e, null, "licences", e.payer.account.address, "--kind", "ai-training");
    expect(listed).to.have.length(3);
    expect(listed[0]).to.match(/^#1 ai-training of asset #1 \(terms v1\), until \S+: usable$/);
  });

  it("draws lineage as a tree, JSON, DOT and Mermaid", async function () {
    this.timeout(60_000);
    const e = env();
    await family(e);
    expect(await ok(e, null, "lineage", "1")).to.deep.equal([
      "#1 ipfs://a",
      "└─ #2 ipfs://b  pays 30.00%",
    ]);
    expect(await ok(e, null, "lineage", "2", "--direction", "ancestors")).to.deep.equal([
      "#2 ipfs://b",
      "",
      "#2 ipfs://b remixes:",
      "└─ #1 ipfs://a  gets 30.00%",
    ]);
    expect(await ok(e, null, "lineage", "1", "--format", "dot")).to.include(
      '  a2 -> a1 [label="30.00%"];',
    );
    expect(await ok(e, null, "lineage", "1", "--format", "mermaid")).to.include(
      '  a2 -- "30.00%" --> a1',
    );
    const json = JSON.parse((await ok(e, null, "lineage", "1", "--format", "json")).join("\n")) as {
      edges: unknown[];
    };
    expect(json.edges).to.deep.equal([{ childId: "2", parentId: "1", shareBps: 3000 }]);
  });

  it("audits: passes on a consistent state and exits 1 on a tampered one", async function () {
    this.timeout(60_000);
    const e = env();
    await family(e);
    await ok(e, "payer", "pay", "2", "--views", "1");
    const passed = await ok(e, null, "audit");
    expect(passed.at(-1)).to.equal("audit passed");
    expect(passed.find((line) => line.startsWith("ETH "))?.split(/\s+/)).to.deep.equal([
      "ETH",
      "1.00",
      "0.00",
      "0.60",
      "0.30",
      "0.10",
      "1.00",
      "✓",
    ]);
    // Tamper: the contract loses ETH it owes, then what remix #2 holds is inflated.
    const pendingHeld = (held: bigint) => ({ held, pendingGross: parseEther("1"), remainder: 0n });
    await e.testClient.setBalance({ address: e.deployment.protocol, value: parseEther("0.5") });
    const insolvent = await remix(e, null, "audit");
    expect(insolvent.code).to.equal(1);
    expect(insolvent.stdout).to.include("✗ ETH: insolvent, short by 500000000000000000");
    expect(insolvent.stdout.trim().split("\n").at(-1)).to.equal("AUDIT FAILED");

    await e.testClient.setBalance({ address: e.deployment.protocol, value: parseEther("1") });
    await e.testClient.setStorageAt({
      address: e.deployment.protocol,
      index: await balanceSlot(e, 2n, ETH, balanceWord(pendingHeld(parseEther("0.9")), true)),
      value: toHex(balanceWord(pendingHeld(parseEther("1")), true), { size: 32 }),
    });
    const tampered = await remix(e, null, "audit");
    expect(tampered.code).to.equal(1);
    expect(tampered.stdout).to.include(
      "✗ asset #2 held in ETH: events give 900000000000000000, the contract holds 1000000000000000000",
    );
  });

  it("signs through a Hardhat network whose key is a configuration variable (keystore-ready)", async function () {
    this.timeout(60_000);
    const e = env();
    // A project whose network takes its URL and key from configuration variables: Hardhat
    // resolves them from its keystore, or, as here, from the environment.
    const project = `${root}.tmp/cli-project`;
    await mkdir(project, { recursive: true });
    await writeFile(
      `${project}/hardhat.config.ts`,
      [
        'import { configVariable, defineConfig } from "hardhat/config";',
        "export default defineConfig({",
        "  networks: {",
        '    target: { type: "http", url: configVariable("TARGET_RPC_URL"), accounts: [configVariable("TARGET_KEY")] },',
        "  },",
        "});",
      ].join("\n"),
    );
    const registered = await runCli(
      [
        "--network",
        "target",
        "--deployment",
        deploymentFile(e),
        "--json",
        "register",
        `${root}.tmp/original.mp4`,
        "--uri",
        "ipfs://through-hardhat",
      ],
      { cwd: project, env: { TARGET_RPC_URL: e.node.url, TARGET_KEY: KEYS.bob } },
    );
    expect(registered.code, registered.stderr).to.equal(0);
    const stdout = registered.stdout;
    const { assetId } = JSON.parse(stdout) as { assetId: string };
    const owner = await e.publicClient.readContract({
      address: e.deployment.protocol,
      abi: remixProtocolAbi,
      functionName: "ownerOf",
      args: [BigInt(assetId)],
    });
    expect(owner).to.equal(e.bob.account.address);
  });

  it("renders errors as one line and exits 1, and refuses to write without a key", async function () {
    this.timeout(60_000);
    const e = env();
    await family(e);
    const refused = await remix(e, "payer", "pay", "1", "--views", "1");
    expect(refused.code).to.equal(1);
    expect(refused.stderr.trim()).to.equal(
      "error: Asset 1 does not allow View uses (UseNotAllowed).",
    );
    const missing = await remix(e, "payer", "pay", "999", "--views", "1");
    expect(missing.stderr.trim()).to.equal("error: Asset 999 does not exist (UnknownAsset).");
    const keyless = await remix(e, null, "claim");
    expect(keyless.code).to.equal(1);
    expect(keyless.stderr.trim()).to.equal(
      "error: no signing key: set REMIX_PRIVATE_KEY, or use --network with an account in Hardhat's keystore",
    );
    // Input is checked before connecting: no node is needed to be told an id is wrong.
    const offline = await runCli(["--rpc-url", "http://127.0.0.1:1", "lineage", "one"]);
    expect(offline.code).to.equal(1);
    expect(offline.stderr.trim()).to.equal("error: one is not an id");
    const badFormat = await remix(e, null, "lineage", "1", "--format", "svg");
    expect(badFormat.stderr.trim()).to.equal(
      "error: --format svg: expected tree, json, dot, mermaid",
    );
    const badParent = await remix(
      e,
      "bob",
      "remix",
      `${root}.tmp/remix.mp4`,
      "--uri",
      "x",
      "--parent",
      "1",
    );
    expect(badParent.stderr.trim()).to.equal(
      "error: --parent 1: expected <assetId>:<basis points>, e.g. 1:3000",
    );
  });
});

async function sha256(path: string): Promise<string> {
  const { createHash } = await import("node:crypto");
  const { readFile } = await import("node:fs/promises");
  return `0x${createHash("sha256")
    .update(await readFile(path))
    .digest("hex")}`;
}
