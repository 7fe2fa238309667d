// The flowmap.gl peer of bench/run.ts: the page built from bench/peers (flowmap.html), fed the very CSV
// text the app imports. Also papaparse's raw parse of those files in a page of the same browser.
import type { Browser, Page } from "playwright-core";

/** window.peer of bench/peers/flowmap.ts (not imported: that file needs the peers' own install). */
interface PeerFlowmap {
  load(places: string, flows: string, year: number, topN: number): Promise<{ parseMs: number; firstFrameMs: number }>;
  setYear(year: number): Promise<{ syncMs: number; frameMs: number }>;
  setTopN(topN: number): Promise<{ syncMs: number; frameMs: number }>;
  papaRaw(texts: string[]): number;
}

export interface PeerResult {
  parseMs: number;
  firstFrameMs: number;
  loadMs: number;
  /** JS of the change (props update and a synchronous redraw). */
  yearMs: number;
  topNMs: number;
  /** From the change to the first frame drawn with its data (flowmap.gl computes layer data in a promise). */
  yearFrameMs: number;
  topNFrameMs: number;
  heapMB: number;
  /** papaparse raw (no header, no typing) of places + flows + sources, median of 3, in the peer page. */
  papaRawMs: number;
  longMax: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1e6;
}

export async function benchFlowmap(
  browser: Browser,
  url: string,
  /** The same files, as paths under the peer page's directory (fetched by the page, as a page loading a file would). */
  files: { places: string; flows: string; sources: string },
  year: number,
  other: number,
  repeat: number,
  initScript: string,
): Promise<PeerResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(initScript);
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`  flowmap page error: ${e}`));
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true", undefined, { timeout: 120_000 });
  // The texts reach the page first (like a file read), then the timed load starts.
  await page.evaluate(async (f) => {
    const text = async (path: string) => (await fetch(path)).text();
    (window as unknown as { __csv: typeof f }).__csv = {
      places: await text(f.places),
      flows: await text(f.flows),
      sources: await text(f.sources),
    };
  }, files);
  const start = await page.evaluate(() => performance.now());
  const load = await page.evaluate(
    ([y]) => {
      const c = (window as unknown as { __csv: { places: string; flows: string } }).__csv;
      return (window as unknown as { peer: PeerFlowmap }).peer.load(c.places, c.flows, y!, 2000);
    },
    [year],
  );
  const longMax = await page.evaluate(
    (from) =>
      ((window as unknown as { __longtasks: { start: number; ms: number }[] }).__longtasks ?? [])
        .filter((t) => t.start >= from)
        .reduce((m, t) => Math.max(m, t.ms), 0),
    start,
  );
  const years: { syncMs: number; frameMs: number }[] = [],
    tops: { syncMs: number; frameMs: number }[] = [];
  for (let i = 0; i < repeat; i++) {
    years.push(await page.evaluate((y) => (window as unknown as { peer: PeerFlowmap }).peer.setYear(y), other));
    years.push(await page.evaluate((y) => (window as unknown as { peer: PeerFlowmap }).peer.setYear(y), year));
    tops.push(await page.evaluate(() => (window as unknown as { peer: PeerFlowmap }).peer.setTopN(500)));
    tops.push(await page.evaluate(() => (window as unknown as { peer: PeerFlowmap }).peer.setTopN(2000)));
  }
  const papa: number[] = [];
  for (let i = 0; i < 3; i++)
    papa.push(
      await page.evaluate(() => {
        const c = (window as unknown as { __csv: { places: string; flows: string; sources: string } }).__csv;
        return (window as unknown as { peer: PeerFlowmap }).peer.papaRaw([c.places, c.flows, c.sources]);
      }),
    );
  // The heap figure counts the flowmap data and layers, not the bench's copy of the CSV text.
  await page.evaluate(() => delete (window as unknown as { __csv?: unknown }).__csv);
  const heap = await heapMB(page);
  await context.close();
  return {
    parseMs: load.parseMs,
    firstFrameMs: load.firstFrameMs,
    loadMs: load.parseMs + load.firstFrameMs,
    yearMs: median(years.map((x) => x.syncMs)),
    topNMs: median(tops.map((x) => x.syncMs)),
    yearFrameMs: median(years.map((x) => x.frameMs)),
    topNFrameMs: median(tops.map((x) => x.frameMs)),
    heapMB: heap,
    papaRawMs: median(papa),
    longMax,
  };
}
