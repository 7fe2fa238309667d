// The border inset in the SVG export, as the PNG draws it (view/insetDraw): the region's box on the map and
// a line to a framed, titled box holding the region magnified — backdrop, flows at their drawn width, places
// at their drawn size and their labels. Pure: returns SVG elements as strings.
import { insetArrow, insetBackdropMatrix, locatorLine, type InsetContent } from "../state/borderInset";
import type { BoxAffine } from "../state/drawnGeometry";
import { escapeXml } from "./export/xmlText";
import { splitColour, type ExportTheme } from "./exportTheme";

const n = (v: number) => (Math.round(v * 100) / 100).toString();

function paint(kind: "fill" | "stroke", colour: string): string {
  const { paint: p, opacity } = splitColour(colour);
  return opacity < 1 ? `${kind}="${p}" ${kind}-opacity="${n(opacity)}"` : `${kind}="${p}"`;
}

export interface InsetBackdrop {
  land: string;
  border: string;
  water?: string;
  landPath: string;
  borderPath: string;
}

export function svgInset(inset: InsetContent, affine: BoxAffine, theme: ExportTheme, backdrop: InsetBackdrop | null): string[] {
  const { layout, band } = inset;
  const { source, box } = layout;
  const frame = theme.dark ? "#c8d0d8" : "#34495e";
  const fill = theme.dark ? "#14181d" : "#ffffff";
  const w = box.x1 - box.x0,
    h = box.y1 - box.y0;
  const out: string[] = [];
  out.push(`<g id="border-inset" data-title="${escapeXml(inset.title)}">`);
  const line = locatorLine(layout, band);
  out.push(
    `<rect data-role="inset-locator" x="${n(source.x0)}" y="${n(source.y0)}" width="${n(source.x1 - source.x0)}" height="${n(source.y1 - source.y0)}" fill="none" ${paint("stroke", frame)} stroke-width="1.2" stroke-dasharray="3 2"/>`,
    `<line x1="${n(line.x1)}" y1="${n(line.y1)}" x2="${n(line.x2)}" y2="${n(line.y2)}" ${paint("stroke", frame)} stroke-width="1.2"/>`,
    `<rect x="${n(box.x0)}" y="${n(box.y0 - band)}" width="${n(w)}" height="${n(h + band)}" ${paint("fill", fill)}/>`,
    `<clipPath id="inset-clip"><rect x="${n(box.x0)}" y="${n(box.y0)}" width="${n(w)}" height="${n(h)}"/></clipPath>`,
    `<g clip-path="url(#inset-clip)">`,
  );
  if (backdrop) {
    if (backdrop.water)
      out.push(`<rect x="${n(box.x0)}" y="${n(box.y0)}" width="${n(w)}" height="${n(h)}" ${paint("fill", backdrop.water)}/>`);
    const m = insetBackdropMatrix(affine, layout);
    out.push(
      `<g transform="matrix(${[m.a, m.b, m.c, m.d, m.e, m.f].map((v) => String(v)).join(" ")})">`,
      `<path d="${backdrop.landPath}" ${paint("fill", backdrop.land)} stroke="none"/>`,
      `<path d="${backdrop.borderPath}" fill="none" ${paint("stroke", backdrop.border)} stroke-width="0.9" vector-effect="non-scaling-stroke"/>`,
      `</g>`,
    );
  }
  for (const e of inset.edges) {
    out.push(
      `<path data-inset-flow-id="${escapeXml(e.id)}" d="M${n(e.x1)} ${n(e.y1)}Q${n(e.cx)} ${n(e.cy)} ${n(e.x2)} ${n(e.y2)}" fill="none" ${paint("stroke", e.colour)} stroke-width="${n(e.width)}"/>`,
    );
    if (e.arrow > 0) {
      const [a, b, c] = insetArrow(e);
      out.push(`<path d="M${n(a!.x)} ${n(a!.y)}L${n(b!.x)} ${n(b!.y)}L${n(c!.x)} ${n(c!.y)}Z" ${paint("fill", e.colour)} stroke="none"/>`);
    }
  }
  for (const p of inset.places)
    out.push(`<circle data-inset-place-id="${escapeXml(p.id)}" cx="${n(p.x)}" cy="${n(p.y)}" r="${n(p.r)}" ${paint("fill", p.colour)}/>`);
  out.push(`</g>`);
  const halo = theme.halo ? ` ${paint("stroke", theme.halo)} stroke-width="3" stroke-linejoin="round" paint-order="stroke"` : "";
  out.push(`<g font-size="${n(inset.fontSize)}" font-weight="500"${halo}>`);
  for (const l of inset.labels)
    out.push(
      `<text x="${n(l.x)}" y="${n(l.y)}" ${paint("fill", theme.label)} data-role="inset-label" data-place-id="${escapeXml(l.id)}">${escapeXml(l.text)}</text>`,
    );
  out.push(`</g>`);
  out.push(
    `<rect x="${n(box.x0)}" y="${n(box.y0 - band)}" width="${n(w)}" height="${n(h + band)}" fill="none" ${paint("stroke", frame)} stroke-width="1.5"/>`,
    `<line x1="${n(box.x0)}" y1="${n(box.y0)}" x2="${n(box.x1)}" y2="${n(box.y0)}" ${paint("stroke", frame)} stroke-width="1.5"/>`,
    `<text x="${n(box.x0 + 6)}" y="${n(box.y0 - band / 2 + inset.titleSize * 0.35)}" font-size="${n(inset.titleSize)}" font-weight="600" ${paint("fill", theme.label)} data-role="inset-title">${escapeXml(inset.title)}</text>`,
  );
  out.push(`</g>`);
  return out;
}
