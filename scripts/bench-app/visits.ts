// Cold visits of the app in headless Chromium, each in a browser of its own (a fresh profile: no
// cache of any kind), timed by the page itself against `performance.timeOrigin` (navigation start).
import type { Page } from "playwright-core";
import { launchBrowser } from "../../test/mocha/app/browser.ts";

/** The main thread is idle once no long task (> 50 ms) ran for this long. */
export const QUIET_MS = 2_000;
const TIMEOUT_MS = 60_000;
const GRAPH_NODES = '[data-testid="lineage-graph"] g.node';

/** Content whose drawing is timed: a name, a CSS selector and how many must match. */
type Watch = [name: string, selector: string, count: number];

/**
 * Runs in the page before its own scripts: records every long task, and when each watched piece
 * of content is first drawn: the start of the frame after the one whose DOM first held it, so
 * that its style, layout and paint are counted. A string, so that no transpiler helper ends up in
 * the page (see test/mocha/app/browser.ts).
 */
const probe = (watched: Watch[]) => `(() => {
  const probe = { longTasks: [], drawn: {} };
  window.__benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const { startTime, duration } of list.getEntries()) {
      probe.longTasks.push({ start: startTime, end: startTime + duration });
    }
  }).observe({ type: "longtask", buffered: true });
  const seen = new Set();
  new MutationObserver(() => {
    for (const [name, selector, count] of ${JSON.stringify(watched)}) {
      if (seen.has(name) || document.querySelectorAll(selector).length < count) continue;
      seen.add(name);
      const record = () => (probe.drawn[name] = performance.now());
      requestAnimationFrame(() => requestAnimationFrame(record));
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

type LongTask = { start: number; end: number };
type ProbeState = { longTasks: LongTask[]; drawn: Record<string, number>; now: number };

const readProbe = (page: Page) =>
  page.evaluate<ProbeState>(
    "({ longTasks: __benchProbe.longTasks, drawn: __benchProbe.drawn, now: performance.now() })",
  );
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls the probe until `ready` gives a value; fails after TIMEOUT_MS, naming `what`. */
async function until<T>(page: Page, what: string, ready: (state: ProbeState) => T | undefined) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = ready(await readProbe(page));
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${TIMEOUT_MS / 1000} s`);
    await sleep(100);
  }
}

/**
 * When the page became interactive after `content` was drawn: the end of the last long task
 * before QUIET_MS without one (or the drawing itself, if no long task came after it).
 */
async function interactiveAfter(page: Page, content: string): Promise<number> {
  let candidate: number | undefined;
  return until(page, `${content}, then ${QUIET_MS} ms without a long task`, (state) => {
    const drawn = state.drawn[content];
    if (drawn === undefined) return undefined;
    const busyUntil = Math.max(drawn, ...state.longTasks.map((task) => task.end));
    // Quiet on two reads in a row: a long task's entry reaches the observer just after it ends.
    const quiet = state.now - busyUntil >= QUIET_MS;
    if (quiet && candidate === busyUntil) return busyUntil;
    candidate = quiet ? busyUntil : undefined;
    return undefined;
  });
}

/** Opens `url` in a fresh browser probed for `watched`, runs `visit`, and closes the browser. */
async function coldVisit<T>(url: string, watched: Watch[], visit: (page: Page) => Promise<T>) {
  const browser = await launchBrowser();
  try {
    await browser.context.addInitScript({ content: probe(watched) });
    const page = await browser.context.newPage();
    // Requests of the page's workers are reported here too.
    const fetched = new Set<string>();
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith("/assets/")) fetched.add(pathname.slice(1));
    });
    await page.goto(url);
    return { ...(await visit(page)), fetched };
  } finally {
    await browser.close();
  }
}

/** One cold visit of the Explore page. */
export type ExploreVisit = {
  /** First contentful paint (Paint Timing). */
  fcp: number;
  /** The latest assets drawn. */
  listed: number;
  /** Time to interactive: see `interactiveAfter`. */
  interactive: number;
  /** The build's files the visit fetched. */
  fetched: Set<string>;
};

/** Visits the Explore page (`appUrl` itself) cold: all figures in ms from navigation start. */
export function visitExplore(appUrl: string): Promise<ExploreVisit> {
  const rows = 'section[aria-label="Latest assets"] tbody tr';
  return coldVisit(`${appUrl}/`, [["listed", rows, 1]], async (page) => {
    const interactive = await interactiveAfter(page, "listed");
    const { drawn } = await readProbe(page);
    const fcp = await page.evaluate<number | undefined>(
      `performance.getEntriesByName("first-contentful-paint")[0]?.startTime`,
    );
    if (fcp === undefined) throw new Error("Chromium reported no first contentful paint");
    return { fcp, listed: drawn.listed!, interactive };
  });
}

/** One cold visit of a lineage, expanded once drawn. */
export type LineageVisit = {
  /** From navigation start to the collapsed view drawn. */
  collapsed: number;
  /** From the click on "Expand all" to every node drawn. */
  expanded: number;
  /** The longest main-thread task meanwhile (0: none over 50 ms). */
  longestTask: number;
  /** The build's files the visit fetched, the worker's script included. */
  fetched: Set<string>;
};

/**
 * Opens the lineage of `rootId` (`size` assets) cold, waits until the page is idle, clicks
 * "Expand all" and times it until all `size` nodes are drawn.
 */
export function visitLineage(appUrl: string, rootId: string, size: number): Promise<LineageVisit> {
  const watched: Watch[] = [
    ["lineage", GRAPH_NODES, 1],
    ["expanded", GRAPH_NODES, size],
  ];
  return coldVisit(`${appUrl}/#/lineage/${rootId}`, watched, async (page) => {
    await interactiveAfter(page, "lineage");
    const { drawn } = await readProbe(page);
    const shown = await page.locator(GRAPH_NODES).count();
    if (shown >= size) throw new Error(`the lineage opened with ${shown} nodes: not collapsed`);
    const clickedAt = await page.evaluate<number>(`(() => {
      const buttons = [...document.querySelectorAll("button")];
      const button = buttons.find((b) => b.textContent === "Expand all");
      const at = performance.now();
      button.click();
      return at;
    })()`);
    const done = await until(page, `all ${size} nodes`, (state) => state.drawn.expanded);
    const { longTasks } = await readProbe(page);
    const during = longTasks.filter((task) => task.end > clickedAt && task.start < done);
    return {
      collapsed: drawn.lineage!,
      expanded: done - clickedAt,
      longestTask: Math.max(0, ...during.map((task) => task.end - task.start)),
    };
  });
}
