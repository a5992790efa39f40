/// <reference lib="dom" />
// The app end to end, in headless Chromium against a real node and indexer: a creator connects
// a wallet, sees what the chain says it earned, claims everything (once declining the wallet's
// prompt), explores a 1,000-asset lineage and audits the protocol, which fails once a node's
// storage is tampered with. Screenshots of each page go to test-artifacts/app/.
import { expect } from "chai";
import type { Page } from "playwright-core";
import { formatUnits, type Hex, isAddressEqual, parseUnits, zeroAddress } from "viem";
import type { ServedApp } from "../../../app/serve.ts";
import { buildScaleLineage } from "../../../scripts/lib/scaleLineage.ts";
import { ETH, getBalances, previewClaimAll } from "../../../sdk/index.js";
import { artifact, type SdkEnv, sharedEnv } from "../sdk/helpers/env.js";
import { balanceOf } from "../sdk/helpers/family.js";
import { nodeAvailable } from "../sdk/helpers/node.js";
import { overwriteHeld } from "../sdk/helpers/storage.js";
import { pay } from "../sdk/helpers/tree.js";
import type { RunningIndexer } from "../indexer/run.js";
import { buildState, mineBlocks } from "../indexer/state.js";
import { screenshot, type TestWallet } from "./browser.js";
import { type AppSession, openAppSession, requireChromium, screenshotFailure } from "./session.js";

const TREE_SIZE = 1_000;
const NODE = nodeAvailable("anvil") ? "anvil" : "hardhat";

/** `amount` of ETH as the app writes it. */
const ethText = (amount: bigint) => `${formatUnits(amount, 18)} ETH`;

describe(`app in Chromium [${NODE} node]`, function () {
  let e: SdkEnv;
  let snapshot: Hex | undefined;
  let indexer: RunningIndexer | undefined;
  let app: ServedApp | undefined;
  let session: AppSession | undefined;
  let wallet: TestWallet;
  let page: Page;
  let root: bigint;
  let ids: bigint[];

  before(async function () {
    requireChromium();
    this.timeout(300_000);
    e = await sharedEnv(NODE);
    snapshot = await e.testClient.snapshot();
    ids = await buildState(e);
    root = await buildScaleLineage({
      wallet: e.admin,
      publicClient: e.publicClient,
      deployment: e.deployment,
      builder: artifact("mocks/ScaleStateBuilder.sol/ScaleStateBuilder.json"),
      size: TREE_SIZE,
    });
    // D (alice's) earns more after the state's splits: in transit below nothing, claimable now.
    await pay(e, e.payer, ids[4]!, ETH, 3n * 10n ** 17n);
    await mineBlocks(e, 40);
    session = await openAppSession(e, e.alice);
    ({ indexer, app, wallet, page } = session);
  });

  // A failed step leaves its page behind as a screenshot, named after the test.
  afterEach(async function () {
    await screenshotFailure(this.currentTest, session);
  });

  after(async function () {
    this.timeout(60_000);
    await session?.close();
    // Only once the indexer is stopped (it would see the revert as a reorg).
    if (snapshot) await e.testClient.revert({ id: snapshot });
  });

  it("connects the injected wallet (EIP-6963) and shows the account's balances", async function () {
    this.timeout(60_000);
    await page.goto(`${app!.url}/#/work`);
    await page.getByRole("button", { name: "Connect Test Wallet" }).click();
    const address = e.alice.account.address;
    await page.getByTitle(address).waitFor();
    const eth = await e.publicClient.getBalance({ address });
    const balances = page.getByLabel("Wallet balances");
    await balances.getByText(/ ETH$/).waitFor();
    expect(await balances.textContent()).to.include(`${formatUnits(eth, 18).slice(0, 6)}`);
    await screenshot(page, "connect");
  });

  it("shows the creator's earnings as the chain computes them, and claims everything", async function () {
    this.timeout(120_000);
    const owner = e.alice.account.address;
    const chain = await previewClaimAll(e.publicClient, { deployment: e.deployment, owner });
    expect(chain.totals.length).to.be.greaterThan(0);
    const ethRow = page.getByTestId("earnings-ETH");
    await ethRow.waitFor();
    const ethTotal = chain.totals.find((t) => t.token === zeroAddress)!.amount;
    const text = async (testId: string) => (await ethRow.getByTestId(testId).textContent()) ?? "";
    // The indexer's claimable now plus in transit is what a claim-all pays, to the wei.
    const parse = (value: string) => parseUnits(value.replace(/ ETH$/, ""), 18);
    expect(parse(await text("claimable")) + parse(await text("in-transit"))).to.equal(ethTotal);
    await screenshot(page, "my-work");

    // Declined in the wallet: a quiet cancel, nothing sent, nothing changed.
    await page.getByRole("button", { name: "Preview claim" }).click();
    const previewTotal = page.getByTestId("preview-total");
    await previewTotal.waitFor();
    expect(await previewTotal.textContent()).to.include(ethText(ethTotal));
    await screenshot(page, "claim-preview");
    const before = await getBalances(e.publicClient, {
      deployment: e.deployment,
      assetIds: [ids[4]!],
      tokens: [ETH, e.usd],
    });
    wallet.rejectNext();
    await page.getByRole("button", { name: /^Claim / }).click();
    await page.getByText("Cancelled in the wallet: nothing sent.").waitFor();
    expect(wallet.sent).to.deep.equal([]);
    expect(
      await getBalances(e.publicClient, {
        deployment: e.deployment,
        assetIds: [ids[4]!],
        tokens: [ETH, e.usd],
      }),
    ).to.deep.equal(before);

    // Accepted: the plan is sent and the page reports what the receipts say was paid.
    const usdBefore = await balanceOf(e, e.usd, owner);
    await page.getByRole("button", { name: "Preview claim" }).click();
    await page.getByRole("button", { name: /^Claim / }).click();
    const done = page.getByTestId("claim-done");
    await done.waitFor({ timeout: 60_000 });
    expect(wallet.sent.length).to.be.greaterThan(0);
    for (const hash of wallet.sent) {
      const receipt = await e.publicClient.getTransactionReceipt({ hash });
      expect(receipt.status).to.equal("success");
    }
    expect(await done.textContent()).to.include(ethText(ethTotal));
    const usdAfter = await balanceOf(e, e.usd, owner);
    const usdTotal = chain.totals.find((t) => isAddressEqual(t.token, e.usd))?.amount ?? 0n;
    expect(usdAfter - usdBefore).to.equal(usdTotal);
    const after = await previewClaimAll(e.publicClient, { deployment: e.deployment, owner });
    expect(after.totals).to.deep.equal([]);
    // Once indexed, the page shows nothing left to claim.
    await indexer!.caughtUp(await e.publicClient.getBlockNumber());
    await page.reload();
    await page.getByTestId("earnings-ETH").waitFor();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="earnings-ETH"] [data-testid="claimable"]')
          ?.textContent === "0 ETH",
    );
    await screenshot(page, "my-work-claimed");
  });

  it("shows a reverted read as the protocol's sentence, not hex", async function () {
    this.timeout(30_000);
    await page.goto(`${app!.url}/#/asset/999999`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).to.match(/asset 999999 does not exist/i);
    expect(await alert.textContent()).to.not.match(/0x[0-9a-f]{8}/);
  });

  it(`draws a ${TREE_SIZE}-asset lineage, collapsed first, every node once expanded`, async function () {
    this.timeout(120_000);
    await page.goto(`${app!.url}/#/lineage/${root}`);
    const graph = page.getByTestId("lineage-graph");
    await graph.locator("g.node").first().waitFor();
    const collapsed = await graph.locator("g.node").count();
    expect(collapsed).to.be.lessThan(TREE_SIZE);
    await screenshot(page, "lineage-collapsed");
    const started = Date.now();
    await page.getByRole("button", { name: "Expand all" }).click();
    await page.waitForFunction(
      (size) => document.querySelectorAll('[data-testid="lineage-graph"] g.node').length === size,
      TREE_SIZE,
      { timeout: 60_000 },
    );
    console.log(`      ${TREE_SIZE}-node lineage laid out and drawn in ${Date.now() - started} ms`);
    expect(await graph.locator("g.edge").count()).to.equal(TREE_SIZE - 1);
    expect(await graph.locator("g.edge text").first().textContent()).to.equal("10.00%");
    await screenshot(page, "lineage-expanded");
  });

  it("passes the audit, and fails it naming the asset once a balance is overwritten", async function () {
    this.timeout(120_000);
    await page.goto(`${app!.url}/#/audit`);
    const verdict = page.getByTestId("audit-verdict");
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.textContent()).to.match(/^Pass/);
    await screenshot(page, "audit-pass");

    const d = ids[4]!;
    const { before } = await overwriteHeld(e, d, ETH, (held) => held + 1_000n);
    await page.getByRole("button", { name: "Audit again" }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="audit-verdict"]')?.textContent?.startsWith("Fail"),
      undefined,
      { timeout: 60_000 },
    );
    const found = await page.getByTestId("discrepancies").textContent();
    expect(found).to.include(`asset #${d} held in ETH: events give ${before}`);
    expect(found).to.include(`the indexer says ${before}`);
    await screenshot(page, "audit-fail");
  });
});
