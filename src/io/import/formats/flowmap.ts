// The flowmap.blue pair: locations.csv (id, name?, lat, lon) and flows.csv (origin, dest, count, time?).
import type { DatasetBuilder } from "../builder";
import { readDelimited } from "../delimited";
import { parseCoordinate } from "../numbers";
import { headerKey } from "./edgeList";

export function isFlowmapLocations(headers: readonly string[]): boolean {
  const keys = headers.map(headerKey);
  return (
    keys.includes("id") &&
    keys.some((k) => k === "lat" || k === "latitude") &&
    keys.some((k) => k === "lon" || k === "lng" || k === "longitude") &&
    !keys.includes("kind")
  );
}

export function isFlowmapFlows(headers: readonly string[]): boolean {
  const keys = headers.map(headerKey);
  return keys.includes("origin") && keys.includes("dest") && keys.includes("count");
}

/** Declares every location; rows without an id are skipped, bad coordinates are read as unknown. */
export function importFlowmapLocations(text: string, file: string, delimiter: string, builder: DatasetBuilder): void {
  const table = readDelimited(text, { file, delimiter });
  builder.issues.push(...table.issues);
  const keys = table.header.map(headerKey);
  const col = (...names: string[]): number => keys.findIndex((key) => names.includes(key));
  const id = col("id");
  const name = col("name", "label");
  const lat = col("lat", "latitude");
  const lon = col("lon", "lng", "longitude");
  const decimalComma = delimiter === ";";
  for (const { fields, line } of table.data) {
    const ref = (fields[id] ?? "").trim();
    if (ref === "") {
      builder.warn(file, line, id + 1, `${file} line ${line}, column ${id + 1}: the location id is empty; row left out`);
      continue;
    }
    const latRaw = (fields[lat] ?? "").trim();
    const lonRaw = (fields[lon] ?? "").trim();
    const latValue = parseCoordinate(latRaw, 90, decimalComma);
    const lonValue = parseCoordinate(lonRaw, 180, decimalComma);
    if ((latRaw !== "" && latValue === null) || (lonRaw !== "" && lonValue === null)) {
      const column = latRaw !== "" && latValue === null ? lat : lon;
      builder.warn(
        file,
        line,
        column + 1,
        `${file} line ${line}, column ${column + 1}: "${latValue === null ? latRaw : lonRaw}" is not a valid coordinate; the place is kept without coordinates`,
      );
    }
    builder.declarePlace(ref, { name: name >= 0 ? (fields[name] ?? "") : "", lat: latValue, lon: lonValue });
  }
}
