// Makes sure a Chromium for the browser tests exists. CHROMIUM_PATH wins; else /usr/bin/chromium.
// When missing and we are root with apt-get, installs Debian's `chromium` package, saying so.
import { existsSync } from "node:fs";
import { execSync } from "node:child_process";

const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (existsSync(path)) process.exit(0);
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
let hasApt = false;
try {
  execSync("command -v apt-get", { stdio: "ignore", shell: "/bin/sh" });
  hasApt = true;
} catch {
  /* no apt */
}
if (path === "/usr/bin/chromium" && isRoot && hasApt) {
  console.log("[ensure-chromium] Chromium not found at /usr/bin/chromium: installing Debian's 'chromium' package (apt-get)...");
  try {
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
      stdio: "inherit",
      shell: "/bin/sh",
    });
  } catch {
    console.error("[ensure-chromium] apt-get install chromium failed; install it by hand: sudo apt-get install -y chromium");
    process.exit(1);
  }
  if (existsSync(path)) process.exit(0);
}
console.error(
  `[ensure-chromium] No Chromium at ${path}. Install it with 'sudo apt-get install -y chromium' (Debian) or set CHROMIUM_PATH to a Chromium binary.`,
);
process.exit(1);
