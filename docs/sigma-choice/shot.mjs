import { chromium } from "playwright-core"; import { createServer } from "vite";
const { preview } = await import("vite"); const srv = await preview({ preview: { port: 4199, host: "127.0.0.1" } });
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--no-first-run"] });
for (const v of [3,4]) { const p = await b.newPage({viewport:{width:600,height:400}}); const errs=[]; p.on("console", m=>errs.push(m.text())); p.on("pageerror", e=>errs.push(String(e)));
 await p.goto(`http://127.0.0.1:4199/page${v}.html`); await p.waitForFunction(()=>document.title==="ready"); await p.screenshot({path:`/tmp/sc/sigma${v}.png`}); console.log(v, errs); }
await b.close(); srv.httpServer.close();
