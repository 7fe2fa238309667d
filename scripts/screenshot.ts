// Makes the README screenshot from the built app (npm run screenshot) and prints the time to the first
// drawn frame in headless Chromium. Writes docs/screenshot.png.
import { launchBrowser, openApp, serveDist } from "../test/e2e/harness";
import { resolve } from "node:path";

const out = resolve(import.meta.dirname, "../docs/screenshot.png");
const served = await serveDist();
const browser = await launchBrowser();
try {
  const { page, errors } = await openApp(browser, served.url, { viewport: { width: 1280, height: 800 } });
  const ready = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const mark = performance.getEntriesByName("reroute:first-frame")[0];
    return {
      firstFrameMs: mark ? Math.round(mark.startTime) : null,
      domContentLoaded: nav ? Math.round(nav.domContentLoadedEventEnd) : null,
    };
  });
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}`);
  console.log(`time to first drawn frame: ${ready.firstFrameMs} ms (DOMContentLoaded ${ready.domContentLoaded} ms)`);
  if (errors.length) console.log("console errors:", errors);
} finally {
  await browser.close();
  await served.close();
}
