import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ownPath, ownRelativeUrl, ownUrl } from "../../../src/state/ownAddress";

const at = (href: string) => {
  const u = new URL(href);
  return { href: u.href, pathname: u.pathname, search: u.search };
};

describe("the app's own address", () => {
  it("a path starting with // stays on the app's host (it pointed to another one)", () => {
    const loc = at("https://reroute.example//evil.example/x?embed=1#v=abc");
    expect(loc.pathname).toBe("//evil.example/x");
    // What the app built before: a protocol-relative URL to evil.example.
    expect(new URL(`${loc.pathname}${loc.search}#v=1`, loc.href).host).toBe("evil.example");
    expect(ownRelativeUrl(loc, "#v=1")).toBe("/evil.example/x?embed=1#v=1");
    expect(ownUrl(loc, "#v=1")).toBe("https://reroute.example/evil.example/x?embed=1#v=1");
    expect(ownPath("/\\\\/a")).toBe("/a");
    expect(ownUrl(at("file:///home/me/reroute/index.html"), "#story=x")).toBe("file:///home/me/reroute/index.html#story=x");
  });

  it("1,000 hostile paths and queries all resolve to the page's own origin", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("/", "\\", "//", "evil.example", "@", ":", "..", "%2F", "http:", "x", "?", "#"), { maxLength: 12 }),
        (parts) => {
          const raw = `https://reroute.example/${parts.join("")}`;
          let loc;
          try {
            loc = at(raw);
          } catch {
            return;
          }
          expect(new URL(ownUrl(loc, "#v=1")).origin).toBe("https://reroute.example");
          expect(new URL(ownRelativeUrl(loc, "#v=1"), loc.href).origin).toBe("https://reroute.example");
        },
      ),
      { numRuns: 1000, seed: 18 },
    );
  });
});
