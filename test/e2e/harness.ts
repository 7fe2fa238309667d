// Browser-test harness: serves the built app (dist/) on 127.0.0.1, drives Debian's Chromium headless with
// playwright-core, records console errors and any request that leaves the page's origin.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { PNG } from "pngjs";
import { preview, type PreviewServer } from "vite";

export const ROOT = resolve(import.meta.dirname, "../..");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

export interface Served {
  url: string;
  close(): Promise<void>;
}

export async function serveDist(): Promise<Served> {
  if (!existsSync(resolve(ROOT, "dist/index.html"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: "error",
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === "string") throw new Error("preview server has no port");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((done) => server.httpServer.close(() => done())),
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install it with 'apt-get install -y chromium' or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
  foreignRequests: string[];
}

/** Opens the app at `url` (may carry a query/hash) and waits for the ready signal. */
export async function openApp(
  browser: Browser,
  url: string,
  options: { viewport?: { width: number; height: number }; context?: BrowserContext; waitReady?: boolean } = {},
): Promise<OpenedPage> {
  const context =
    options.context ?? (await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, acceptDownloads: true }));
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(url).origin;
  page.on("console", (m) => {
    // Chromium's software-GL driver chatter is not an app error.
    if (m.type() === "error" && !/GL Driver Message|GPU stall/.test(m.text())) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) foreignRequests.push(u);
  });
  await page.goto(url);
  if (options.waitReady !== false) await waitReady(page);
  return { page, context, errors, foreignRequests };
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true", undefined, { timeout: 30_000 });
}

/** Waits until at least one more frame than `after` has been drawn and no animation runs. */
export async function waitRendered(page: Page, after: number): Promise<number> {
  await page.waitForFunction(
    (n) => Number(document.documentElement.dataset.renders ?? "0") > n && document.documentElement.dataset.animating !== "true",
    after,
    { timeout: 20_000 },
  );
  return renders(page);
}

export async function renders(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.documentElement.dataset.renders ?? "0"));
}

export async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.animating !== "true", undefined, { timeout: 20_000 });
}

export function decodePng(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

/** Share of pixels farther than `tolerance` (max channel difference) from the background colour. */
export function drawnShare(png: PNG, background: [number, number, number], tolerance = 12): number {
  let drawn = 0;
  const { data } = png;
  for (let i = 0; i < data.length; i += 4) {
    const d = Math.max(Math.abs(data[i]! - background[0]), Math.abs(data[i + 1]! - background[1]), Math.abs(data[i + 2]! - background[2]));
    if (d > tolerance) drawn++;
  }
  return drawn / (png.width * png.height);
}

/** Hue (degrees), saturation and lightness of an RGB colour. */
export function hsl(r: number, g: number, b: number): [number, number, number] {
  r /= 255;
  g /= 255;
  b /= 255;
  const max = Math.max(r, g, b),
    min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, s, l];
}

/** Pixels whose hue is within `window` degrees of `hue` and whose saturation exceeds `minSat`. */
export function countHue(
  png: PNG,
  hue: number,
  window = 8,
  minSat = 0.2,
  region?: { x0: number; y0: number; x1: number; y1: number },
): number {
  let n = 0;
  const x0 = region?.x0 ?? 0,
    y0 = region?.y0 ?? 0,
    x1 = region?.x1 ?? png.width,
    y1 = region?.y1 ?? png.height;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      const [h, s] = hsl(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!);
      const dh = Math.min(Math.abs(h - hue), 360 - Math.abs(h - hue));
      if (dh <= window && s >= minSat) n++;
    }
  }
  return n;
}

export function readRepoFile(path: string): string {
  return readFileSync(resolve(ROOT, path), "utf8");
}

/** Opens a side-panel section by its title button (a no-op when it is already open). */
export async function openSection(page: Page, title: string): Promise<void> {
  const toggle = page.getByRole("button", { name: title, exact: true });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
}
