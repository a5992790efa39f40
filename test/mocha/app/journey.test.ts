/// <reference lib="dom" />
// A creator's journey through the app, in headless Chromium against a real node and indexer:
// the creator registers a file in two steps (commit, then reveal), sets remix and AI-training
// terms; a second account remixes it, buying the licence in the registration; a third pays for
// views of the remix; the creator claims everything, and the page shows what the chain says.
// A declined prompt and a refused reveal each leave the chain as it was.
import { expect } from "chai";
import type { Page } from "playwright-core";
import { formatUnits, getAddress, type Hex, parseEther, parseUnits, zeroAddress } from "viem";
import type { ServedApp } from "../../../app/serve.ts";
import {
  getAsset,
  getParents,
  getTerms,
  hashContent,
  payForUse,
  previewClaimAll,
  UseKind,
} from "../../../sdk/index.js";
import { type SdkEnv, sharedEnv, type Wallet } from "../sdk/helpers/env.js";
import { nodeAvailable } from "../sdk/helpers/node.js";
import type { RunningIndexer } from "../indexer/run.js";
import { screenshot, type TestWallet } from "./browser.js";
import { type AppSession, openAppSession, requireChromium, screenshotFailure } from "./session.js";

const NODE = nodeAvailable("anvil") ? "anvil" : "hardhat";

/** Bytes standing for a media file, different per label. */
const media = (label: string) =>
  Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7 + label.length * 13) % 256));

describe(`app journey in Chromium [${NODE} node]`, function () {
  let e: SdkEnv;
  let snapshot: Hex | undefined;
  let indexer: RunningIndexer | undefined;
  let app: ServedApp | undefined;
  let session: AppSession | undefined;
  let wallet: TestWallet;
  let page: Page;
  let original: bigint;
  let remix: bigint;

  /** Opens `hash` as `account`: the test wallet answers for it from the next page load. */
  async function openAs(account: Wallet, hash: string): Promise<void> {
    wallet.use(account);
    await page.goto(`${app!.url}/${hash}`);
    await page.reload();
    await page.getByTitle(account.account.address).waitFor();
  }

  /** Registers `content` through the page's two steps; returns the new asset's id. */
  async function commitAndReveal(): Promise<bigint> {
    await page.getByRole("button", { name: "Commit", exact: true }).click();
    await page.getByTestId("committed").waitFor({ timeout: 30_000 });
    // A minute of chain time and a block, as the contract requires before the reveal.
    await e.testClient.increaseTime({ seconds: 61 });
    await e.testClient.mine({ blocks: 1 });
    await page.getByRole("button", { name: "Register", exact: true }).click();
    const done = page.getByTestId("registered");
    await done.waitFor({ timeout: 30_000 });
    return BigInt(/asset #(\d+)/.exec((await done.textContent()) ?? "")![1]!);
  }

  before(async function () {
    requireChromium();
    this.timeout(300_000);
    e = await sharedEnv(NODE);
    snapshot = await e.testClient.snapshot();
    session = await openAppSession(e, e.alice);
    ({ indexer, app, wallet, page } = session);
  });

  afterEach(async function () {
    await screenshotFailure(this.currentTest, session);
  });

  after(async function () {
    this.timeout(60_000);
    await session?.close();
    if (snapshot) await e.testClient.revert({ id: snapshot });
  });

  it("registers a dropped file by commit and reveal, and refuses it a second time", async function () {
    this.timeout(120_000);
    const content = media("original");
    await page.goto(`${app!.url}/#/register`);
    await page.getByRole("button", { name: "Connect Test Wallet" }).click();
    await page.getByTitle(e.alice.account.address).waitFor();
    await page.getByLabel("Work file").setInputFiles({
      name: "sunrise.mp4",
      mimeType: "video/mp4",
      buffer: content,
    });
    // Hashed in the page, as the SDK hashes it.
    expect(await page.getByTestId("content-hash").textContent()).to.equal(hashContent(content));
    await page.getByPlaceholder("ipfs://…/metadata.json").fill("ipfs://sunrise/metadata.json");

    // Declined in the wallet: nothing sent, nothing kept.
    wallet.rejectNext();
    await page.getByRole("button", { name: "Commit", exact: true }).click();
    await page.getByText("Cancelled in the wallet: nothing sent.").waitFor();
    expect(wallet.sent).to.deep.equal([]);
    const kept = () =>
      page.evaluate(() =>
        Object.keys(localStorage)
          .filter((key) => key.startsWith("remix-royalties:pending-registrations:"))
          .map((key) => localStorage.getItem(key))
          .join(""),
      );
    expect(await kept()).to.not.include(hashContent(content));

    await page.getByRole("button", { name: "Commit", exact: true }).click();
    await page.getByTestId("committed").waitFor({ timeout: 30_000 });
    expect(wallet.sent).to.have.length(1);
    // The salt is kept (before the transaction was sent), with the commitment's times.
    expect(await kept()).to.include(hashContent(content));
    await screenshot(page, "register-committed");

    // Too early: the contract's refusal, as a sentence, before anything is sent.
    await page.getByRole("button", { name: "Register", exact: true }).click();
    const refusal = page.getByRole("alert");
    await refusal.waitFor();
    expect(await refusal.textContent()).to.match(/the commitment can be revealed from \d{4}-/i);
    expect(await refusal.textContent()).to.not.match(/0x[0-9a-f]{8}/);
    expect(wallet.sent).to.have.length(1);

    // A reload keeps the commitment (its salt is in this browser) and resumes at the reveal.
    await page.reload();
    await page.getByTitle(e.alice.account.address).waitFor();
    await page.getByRole("region", { name: "Unfinished registrations" }).waitFor();
    await e.testClient.increaseTime({ seconds: 61 });
    await e.testClient.mine({ blocks: 1 });
    await page.getByRole("button", { name: "Register", exact: true }).click();
    const done = page.getByTestId("registered");
    await done.waitFor({ timeout: 30_000 });
    original = BigInt(/asset #(\d+)/.exec((await done.textContent()) ?? "")![1]!);
    const asset = await getAsset(e.publicClient, { deployment: e.deployment, assetId: original });
    expect(asset.owner).to.equal(e.alice.account.address);
    expect(asset.contentHash).to.equal(hashContent(content));
    expect(asset.metadataUri).to.equal("ipfs://sunrise/metadata.json");
    await screenshot(page, "register-done");

    // The same bytes again: refused, with a link to the asset that has them.
    await page.getByLabel("Work file").setInputFiles({
      name: "copy.mp4",
      mimeType: "video/mp4",
      buffer: content,
    });
    const duplicate = page.getByTestId("duplicate");
    await duplicate.waitFor();
    expect(await duplicate.getByRole("link").getAttribute("href")).to.equal(`#/asset/${original}`);
    expect(await page.getByRole("button", { name: "Commit", exact: true }).count()).to.equal(0);
  });

  it("publishes the creator's remix and AI-training terms, and lists their versions", async function () {
    this.timeout(60_000);
    await page.goto(`${app!.url}/#/terms/${original}`);
    const remixTerms = page.getByTestId("terms-Remix");
    await remixTerms.getByLabel("Remix allowed").check();
    await remixTerms.getByLabel("Remix price").fill("0.01");
    await remixTerms.getByLabel("Remix minimum share").fill("25");
    await remixTerms.getByRole("button", { name: "Publish Remix terms" }).click();
    await page.getByTestId("terms-Remix-published").waitFor({ timeout: 30_000 });

    const training = page.getByTestId("terms-AITraining");
    await training.getByLabel("AI training allowed").check();
    await training.getByLabel("AI training currency").selectOption({ label: "dUSD" });
    await training.getByLabel("AI training price").fill("2.5");
    await training.getByLabel("AI training duration").fill("30");
    await training.getByRole("button", { name: "Publish AI training terms" }).click();
    await page.getByTestId("terms-AITraining-published").waitFor({ timeout: 30_000 });

    const read = (kind: UseKind) =>
      getTerms(e.publicClient, { deployment: e.deployment, assetId: original, kind });
    expect(await read(UseKind.Remix)).to.deep.include({
      version: 1,
      allowed: true,
      currency: zeroAddress,
      price: parseEther("0.01"),
      minShareBps: 2_500,
      duration: 0n,
    });
    expect(await read(UseKind.AITraining)).to.deep.include({
      version: 1,
      allowed: true,
      currency: getAddress(e.usd),
      price: parseUnits("2.5", 6),
      duration: 30n * 86_400n,
    });
    // The history comes from the indexer once it has the new blocks.
    await indexer!.caughtUp(await e.publicClient.getBlockNumber());
    await page.getByTestId("history-AITraining-1").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("history-Remix-1").textContent()).to.include(
      "0.01 ETH · at least 25.00% to this work",
    );
    await screenshot(page, "terms");
  });

  it("lets a second account remix it, the licence bought in the registration", async function () {
    this.timeout(120_000);
    await indexer!.caughtUp(await e.publicClient.getBlockNumber());
    await openAs(e.bob, `#/remix/${original}`);
    const parent = page.getByTestId(`parent-${original}`);
    await parent.getByText("0.01 ETH · at least 25.00%").waitFor();
    expect(await page.getByTestId("remix-total").textContent()).to.include("0.01 ETH");
    await page.getByLabel("Work file").setInputFiles({
      name: "sunrise-remix.mp4",
      mimeType: "video/mp4",
      buffer: media("remix of sunrise"),
    });
    await page
      .getByPlaceholder("ipfs://…/metadata.json")
      .fill("ipfs://sunrise-remix/metadata.json");
    // Below the licence's minimum: the chain's refusal, before any commitment is paid for.
    const share = parent.getByLabel(`Share for #${original}`);
    await share.fill("20");
    await page.getByText("licenses remixes that give it at least 25.00%, not 20.00%").waitFor();
    const commit = page.getByRole("button", { name: "Commit", exact: true });
    expect(await commit.isDisabled()).to.equal(true);
    await share.fill("30");
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll("button")).some(
        (b) => b.textContent === "Commit" && !b.disabled,
      ),
    );
    await screenshot(page, "remix");
    const sentBefore = wallet.sent.length;
    const bobBefore = await e.publicClient.getBalance({ address: e.bob.account.address });
    remix = await commitAndReveal();
    expect(wallet.sent.length - sentBefore).to.equal(2);
    const parents = await getParents(e.publicClient, { deployment: e.deployment, assetId: remix });
    expect(parents).to.deep.equal([{ assetId: original, shareBps: 3_000 }]);
    // Bob paid the licence price and gas, no more.
    let gas = 0n;
    for (const hash of wallet.sent.slice(sentBefore)) {
      const receipt = await e.publicClient.getTransactionReceipt({ hash });
      gas += receipt.gasUsed * receipt.effectiveGasPrice;
    }
    const bobAfter = await e.publicClient.getBalance({ address: e.bob.account.address });
    expect(bobBefore - bobAfter).to.equal(parseEther("0.01") + gas);
    await screenshot(page, "remix-done");

    // Bob prices views of his remix on the Terms page.
    await page.goto(`${app!.url}/#/terms/${remix}`);
    const view = page.getByTestId("terms-View");
    await view.getByLabel("View (per use) allowed").check();
    await view.getByLabel("View (per use) price").fill("0.001");
    await view.getByRole("button", { name: "Publish View (per use) terms" }).click();
    await page.getByTestId("terms-View-published").waitFor({ timeout: 30_000 });
  });

  it("a third account pays for views; the creator claims everything and sees the chain's balances", async function () {
    this.timeout(120_000);
    await payForUse(e.carol, { deployment: e.deployment, assetId: remix, count: 100n });
    const owner = e.alice.account.address;
    const chain = await previewClaimAll(e.publicClient, { deployment: e.deployment, owner });
    const ethTotal = chain.totals.find((t) => t.token === zeroAddress)!.amount;
    // The licence (0.01 ETH less the fee) and 30% of the views (0.1 ETH less the fee).
    expect(ethTotal > 0n).to.equal(true);
    await indexer!.caughtUp(await e.publicClient.getBlockNumber());
    await openAs(e.alice, "#/work");
    await page.getByRole("button", { name: "Preview claim" }).click();
    const previewTotal = page.getByTestId("preview-total");
    await previewTotal.waitFor();
    expect(await previewTotal.textContent()).to.include(`${formatUnits(ethTotal, 18)} ETH`);
    const before = await e.publicClient.getBalance({ address: owner });
    const sentBefore = wallet.sent.length;
    await page.getByRole("button", { name: /^Claim / }).click();
    await page.getByTestId("claim-done").waitFor({ timeout: 60_000 });
    let gas = 0n;
    for (const hash of wallet.sent.slice(sentBefore)) {
      const receipt = await e.publicClient.getTransactionReceipt({ hash });
      expect(receipt.status).to.equal("success");
      gas += receipt.gasUsed * receipt.effectiveGasPrice;
    }
    const after = await e.publicClient.getBalance({ address: owner });
    expect(after - before + gas).to.equal(ethTotal);
    expect(
      (await previewClaimAll(e.publicClient, { deployment: e.deployment, owner })).totals,
    ).to.deep.equal([]);
    // The wallet panel shows the chain's new balance.
    await page
      .getByLabel("Wallet balances")
      .getByText(`${formatUnits(after, 18)} ETH`)
      .waitFor({ timeout: 15_000 });
    await indexer!.caughtUp(await e.publicClient.getBlockNumber());
    await page.reload();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="earnings-ETH"] [data-testid="claimable"]')
          ?.textContent === "0 ETH",
    );
    await screenshot(page, "journey-claimed");
  });
});
