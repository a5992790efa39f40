// The app as every browser test opens it: an indexer caught up with the chain, the production
// build served in front of it, and Chromium with the test wallet on one page.
import type { Page } from "playwright-core";
import type { ServedApp } from "../../../app/serve.ts";
import type { SdkEnv, Wallet } from "../sdk/helpers/env.js";
import { type RunningIndexer, startIndexer } from "../indexer/run.js";
import {
  chromiumAvailable,
  injectWallet,
  launchBrowser,
  screenshot,
  type TestWallet,
} from "./browser.js";
import { serveBuiltApp } from "./served.js";

/** What a browser test drives, and how to stop it all. */
export type AppSession = {
  indexer: RunningIndexer;
  app: ServedApp;
  wallet: TestWallet;
  page: Page;
  /** Stops the browser, the app server and the indexer (before any chain revert: the indexer
   * would see the revert as a reorg). */
  close(): Promise<void>;
};

/** Fails at once where Debian's Chromium is missing, before a test builds its state. */
export function requireChromium(): void {
  if (!chromiumAvailable()) {
    throw new Error("Chromium is not installed: `apt-get install -y chromium` (.ci/run does)");
  }
}

/** Indexes `e`'s chain as it is now, serves the app on it and opens it as `account`. */
export async function openAppSession(e: SdkEnv, account: Wallet): Promise<AppSession> {
  const stops: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const indexer = await startIndexer(e.node.url, e.deployment);
    stops.push(() => indexer.stop());
    await indexer.caughtUp(await e.publicClient.getBlockNumber(), 120_000);
    const app = await serveBuiltApp(e.node.url, indexer.url);
    stops.push(() => app.close());
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    const wallet = await injectWallet(browser.context, e.publicClient, account);
    const page = await browser.context.newPage();
    page.on("pageerror", (error) => console.log(`      page error: ${error.message}`));
    return { indexer, app, wallet, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Leaves a failed test's page behind as a screenshot named after the test. */
export async function screenshotFailure(
  test: Mocha.Test | undefined,
  session: AppSession | undefined,
  prefix = "failed",
): Promise<void> {
  if (test?.state === "failed" && session) {
    await screenshot(session.page, `${prefix}-${test.title.slice(0, 40).replace(/\W+/g, "-")}`);
  }
}
