// The SVG export: the same content as the PNG, as vectors and real text, for print and editing.
// Backdrop as <path>s (graph coordinates under one matrix), one <path data-flow-id> per flow shown,
// nodes as <circle>, labels, title, caption, legend and sources as <text>. Pure: returns a string.
import { escapeXml } from "./export/xmlText";
import { panelHeadingSize } from "../state/aggregatePanel";
import { DOT_HALO_WIDTH, type DrawnGeometry } from "../state/drawnGeometry";
import { EXPORT_FONT_FAMILY, type ExportLayout, type TextRun } from "./exportLayout";
import { splitColour, type ExportTheme } from "./exportTheme";
import { svgInset } from "./exportSvgInset";

/** The graph as drawn in the map box (coordinates relative to the box, layout px). */
export type ViewGeometry = DrawnGeometry;

export interface SvgBackdrop {
  land: string;
  border: string;
  /** The sea, drawn under the border inset's backdrop. */
  water?: string;
  /** SVG path data in graph coordinates. */
  landPath: string;
  borderPath: string;
  /** Colours of the aggregates' panel and of the square drawn round each aggregate. */
  panel?: { fill: string; border: string; text: string; glyph: string };
}

export { escapeXml };

const n = (v: number) => (Math.round(v * 100) / 100).toString();

function paintAttrs(kind: "fill" | "stroke", colour: string): string {
  const { paint, opacity } = splitColour(colour);
  return opacity < 1 ? `${kind}="${paint}" ${kind}-opacity="${n(opacity)}"` : `${kind}="${paint}"`;
}

function textEl(t: TextRun, colour: string, halo = ""): string {
  const stroke = halo
    ? ` ${paintAttrs("stroke", halo)} stroke-width="${n(Math.max(2, t.size * 0.22))}" stroke-linejoin="round" paint-order="stroke"`
    : "";
  return `<text x="${n(t.x)}" y="${n(t.y)}" font-size="${n(t.size)}" font-weight="${t.weight}" ${paintAttrs("fill", colour)}${stroke} data-role="${t.role}">${escapeXml(t.text)}</text>`;
}

/** Arrow head at the end of a quadratic curve, pointing along its end tangent. */
function arrowHead(e: ViewGeometry["edges"][number]): string | null {
  const dx = e.x2 - e.cx;
  const dy = e.y2 - e.cy;
  const len = Math.hypot(dx, dy);
  if (!(len > 0) || !(e.arrow > 0)) return null;
  const ux = dx / len,
    uy = dy / len;
  const bx = e.x2 - ux * e.arrow,
    by = e.y2 - uy * e.arrow;
  const w = e.arrow * 0.6;
  return `M${n(e.x2)} ${n(e.y2)}L${n(bx - uy * w)} ${n(by + ux * w)}L${n(bx + uy * w)} ${n(by - ux * w)}Z`;
}

export function writeSvg(
  layout: ExportLayout,
  geometry: ViewGeometry,
  theme: ExportTheme,
  backdrop: SvgBackdrop | null,
  /** Paper size in mm (print sizes): the document says it, so it prints at that size. */
  paper?: { width: number; height: number },
): string {
  const { width: W, height: H } = layout;
  const { map, legend } = layout.boxes;
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${paper ? `${n(paper.width)}mm` : n(W)}" height="${paper ? `${n(paper.height)}mm` : n(H)}" viewBox="0 0 ${n(W)} ${n(H)}" font-family="${escapeXml(EXPORT_FONT_FAMILY)}">`,
  );
  const title = layout.texts
    .filter((t) => t.role === "title")
    .map((t) => t.text)
    .join(" ");
  out.push(`<title>${escapeXml(title)}</title>`);
  out.push(`<defs><clipPath id="map-clip"><rect x="0" y="0" width="${n(map.width)}" height="${n(map.height)}"/></clipPath></defs>`);
  if (theme.page) out.push(`<rect id="page" x="0" y="0" width="${n(W)}" height="${n(H)}" ${paintAttrs("fill", theme.page)}/>`);

  out.push(`<g id="map" transform="translate(${n(map.x)} ${n(map.y)})" clip-path="url(#map-clip)">`);
  if (theme.water) out.push(`<rect x="0" y="0" width="${n(map.width)}" height="${n(map.height)}" ${paintAttrs("fill", theme.water)}/>`);
  if (backdrop) {
    const a = geometry.affine;
    out.push(`<g id="backdrop" transform="matrix(${[a.a, a.b, a.c, a.d, a.e, a.f].map((v) => String(v)).join(" ")})">`);
    out.push(`<path d="${backdrop.landPath}" ${paintAttrs("fill", backdrop.land)} stroke="none"/>`);
    out.push(
      `<path d="${backdrop.borderPath}" fill="none" ${paintAttrs("stroke", backdrop.border)} stroke-width="0.8" vector-effect="non-scaling-stroke"/>`,
    );
    out.push(`</g>`);
    const p = geometry.panel;
    if (p && backdrop.panel) {
      const c = backdrop.panel;
      const size = panelHeadingSize(p.height);
      out.push(
        `<g id="aggregates-panel"><rect x="${n(p.x)}" y="${n(p.y)}" width="${n(p.width)}" height="${n(p.height)}" rx="4" ${paintAttrs("fill", c.fill)} ${paintAttrs("stroke", c.border)} stroke-dasharray="4 3"/>` +
          `<text x="${n(p.x + 4)}" y="${n(p.y + p.height - 4 - size * 0.22)}" font-size="${n(size)}" font-weight="600" ${paintAttrs("fill", c.text)} data-role="panel-title">${escapeXml(panelHeadingText(p.title, p.width - 8, size))}</text></g>`,
      );
    }
  }
  out.push(`<g id="flows" fill="none" stroke-linecap="butt">`);
  for (const e of geometry.edges) {
    const head = arrowHead(e);
    out.push(
      `<path data-flow-id="${escapeXml(e.id)}" d="M${n(e.x1)} ${n(e.y1)}Q${n(e.cx)} ${n(e.cy)} ${n(e.x2)} ${n(e.y2)}" ${paintAttrs("stroke", e.colour)} stroke-width="${n(e.width)}"/>`,
    );
    if (head) out.push(`<path data-arrow-of="${escapeXml(e.id)}" d="${head}" ${paintAttrs("fill", e.colour)} stroke="none"/>`);
  }
  out.push(`</g>`);
  out.push(`<g id="places">`);
  for (const v of geometry.nodes) {
    // Dark and transparent pages: a light ring just outside the dot (the PNG draws the same).
    const ring = theme.dotHalo && !v.aggregate ? ` ${paintAttrs("stroke", theme.dotHalo)} stroke-width="${DOT_HALO_WIDTH}"` : "";
    out.push(
      `<circle data-place-id="${escapeXml(v.id)}" cx="${n(v.x)}" cy="${n(v.y)}" r="${n(ring ? v.r + DOT_HALO_WIDTH / 2 : v.r)}" ${paintAttrs("fill", v.colour)}${ring}/>`,
    );
    // An aggregate is framed by a square, as on screen.
    if (v.aggregate)
      out.push(
        `<rect data-aggregate-of="${escapeXml(v.id)}" x="${n(v.x - v.r - 3)}" y="${n(v.y - v.r - 3)}" width="${n(2 * v.r + 6)}" height="${n(2 * v.r + 6)}" fill="none" ${paintAttrs("stroke", backdrop?.panel?.glyph ?? theme.ink)} stroke-width="1.5"/>`,
      );
    // A cluster of nearby places has two rings (r + 2 and a fainter r + 4.5), as on screen.
    if (v.cluster) {
      const ink = paintAttrs("stroke", backdrop?.panel?.glyph ?? theme.ink);
      out.push(
        `<g data-cluster-of="${escapeXml(v.id)}" data-places="${v.cluster}" fill="none" ${ink}><circle cx="${n(v.x)}" cy="${n(v.y)}" r="${n(v.r + 2)}" stroke-width="1.5"/><circle cx="${n(v.x)}" cy="${n(v.y)}" r="${n(v.r + 4.5)}" stroke-width="1" stroke-opacity="0.55"/></g>`,
      );
    }
  }
  out.push(`</g>`);
  const leaders = geometry.labels.filter((l) => l.leader);
  if (leaders.length) {
    out.push(`<g id="label-leaders" ${paintAttrs("stroke", theme.label)} stroke-width="0.8" fill="none">`);
    for (const { leader: d } of leaders) out.push(`<line x1="${n(d!.x1)}" y1="${n(d!.y1)}" x2="${n(d!.x2)}" y2="${n(d!.y2)}"/>`);
    out.push(`</g>`);
  }
  const halo = theme.halo ? ` stroke="${theme.halo}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"` : "";
  out.push(`<g id="labels" font-size="${n(geometry.labelSize)}" font-weight="500"${halo}>`);
  for (const l of geometry.labels) {
    out.push(
      `<text x="${n(l.x)}" y="${n(l.y)}" ${paintAttrs("fill", theme.label)} data-role="label" data-place-id="${escapeXml(l.id)}">${escapeXml(l.text)}</text>`,
    );
  }
  out.push(`</g>`);
  if (geometry.inset) out.push(...svgInset(geometry.inset, geometry.affine, theme, backdrop));
  out.push(`</g>`);

  out.push(`<g id="header">`);
  for (const t of layout.texts.filter((t) => t.role === "title" || t.role === "caption"))
    out.push(textEl(t, t.role === "title" ? theme.ink : theme.muted, theme.textHalo));
  out.push(`</g>`);

  out.push(`<g id="legend">`);
  if (theme.panel)
    out.push(
      `<rect x="${n(legend.x)}" y="${n(legend.y)}" width="${n(legend.width)}" height="${n(legend.height)}" rx="4" ${paintAttrs("fill", theme.panel)} ${paintAttrs("stroke", theme.panelBorder)}/>`,
    );
  for (const mk of layout.marks) {
    if (mk.type === "dot") out.push(`<circle cx="${n(mk.cx)}" cy="${n(mk.cy)}" r="${n(mk.r)}" ${paintAttrs("fill", mk.colour)}/>`);
    else
      out.push(
        `<line x1="${n(mk.x1)}" y1="${n(mk.y)}" x2="${n(mk.x2)}" y2="${n(mk.y)}" ${paintAttrs("stroke", mk.colour || theme.ink)} stroke-width="${n(mk.thickness)}"/>`,
      );
  }
  for (const t of layout.texts.filter((t) => t.role === "legend" || t.role === "legend-heading"))
    out.push(textEl(t, theme.ink, theme.textHalo));
  out.push(`</g>`);

  out.push(`<g id="footer">`);
  for (const t of layout.texts.filter((t) => t.role === "sources" || t.role === "caveat" || t.role === "exported"))
    out.push(textEl(t, theme.muted, theme.textHalo));
  out.push(`</g>`);
  out.push(`</svg>`);
  return out.join("\n");
}

/** The panel's heading, or its short form ("Aggregates") when the whole one would not fit (as on screen). */
function panelHeadingText(title: string, width: number, size: number): string {
  // DejaVu Sans semibold averages ~0.6 em per character.
  return title.length * size * 0.6 <= width ? title : (title.split(" (")[0] ?? title);
}
