// Headless Chromium (Debian's, driven by playwright-core) with a test wallet injected into the
// page: an EIP-1193 provider, announced by EIP-6963 and set as `window.ethereum`, whose every
// request is answered here in Node by a viem wallet client signing with a dev key.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { type Hex, type PublicClient, toHex } from "viem";
import type { Wallet } from "../sdk/helpers/env.js";

export const CHROMIUM = "/usr/bin/chromium";

/** Whether Debian's Chromium is installed (`.ci/run` installs it with apt). */
export const chromiumAvailable = () => existsSync(CHROMIUM);

/** The flags that keep Chromium quiet on a closed network (see ../shared/TOOLCHAIN.md). */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A launched browser (its one context) and its throwaway profile. */
export type TestBrowser = { context: BrowserContext; close(): Promise<void> };

/** Launches Chromium with a fresh profile. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "remix-chromium-"));
  // Playwright's own Ctrl-C handler exits the process once the browser is closed, before any
  // `close()` could run: the profile goes on exit, however the process ends.
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  process.once("exit", removeProfile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      process.removeListener("exit", removeProfile);
      removeProfile();
    },
  };
}

/** What the test wallet does with the next request that needs the user (send, sign). */
export type TestWallet = {
  /** The account the page sees. */
  use(wallet: Wallet): void;
  /** Declines the next prompt the user would see (EIP-1193 error 4001). */
  rejectNext(): void;
  /** Transactions sent so far. */
  sent: Hex[];
};

/** The page's side of the wallet: an EIP-1193 provider over the `__remixTestWallet` binding. */
const PAGE_PROVIDER = `(() => {
  const provider = {
    isTestWallet: true,
    async request({ method, params }) {
      const { result, error } = await window.__remixTestWallet(method, params);
      if (error) throw Object.assign(new Error(error.message), { code: error.code, data: error.data });
      return result;
    },
    on() {},
    removeListener() {},
  };
  window.ethereum = provider;
  const info = Object.freeze({
    uuid: "5b1c0c2e-7e57-4a11-8e7c-000000000001",
    name: "Test Wallet",
    icon: "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>",
    rdns: "dev.remix.testwallet",
  });
  const announce = () =>
    window.dispatchEvent(
      new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }),
    );
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
})();`;

const PROMPTS = new Set([
  "eth_requestAccounts",
  "eth_sendTransaction",
  "personal_sign",
  "eth_signTypedData_v4",
  "wallet_switchEthereumChain",
]);

/**
 * Injects the test wallet into every page of `context`: requests go to `wallet` (sends and
 * signatures, the account, the chain) or on to the node through `publicClient`.
 */
export async function injectWallet(
  context: BrowserContext,
  publicClient: PublicClient,
  initial: Wallet,
): Promise<TestWallet> {
  let wallet = initial;
  let reject = false;
  // As a real wallet: no account for the page until it asks (the user's "Connect").
  let connected = false;
  const state: TestWallet = {
    use: (next) => (wallet = next),
    rejectNext: () => (reject = true),
    sent: [],
  };
  await context.exposeBinding(
    "__remixTestWallet",
    async (_source, method: string, params: unknown[] | undefined) => {
      try {
        if (PROMPTS.has(method) && reject) {
          reject = false;
          return { error: { code: 4001, message: "User rejected the request." } };
        }
        return { result: await answer(method, params ?? []) };
      } catch (error) {
        // As a wallet does, the node's error with its revert data, for the page to decode.
        const { code, message, data } = error as {
          code?: number;
          message?: string;
          data?: unknown;
        };
        return { error: { code: code ?? -32603, message: message ?? String(error), data } };
      }
    },
  );
  async function answer(method: string, params: unknown[]): Promise<unknown> {
    const address = wallet.account.address;
    switch (method) {
      case "eth_requestAccounts":
        connected = true;
        return [address];
      case "eth_accounts":
        return connected ? [address] : [];
      case "eth_chainId":
        return toHex(wallet.chain.id);
      case "wallet_switchEthereumChain":
        return null;
      case "eth_sendTransaction": {
        const [request] = params as [{ to?: Hex; data?: Hex; value?: Hex; gas?: Hex; from?: Hex }];
        const hash = await wallet.sendTransaction({
          to: request.to ?? null,
          data: request.data,
          value: request.value ? BigInt(request.value) : undefined,
          gas: request.gas ? BigInt(request.gas) : undefined,
        });
        state.sent.push(hash);
        return hash;
      }
      case "personal_sign":
        return wallet.signMessage({ message: { raw: (params as [Hex])[0] } });
      case "eth_signTypedData_v4":
        return wallet.signTypedData(JSON.parse((params as [Hex, string])[1]));
      default:
        // Anything else (reads, fee data, receipts) goes to the node as the page asked.
        return (publicClient.request as (args: { method: string; params: unknown }) => unknown)({
          method,
          params,
        });
    }
  }
  // A string, not a function: the test runner's transpiler would put helpers in its body that
  // do not exist in the page.
  await context.addInitScript({ content: PAGE_PROVIDER });
  return state;
}

/** Writes a full-page screenshot of `page` as `<name>.png` under test-artifacts/app. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = fileURLToPath(new URL("../../../test-artifacts/app", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
