import { defineConfig } from "vitest/config";
import type { Plugin } from "vite";

/**
 * The built page's Content-Security-Policy: everything from the page's own origin, nothing inline but style
 * attributes (legend swatches), workers from the app's files and from blobs (ForceAtlas2 starts its worker
 * from one), images also from data:/blob: URLs (exports). No inline or evaluated script anywhere. Only in
 * the build: the dev server injects styles and a socket that this policy would refuse. The README lists the
 * headers a host should send as well (frame-ancestors and the like only work as headers).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "reroute-content-security-policy",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: () => [
        { tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY }, injectTo: "head-prepend" },
      ],
    },
  };
}

// One config for the app build and both test projects:
// - unit: pure logic in Node (domain, analysis, state, io without DOM);
// - e2e: playwright-core driving Debian's Chromium against the built app (dist/).
export default defineConfig({
  base: "./",
  plugins: [contentSecurityPolicy()],
  build: {
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  worker: { format: "es" },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        // Seeded fuzz runs of hostile input (≥ 1,000 per format): minutes, not seconds, so apart from unit.
        extends: true,
        test: {
          name: "slow",
          include: ["test/slow/**/*.test.ts"],
          environment: "node",
          testTimeout: 240_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
