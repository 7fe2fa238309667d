// The usual frame of a browser test file, kept apart from harness.ts (which scripts import outside vitest).
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { launchBrowser, openApp, serveDist, type OpenedPage, type Served } from "./harness";

/**
 * The usual frame of a browser test file: one server and one browser for the file, and a page of its own
 * (a fresh context) for each test, closed after it. Returns getters for what the hooks set up.
 */
export function pagePerTest(viewport?: { width: number; height: number }): {
  readonly app: OpenedPage;
  readonly browser: Browser;
  readonly served: Served;
} {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let app: OpenedPage | undefined;
  beforeAll(async () => {
    served = await serveDist();
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    app = await openApp(browser!, served!.url, viewport ? { viewport } : {});
  });
  afterEach(async () => {
    await app?.context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  return {
    get app() {
      return app!;
    },
    get browser() {
      return browser!;
    },
    get served() {
      return served!;
    },
  };
}
