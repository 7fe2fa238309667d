// Saves a chart (Over time, Sankey) as an SVG or PNG file: the chart's own SVG with a title, the caption
// (unit, year, filters, scenario) and the styles it needs inlined, so the file stands alone.
import { download } from "../download";

const SVG_NS = "http://www.w3.org/2000/svg";
const STYLE = `text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:10px;fill:#1f2d3d}
.chart-year-band{fill:#fff3c4}.chart-compare-band{fill:#e0ecf8}.chart-gap{fill:#f0f0f0}
.chart-axis path,.chart-axis line{stroke:#8a96a3}.sankey-label{font-size:9px;paint-order:stroke;stroke:rgba(255,255,255,.85);stroke-width:2.5px;stroke-linejoin:round}`;

/** A standalone copy of `svg` with a title line above and caption lines below. */
export function standaloneSvg(svg: SVGSVGElement, title: string, caption: string[]): { text: string; width: number; height: number } {
  const width = Number(svg.getAttribute("width")) || 300;
  const height = Number(svg.getAttribute("height")) || 200;
  const top = 24;
  const lineHeight = 13;
  const total = top + height + 8 + caption.length * lineHeight;
  const out = document.createElementNS(SVG_NS, "svg");
  out.setAttribute("xmlns", SVG_NS);
  out.setAttribute("width", String(width));
  out.setAttribute("height", String(total));
  out.setAttribute("viewBox", `0 0 ${width} ${total}`);
  const style = document.createElementNS(SVG_NS, "style");
  style.textContent = STYLE;
  const bg = document.createElementNS(SVG_NS, "rect");
  bg.setAttribute("width", String(width));
  bg.setAttribute("height", String(total));
  bg.setAttribute("fill", "#ffffff");
  const heading = document.createElementNS(SVG_NS, "text");
  heading.setAttribute("x", "4");
  heading.setAttribute("y", "15");
  heading.setAttribute("font-size", "12");
  heading.setAttribute("font-weight", "600");
  heading.setAttribute("data-role", "title");
  heading.textContent = title;
  const chart = svg.cloneNode(true) as SVGSVGElement;
  chart.setAttribute("y", String(top));
  chart.removeAttribute("tabindex");
  out.append(style, bg, heading, chart);
  caption.forEach((line, i) => {
    const t = document.createElementNS(SVG_NS, "text");
    t.setAttribute("x", "4");
    t.setAttribute("y", String(top + height + 8 + (i + 1) * lineHeight - 3));
    t.setAttribute("font-size", "9");
    t.setAttribute("data-role", "caption");
    t.textContent = line;
    out.append(t);
  });
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}\n`, width, height: total };
}

export function saveSvg(name: string, svg: SVGSVGElement, title: string, caption: string[]): void {
  download(`${name}.svg`, standaloneSvg(svg, title, caption).text, "image/svg+xml");
}

/** Draws the standalone SVG at `scale` onto a canvas and saves it as PNG. */
export async function savePng(name: string, svg: SVGSVGElement, title: string, caption: string[], scale = 2): Promise<void> {
  const { text, width, height } = standaloneSvg(svg, title, caption);
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.decoding = "sync";
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("the chart could not be drawn as an image"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("the PNG could not be encoded");
    download(`${name}.png`, blob, "image/png");
  } finally {
    URL.revokeObjectURL(url);
  }
}
