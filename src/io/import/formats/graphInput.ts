// The common step of the graph formats (GEXF, GraphML, graphology JSON): nodes and edges with free-form
// attributes become places and flows. Coordinates: lat/lon (or latitude/longitude, lng), else x/y when
// every x/y fits the globe. Volume: weight/value/count/volume attributes, 1 when none.
import { unitFromHeader } from "../volumeUnitGuess";
import type { DatasetBuilder } from "../builder";
import { yearOf } from "../text";
import { checkedVolume, volumeProblem } from "../../../domain/volumeRange";

export interface GraphInput {
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key?: string; source: string; target: string; attributes: Record<string, unknown>; undirected?: boolean }[];
}

function pick(attributes: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) {
    if (Object.hasOwn(attributes, name)) return attributes[name];
  }
  const lower = new Map(Object.entries(attributes).map(([key, value]) => [key.toLowerCase(), value]));
  for (const name of names) if (lower.has(name)) return lower.get(name);
  return undefined;
}

function numberOf(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(value)) {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function textOf(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : "";
}

const LAT = ["lat", "latitude"] as const;
const LON = ["lon", "lng", "long", "longitude"] as const;
const WEIGHT = ["weight", "value", "count", "volume", "vehicles", "quantity", "qty"] as const;

export function importGraph(input: GraphInput, builder: DatasetBuilder, file: string): void {
  const hasLatLon = input.nodes.some(
    (node) => numberOf(pick(node.attributes, LAT)) !== null && numberOf(pick(node.attributes, LON)) !== null,
  );
  const withXY = input.nodes.filter((node) => numberOf(node.attributes.x) !== null && numberOf(node.attributes.y) !== null);
  const xyGeographic =
    !hasLatLon &&
    withXY.length > 0 &&
    withXY.every((node) => Math.abs(numberOf(node.attributes.x) ?? 999) <= 180 && Math.abs(numberOf(node.attributes.y) ?? 999) <= 90);
  if (xyGeographic) builder.fixed.push("no lat/lon attributes: x/y positions read as longitude/latitude");
  else if (!hasLatLon && withXY.length > 0) builder.fixed.push("x/y positions are layout coordinates, not longitude/latitude: ignored");

  for (const node of input.nodes) {
    const a = node.attributes;
    let lat = numberOf(pick(a, LAT));
    let lon = numberOf(pick(a, LON));
    if (xyGeographic && (lat === null || lon === null)) {
      lat = numberOf(a.y);
      lon = numberOf(a.x);
    }
    if (lat !== null && Math.abs(lat) > 90) lat = null;
    if (lon !== null && Math.abs(lon) > 180) lon = null;
    builder.declarePlace(node.key, {
      name: textOf(pick(a, ["label", "name", "title"])) || node.key,
      lat,
      lon,
      country: textOf(pick(a, ["country", "iso2", "iso", "iso3", "country_code", "countrycode"])),
      kind: textOf(pick(a, ["kind", "type"])),
      lane: textOf(pick(a, ["lane"])),
      nativeName: textOf(pick(a, ["native_name", "nativename"])),
      note: textOf(pick(a, ["note"])),
    });
  }

  // What the weights count, from the first weight attribute's name ("vehicles", else "units").
  const weighted = input.edges.find((edge) => pick(edge.attributes, WEIGHT) !== undefined);
  const weightName = weighted
    ? Object.keys(weighted.attributes).find((key) => (WEIGHT as readonly string[]).includes(key.toLowerCase()))
    : undefined;
  if (weighted) builder.setUnit(unitFromHeader(weightName));
  else if (input.edges.length > 0) builder.setUnweighted();
  input.edges.forEach((edge, index) => {
    const line = index + 1;
    const label = edge.key !== undefined && edge.key !== "" ? `edge "${edge.key}"` : `edge ${line}`;
    const rawWeight = pick(edge.attributes, WEIGHT);
    let volume = 1;
    if (rawWeight !== undefined && rawWeight !== null && rawWeight !== "") {
      const n = numberOf(rawWeight);
      if (n === null)
        return builder.reject(
          file,
          line,
          0,
          `${label} (${edge.source} → ${edge.target}): weight "${textOf(rawWeight) || typeof rawWeight}" is not a number`,
        );
      const problem = volumeProblem(textOf(rawWeight), n);
      if (problem !== null) return builder.reject(file, line, 0, `${label} (${edge.source} → ${edge.target}): weight ${problem}`);
      volume = n === 0 ? 0 : n;
    }
    const rawYear = pick(edge.attributes, ["year", "time", "period"]);
    const year = rawYear === undefined ? null : yearOf(textOf(rawYear));
    if (rawYear !== undefined && textOf(rawYear) !== "" && year === null) {
      return builder.reject(file, line, 0, `${label}: "${textOf(rawYear)}" is not a year between 1900 and 2100`);
    }
    const usd = numberOf(pick(edge.attributes, ["usd"]));
    builder.flow({
      from: edge.source,
      to: edge.target,
      year,
      volume,
      usd: usd === null ? null : checkedVolume(usd),
      mode: textOf(pick(edge.attributes, ["mode"])),
      file,
      line,
      undirected: edge.undirected === true,
    });
  });
  if (input.edges.length > 0 && !weighted) builder.fixed.push("no edge weights: each flow counts its edges (1 per edge)");
}
