// The map backdrop as SVG path data in graph coordinates (the same projection and atlas as the canvas
// backdrop), for the SVG export: one matrix maps it like the graph, at any print size.
import { geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { getProjection } from "../state/projection";

let cached: { land: string; borders: string } | null = null;

export function backdropSvgPaths(): { land: string; borders: string } {
  if (cached) return cached;
  const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
  const path = geoPath(getProjection()).digits(3);
  cached = {
    land: path(feature(topo, topo.objects.countries)) ?? "",
    borders: path(mesh(topo, topo.objects.countries, (a, b) => a !== b)) ?? "",
  };
  return cached;
}
