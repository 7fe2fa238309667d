import { DOMParser } from "@xmldom/xmldom";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { estimateText, layoutExport } from "../../../src/io/exportLayout";
import type { ExportSpec } from "../../../src/io/exportSpec";
import { storyFileNames, storyZip } from "../../../src/io/exportStory";
import { escapeXml, writeSvg, type ViewGeometry } from "../../../src/io/exportSvg";
import { EXPORT_THEMES, splitColour } from "../../../src/io/exportTheme";

const spec: ExportSpec = {
  title: 'Cars <&> "routes"',
  caption: ["2024 · used-car exports, vehicles · 2 flows shown"],
  legend: {
    widthTitle: "Flow width (vehicles, square-root scale)",
    widths: [
      { value: 100_000, label: "100k vehicles", width: 12 },
      { value: 10_000, label: "10k vehicles", width: 4 },
    ],
    kinds: [{ label: "Origin", colour: "#c0392b" }],
    lanes: [{ label: "Central Asia", colour: "#d4ac0d" }],
    basis: [{ label: "Modelled estimate (lighter)", colour: "rgba(212,172,13,0.42)" }],
  },
  sources: ["Reuters", "Xinhua"],
  caveat: "Caveat line",
  exported: "Exported 28 Nov 2026 with Reroute",
  fileBase: "x",
};

const geometry: ViewGeometry = {
  width: 1000,
  height: 700,
  nodes: [
    { id: "a", x: 10, y: 20, r: 5, colour: "#c0392b" },
    { id: "b", x: 300, y: 200, r: 8, colour: "rgba(26,82,118,0.35)" },
  ],
  labels: [{ id: "a", text: "Shandong <script>", x: 18, y: 24 }],
  edges: [
    { id: "a>b@2024/road", x1: 10, y1: 20, x2: 300, y2: 200, cx: 200, cy: 50, width: 6, colour: "rgba(212,172,13,0.9)", arrow: 8 },
    { id: "b>a@2024/sea", x1: 300, y1: 200, x2: 10, y2: 20, cx: 100, cy: 180, width: 2, colour: "#148f77", arrow: 0 },
  ],
  affine: { a: 2, b: 0, c: 0, d: 2, e: 5, f: 6 },
  labelSize: 12,
};

const parse = (svg: string) => new DOMParser().parseFromString(svg, "image/svg+xml");
const texts = (doc: ReturnType<typeof parse>) =>
  Array.from(doc.getElementsByTagName("text")).map((t) => ({ role: t.getAttribute("data-role"), text: t.textContent ?? "" }));

describe("writeSvg(layout, geometry, theme, backdrop) writes vectors and real text", () => {
  const layout = layoutExport(spec, { width: 1920, height: 1080 }, estimateText);
  const svg = writeSvg(layout, geometry, EXPORT_THEMES.white, {
    land: "#eceae4",
    border: "#c9c5bb",
    landPath: "M0,0L1,0L1,1Z",
    borderPath: "M0,0L1,1",
  });
  const doc = parse(svg);

  it("parses as SVG with the page size", () => {
    const root = doc.documentElement!;
    expect(root.nodeName).toBe("svg");
    expect(root.getAttribute("width")).toBe("1920");
    expect(root.getAttribute("viewBox")).toBe("0 0 1920 1080");
  });

  it("has the title, caption, legend and sources as <text>, escaped, never markup", () => {
    const t = texts(doc);
    expect(t.find((x) => x.role === "title")?.text).toBe('Cars <&> "routes"');
    expect(t.filter((x) => x.role === "legend").map((x) => x.text)).toEqual(
      expect.arrayContaining(["100k vehicles", "10k vehicles", "Origin", "Central Asia", "Modelled estimate (lighter)"]),
    );
    expect(t.some((x) => x.role === "legend-heading" && x.text.startsWith("Flow width"))).toBe(true);
    expect(t.find((x) => x.role === "sources")?.text).toBe("Sources: Reuters; Xinhua.");
    expect(t.find((x) => x.role === "caveat")?.text).toBe("Caveat line");
    expect(t.find((x) => x.role === "label")?.text).toBe("Shandong <script>");
    expect(doc.getElementsByTagName("script").length).toBe(0);
  });

  it("draws one <path data-flow-id> per flow, with width and split colour", () => {
    const flows = Array.from(doc.getElementsByTagName("path")).filter((p) => p.getAttribute("data-flow-id"));
    expect(flows.map((p) => p.getAttribute("data-flow-id"))).toEqual(["a>b@2024/road", "b>a@2024/sea"]);
    expect(flows[0]!.getAttribute("stroke")).toBe("#d4ac0d");
    expect(flows[0]!.getAttribute("stroke-opacity")).toBe("0.9");
    expect(flows[0]!.getAttribute("stroke-width")).toBe("6");
    expect(flows[0]!.getAttribute("d")).toBe("M10 20Q200 50 300 200");
    // An arrow head only where the renderer draws one.
    expect(Array.from(doc.getElementsByTagName("path")).filter((p) => p.getAttribute("data-arrow-of")).length).toBe(1);
  });

  it("draws places as circles and the backdrop as paths under the graph's matrix", () => {
    expect(doc.getElementsByTagName("circle").length).toBeGreaterThanOrEqual(2);
    const backdrop = doc.getElementById("backdrop")!;
    expect(backdrop.getAttribute("transform")).toBe("matrix(2 0 0 2 5 6)");
    expect(backdrop.getElementsByTagName("path").length).toBe(2);
  });

  it("leaves the page transparent on the transparent background, and draws dark text light", () => {
    const clear = parse(writeSvg(layout, geometry, EXPORT_THEMES.transparent, null));
    expect(clear.getElementById("page")).toBeNull();
    expect(clear.getElementById("backdrop")).toBeNull();
    const dark = parse(writeSvg(layout, geometry, EXPORT_THEMES.dark, null));
    const title = Array.from(dark.getElementsByTagName("text")).find((t) => t.getAttribute("data-role") === "title")!;
    expect(title.getAttribute("fill")).toBe(EXPORT_THEMES.dark.ink);
  });
});

describe("colour and text helpers", () => {
  it("splitColour turns rgba() and short hex into hex plus opacity", () => {
    expect(splitColour("rgba(212,172,13,0.42)")).toEqual({ paint: "#d4ac0d", opacity: 0.42 });
    expect(splitColour("#ABC")).toEqual({ paint: "#aabbcc", opacity: 1 });
    expect(splitColour("rgb(0, 0, 0)")).toEqual({ paint: "#000000", opacity: 1 });
  });
  it("escapeXml escapes the five specials and drops control characters", () => {
    expect(escapeXml(`a<b>&"c'\u0001`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
  });
});

describe("storyZip(images) packs one PNG per saved view", () => {
  it("numbers files in story order, unique for equal titles", () => {
    expect(storyFileNames(["Intro", "Intro", "Horgos 2024"])).toEqual(["01-intro.png", "02-intro.png", "03-horgos-2024.png"]);
  });
  it("round-trips the PNG bytes through the ZIP", () => {
    const a = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const b = new Uint8Array([137, 80, 78, 71, 9, 9]);
    const files = unzipSync(
      storyZip(
        [
          { title: "One", png: a },
          { title: "Two", png: b },
        ],
        "readme",
      ),
    );
    expect(Object.keys(files).sort()).toEqual(["01-one.png", "02-two.png", "README.txt"]);
    expect(Array.from(files["01-one.png"]!)).toEqual(Array.from(a));
    expect(Array.from(files["02-two.png"]!)).toEqual(Array.from(b));
  });
  it("refuses an empty story", () => {
    expect(() => storyZip([])).toThrow(/no views/);
  });
});
