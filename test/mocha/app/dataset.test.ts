/// <reference lib="dom" />
// The "License a dataset" page end to end, in headless Chromium against a real node and indexer:
// an AI buyer filters the assets offered for AI training (a refused one is not offered), prices a
// cart of ETH and dUSD licences on chain, declines the wallet once, then approves exactly the
// dUSD total and buys everything in one transaction, downloads the licence manifest, and sees a
// terms change since its quote refused as the protocol's sentence. Screenshots: test-artifacts/app/.
import { readFileSync } from "node:fs";
import { expect } from "chai";
import type { Page } from "playwright-core";
import {
  type Address,
  decodeFunctionData,
  erc20Abi,
  formatUnits,
  getAddress,
  type Hex,
  isAddressEqual,
  parseAbi,
  parseEther,
} from "viem";
import type { ServedApp } from "../../../app/serve.ts";
import {
  approveToken,
  ETH,
  formatLicenceManifest,
  getAllowance,
  getLicenceManifest,
  getLicences,
  hasValidLicence,
  licensingAbi,
  quoteLicences,
  setTerms,
  sumByCurrency,
  UseKind,
} from "../../../sdk/index.js";
import { type SdkEnv, sharedEnv } from "../sdk/helpers/env.js";
import { balanceOf, gasCost } from "../sdk/helpers/family.js";
import { nodeAvailable } from "../sdk/helpers/node.js";
import { allow, original } from "../sdk/licensing/fixtures.js";
import { mineBlocks } from "../indexer/state.js";
import { screenshot, type TestWallet } from "./browser.js";
import { type AppSession, openAppSession, requireChromium, screenshotFailure } from "./session.js";

const NODE = nodeAvailable("anvil") ? "anvil" : "hardhat";
const kind = UseKind.AITraining;
/** Every asset's metadata starts with it: the page's filter finds this test's assets alone. */
const PREFIX = "dataset-e2e";
const DAY = 86_400n;

type Offered = { ethA: bigint; usdA: bigint; refused: bigint; usdB: bigint; ethB: bigint };

/** Alice's and Bob's originals with AI-training terms: four offered (two in ETH, two in dUSD), one refused. */
async function offers(e: SdkEnv): Promise<Offered> {
  const asset = (owner: typeof e.alice, label: string) => original(e, owner, `${PREFIX}/${label}`);
  const ids = {
    ethA: await asset(e.alice, "eth-a"),
    usdA: await asset(e.alice, "usd-a"),
    refused: await asset(e.alice, "refused"),
    usdB: await asset(e.bob, "usd-b"),
    ethB: await asset(e.bob, "eth-b"),
  };
  await allow(e, e.alice, ids.ethA, kind, { currency: ETH, price: parseEther("0.01") });
  await allow(e, e.alice, ids.usdA, kind, {
    currency: e.usd,
    price: 2_500_000n,
    duration: 30n * DAY,
  });
  await allow(e, e.bob, ids.usdB, kind, { currency: e.usd, price: 1_500_000n });
  await allow(e, e.bob, ids.ethB, kind, {
    currency: ETH,
    price: parseEther("0.02"),
    duration: 7n * DAY,
  });
  await setTerms(e.alice, {
    deployment: e.deployment,
    assetId: ids.refused,
    kind,
    terms: { allowed: false },
  });
  return ids;
}

/** Mints `amount` dUSD to `holder` and sets its allowance to the protocol to `allowance`. */
async function usdFor(e: SdkEnv, holder: typeof e.carol, amount: bigint, allowance: bigint) {
  const hash = await holder.writeContract({
    address: e.usd,
    abi: parseAbi(["function mint(address to, uint256 amount)"]),
    functionName: "mint",
    args: [holder.account.address, amount],
  });
  await e.publicClient.waitForTransactionReceipt({ hash });
  await approveToken(holder, { deployment: e.deployment, token: e.usd, amount: allowance });
}

type Recorded = { __statuses: string[] };

/** From now on, records in the page every text the write status line shows, in order. */
async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as Recorded).__statuses = seen;
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid="write-status"]')?.textContent;
      if (status && seen.at(-1) !== status) seen.push(status);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

describe(`app: license a dataset in Chromium [${NODE} node]`, function () {
  let e: SdkEnv;
  let snapshot: Hex | undefined;
  let app: ServedApp | undefined;
  let session: AppSession | undefined;
  let wallet: TestWallet;
  let page: Page;
  let ids: Offered;
  let buyer: Address;
  let cart: bigint[];
  let bought: bigint[];

  before(async function () {
    requireChromium();
    this.timeout(180_000);
    e = await sharedEnv(NODE);
    snapshot = await e.testClient.snapshot();
    ids = await offers(e);
    buyer = e.carol.account.address;
    // Some allowance already, short of the cart's dUSD total.
    await usdFor(e, e.carol, 10_000_000n, 1_000_000n);
    await mineBlocks(e, 40);
    session = await openAppSession(e, e.carol);
    ({ app, wallet, page } = session);
  });

  afterEach(async function () {
    await screenshotFailure(this.currentTest, session, "failed-dataset");
  });

  after(async function () {
    this.timeout(60_000);
    await session?.close();
    if (snapshot) await e.testClient.revert({ id: snapshot });
  });

  /** The page's text of `testId`. */
  const text = async (testId: string) => (await page.getByTestId(testId).textContent()) ?? "";

  it("offers only the assets whose terms allow AI training, by metadata and currency", async function () {
    this.timeout(60_000);
    await page.goto(`${app!.url}/#/dataset`);
    await page.getByRole("button", { name: "Connect Test Wallet" }).click();
    await page.getByTitle(buyer).waitFor();
    await page.getByLabel("Filter by asset id or metadata").fill(PREFIX);
    await page
      .getByTestId("offer-count")
      .filter({ hasText: `“${PREFIX}”` })
      .waitFor();
    const offered = [ids.ethA, ids.usdA, ids.usdB, ids.ethB];
    for (const id of offered) await page.getByTestId(`offer-${id}`).waitFor();
    expect(await page.getByTestId(/^offer-\d+$/).count()).to.equal(offered.length);
    expect(await page.getByTestId(`offer-${ids.refused}`).count()).to.equal(0);
    const row = async (id: bigint) =>
      (await page.getByTestId(`offer-${id}`).innerText()).replace(/\s+/g, " ");
    expect(await row(ids.usdA)).to.include(`ipfs://${PREFIX}/usd-a 2.5 dUSD 30 days`);
    expect(await row(ids.ethA)).to.include("0.01 ETH perpetual");
    await screenshot(page, "dataset-offers");

    await page.getByLabel("Currency").selectOption({ label: "dUSD" });
    await page.waitForFunction(
      (count) =>
        document.querySelectorAll('[data-testid^="offer-"]:not([data-testid="offer-count"])')
          .length === count,
      2,
    );
    for (const id of [ids.usdA, ids.usdB]) await page.getByTestId(`offer-${id}`).waitFor();
    // By id, in any currency.
    await page.getByLabel("Currency").selectOption({ label: "Any currency" });
    await page.getByLabel("Filter by asset id or metadata").fill(String(ids.ethB));
    await page.getByTestId("offer-count").filter({ hasText: "1 asset offered" }).waitFor();
    expect(await page.getByTestId(/^offer-\d+$/).count()).to.equal(1);
    await page.getByLabel("Filter by asset id or metadata").fill(String(ids.refused));
    await page.getByText("No asset offered for AI training matches.").waitFor();
  });

  it("prices the cart on chain per currency, as the SDK quotes it, and keeps it across a reload", async function () {
    this.timeout(60_000);
    await page.getByLabel("Filter by asset id or metadata").fill(PREFIX);
    cart = [ids.ethA, ids.usdA, ids.usdB, ids.ethB];
    for (const id of cart)
      await page.getByRole("button", { name: `Add asset ${id} to the cart` }).click();
    const quotes = await quoteLicences(e.publicClient, {
      deployment: e.deployment,
      assetIds: cart,
      kind,
    });
    const totals = sumByCurrency(
      quotes.map(({ currency, price }) => ({ currency, amount: price })),
    );
    const eth = totals.find((t) => t.currency === ETH)!.amount;
    const usd = totals.find((t) => isAddressEqual(t.currency, e.usd))!.amount;
    expect([eth, usd]).to.deep.equal([parseEther("0.03"), 4_000_000n]);
    // The button names a total once the whole cart is quoted.
    const shown = async () => {
      await page.getByRole("button", { name: /^Buy 4 licences for / }).waitFor();
      return [await text("cart-total-ETH"), await text("cart-total-dUSD")];
    };
    expect(await shown()).to.deep.equal([
      `${formatUnits(eth, 18)} ETH`,
      `${formatUnits(usd, 6)} dUSD`,
    ]);
    await page.reload();
    await page.getByTestId(`cart-${ids.ethB}`).waitFor();
    expect(await page.getByTestId(/^cart-\d+$/).count()).to.equal(cart.length);
    expect(await shown()).to.deep.equal(["0.03 ETH", "4 dUSD"]);
    await screenshot(page, "dataset-cart");
  });

  it("cancels quietly when the wallet's prompt is declined: nothing sent, nothing changed", async function () {
    this.timeout(30_000);
    const before = await getAllowance(e.publicClient, {
      deployment: e.deployment,
      token: e.usd,
      owner: buyer,
    });
    wallet.rejectNext();
    await page.getByRole("button", { name: /^Buy 4 licences for/ }).click();
    await page.getByText("Cancelled in the wallet: nothing sent.").waitFor();
    expect(wallet.sent).to.deep.equal([]);
    expect(
      await getAllowance(e.publicClient, { deployment: e.deployment, token: e.usd, owner: buyer }),
    ).to.equal(before);
    expect(
      await getLicences(e.publicClient, { deployment: e.deployment, holder: buyer }),
    ).to.deep.equal([]);
  });

  it("approves exactly the dUSD total, then buys every licence in one capped transaction", async function () {
    this.timeout(90_000);
    const [ethBefore, usdBefore] = [
      await balanceOf(e, ETH, buyer),
      await balanceOf(e, e.usd, buyer),
    ];
    await recordStatuses(page);
    await page.getByRole("button", { name: /^Buy 4 licences for/ }).click();
    const done = page.getByTestId("purchase-done");
    await done.waitFor({ timeout: 60_000 });
    // Each transaction was shown waiting for the wallet, then pending its receipt.
    const statuses = await page.evaluate(() => (window as unknown as Recorded).__statuses);
    expect(statuses.filter((status) => /^(Approve|Buy)/.test(status))).to.deep.equal([
      "Approve 4 dUSD for the protocol: confirm in your wallet…",
      `Approve 4 dUSD for the protocol: sent as ${wallet.sent[0]!.slice(0, 10)}…, waiting for its receipt…`,
      "Buy 4 AI-training licences in one transaction: confirm in your wallet…",
      `Buy 4 AI-training licences in one transaction: sent as ${wallet.sent[1]!.slice(0, 10)}…, waiting for its receipt…`,
    ]);

    expect(wallet.sent).to.have.length(2);
    const [approval, purchase] = await Promise.all(
      wallet.sent.map((hash) => e.publicClient.getTransaction({ hash })),
    );
    expect(decodeFunctionData({ abi: erc20Abi, data: approval!.input })).to.deep.equal({
      functionName: "approve",
      args: [getAddress(e.deployment.protocol), 4_000_000n],
    });
    const call = decodeFunctionData({ abi: licensingAbi, data: purchase!.input });
    expect(call.functionName).to.equal("buyLicences");
    const [assetIds, callKind, versions, recipient, maxTotals] = call.args as readonly unknown[];
    expect([assetIds, callKind, versions, recipient, maxTotals]).to.deep.equal([
      cart,
      kind,
      [1, 1, 1, 1],
      buyer,
      [
        { currency: ETH, amount: parseEther("0.03") },
        { currency: getAddress(e.usd), amount: 4_000_000n },
      ],
    ]);
    const receipts = await Promise.all(
      wallet.sent.map((hash) => e.publicClient.getTransactionReceipt({ hash })),
    );
    expect(receipts.map((r) => r.status)).to.deep.equal(["success", "success"]);

    // The buyer holds valid AI-training licences of exactly the cart's assets, paid the totals shown.
    const licences = await getLicences(e.publicClient, {
      deployment: e.deployment,
      holder: buyer,
      kind,
    });
    expect(licences.map((l) => l.assetId)).to.deep.equal(cart);
    bought = licences.map((l) => l.licenceId);
    for (const assetId of [...cart, ids.refused]) {
      const { valid } = await hasValidLicence(e.publicClient, {
        deployment: e.deployment,
        holder: buyer,
        assetId,
        kind,
      });
      expect(valid, `asset ${assetId}`).to.equal(assetId !== ids.refused);
    }
    const gas = receipts.reduce((sum, receipt) => sum + gasCost(receipt), 0n);
    expect(ethBefore - (await balanceOf(e, ETH, buyer))).to.equal(parseEther("0.03") + gas);
    expect(usdBefore - (await balanceOf(e, e.usd, buyer))).to.equal(4_000_000n);
    expect(
      await getAllowance(e.publicClient, { deployment: e.deployment, token: e.usd, owner: buyer }),
    ).to.equal(0n);

    expect(await text("licence-ids")).to.equal(bought.join(", "));
    expect(await done.textContent()).to.include("charged 0.03 ETH + 4 dUSD");
    // Bought: out of the cart.
    await page.getByRole("heading", { name: "Cart (0)" }).waitFor();
    await screenshot(page, "dataset-bought");
  });

  it("downloads the manifest that the SDK builds for the licences bought", async function () {
    this.timeout(30_000);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download manifest" }).click(),
    ]);
    expect(download.suggestedFilename()).to.equal(`licence-manifest-${bought[0]}.json`);
    const downloaded = JSON.parse(readFileSync((await download.path())!, "utf8")) as {
      blockNumber: string;
    };
    const manifest = await getLicenceManifest(e.publicClient, {
      deployment: e.deployment,
      licenceIds: bought,
      blockNumber: BigInt(downloaded.blockNumber),
    });
    expect(downloaded).to.deep.equal(JSON.parse(formatLicenceManifest(manifest)));
    expect(manifest.licences.map((l) => [l.assetId, l.kind, l.holder, l.valid])).to.deep.equal(
      cart.map((assetId) => [assetId, "AITraining", buyer, true]),
    );
  });

  it("refuses a cart quoted before the terms changed with the protocol's sentence, sending nothing", async function () {
    this.timeout(30_000);
    await page.getByRole("button", { name: `Add asset ${ids.ethA} to the cart` }).click();
    await page.getByTestId("cart-total-ETH").filter({ hasText: "0.01 ETH" }).waitFor();
    // Alice raises the price after the buyer's quote: a new terms version.
    await allow(e, e.alice, ids.ethA, kind, { currency: ETH, price: parseEther("0.05") });
    const sent = wallet.sent.length;
    await page.getByRole("button", { name: "Buy 1 licence for 0.01 ETH" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const sentence = (await alert.textContent()) ?? "";
    expect(sentence).to.equal(
      `The AITraining terms of asset ${ids.ethA} are at version 2, not the version 1 quoted: quote again (TermsVersionMismatch).`,
    );
    expect(sentence).to.not.match(/0x[0-9a-f]{8}/i);
    expect(wallet.sent.length).to.equal(sent);
    // The failed attempt quotes the cart again: the new price is what a retry would be held to.
    await page.getByTestId("cart-total-ETH").filter({ hasText: "0.05 ETH" }).waitFor();
    await screenshot(page, "dataset-refused");
  });
});
