// Aggregates are drawn apart from the geography: in a panel over open ocean, not at invented places on land.
import { geoContains } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { describe, expect, it } from "vitest";
import { loadShippedDataset } from "../../../src/domain/shippedDataset";
import { aggregatePanel, isAggregate, OCEAN_BOXES, PANEL_ROWS, projectedBox } from "../../../src/state/aggregatePanel";
import { geoPositions, geoWithFallback } from "../../../src/state/layouts";
import { getProjection, projectLonLat } from "../../../src/state/projection";

const topo = world as unknown as Topology<{ land: GeometryCollection }>;
const land = feature(topo, topo.objects.land);
const onLand = (lon: number, lat: number) => geoContains(land, [lon, lat]);

describe("aggregate panel", () => {
  it("each open-ocean box holds no land of the atlas (a 2° grid)", { timeout: 60_000 }, () => {
    for (const box of OCEAN_BOXES)
      for (let lon = box.lon[0]; lon <= box.lon[1]; lon += 2)
        for (let lat = box.lat[0]; lat <= box.lat[1]; lat += 2) expect(onLand(lon, lat), `${box.name} ${lon},${lat}`).toBe(false);
  });

  it("the projected rectangle lies inside its box (corners map back inside the lon/lat box)", () => {
    const inv = getProjection().invert!;
    for (const box of OCEAN_BOXES) {
      const r = projectedBox(box)!;
      for (const [x, y] of [
        [r.x0, r.y0],
        [r.x1, r.y0],
        [r.x0, r.y1],
        [r.x1, r.y1],
      ] as const) {
        const [lon, lat] = inv([x, y])!;
        const l = ((((lon - box.lon[0]) % 360) + 360) % 360) + box.lon[0];
        expect(l).toBeGreaterThanOrEqual(box.lon[0] - 1e-6);
        expect(l).toBeLessThanOrEqual(box.lon[1] + 1e-6);
        expect(lat).toBeGreaterThanOrEqual(box.lat[0] - 1e-6);
        expect(lat).toBeLessThanOrEqual(box.lat[1] + 1e-6);
      }
    }
  });

  it("puts the shipped data's four aggregates in the Arabian Sea panel beside the routes, one row each, none on land", () => {
    const ds = loadShippedDataset();
    const aggregates = ds.places.filter(isAggregate).map((p) => p.id);
    expect(aggregates.sort()).toEqual(["not-reported", "other-destinations", "other-provinces", "other-seaports"]);
    const panel = aggregatePanel(ds.places, ds.flows, geoPositions(ds.places))!;
    expect(panel).not.toBeNull();
    const arabianSea = projectedBox(OCEAN_BOXES[0]!)!;
    expect(panel.x0).toBeCloseTo(arabianSea.x0, 9);
    const inv = getProjection().invert!;
    const ys = new Set<number>();
    for (const id of aggregates) {
      const q = panel.positions.get(id)!;
      expect(q.x).toBeGreaterThan(panel.x0);
      expect(q.x).toBeLessThan(panel.x1);
      expect(q.y).toBeGreaterThan(panel.y0);
      expect(q.y).toBeLessThan(panel.y1);
      const [lon, lat] = inv([q.x, q.y])!;
      expect(onLand(lon, lat), id).toBe(false);
      ys.add(Math.round(q.y));
    }
    expect(ys.size).toBe(4);
    // Between Africa's horn (~51°E) and India's south-west coast (~76°E), south of Arabia (~12°N at Aden).
    expect(panel.x0).toBeGreaterThan(projectLonLat(51, 5)!.x);
    expect(panel.x1).toBeLessThan(projectLonLat(76, 5)!.x);
    expect(panel.y1).toBeLessThan(projectLonLat(60, 12)!.y);
    const positions = geoWithFallback(ds.places, ds.flows);
    for (const id of aggregates) expect(positions.get(id)).toEqual(panel.positions.get(id));
  });

  it("keeps the heading band at the bottom clear: every row sits above it and every partner above the panel", () => {
    const ds = loadShippedDataset();
    const geo = geoPositions(ds.places);
    const panel = aggregatePanel(ds.places, ds.flows, geo)!;
    const h = panel.y1 - panel.y0;
    const band = panel.y0 + h * PANEL_ROWS.bottom;
    for (const q of panel.positions.values()) expect(q.y).toBeGreaterThanOrEqual(band - 1e-9);
    // The flows of an aggregate run to places north of the panel, so they leave it upwards, away from the heading.
    const ids = new Set(panel.positions.keys());
    for (const f of ds.flows) {
      const other = ids.has(f.from) ? f.to : ids.has(f.to) ? f.from : null;
      const q = other === null || ids.has(other) ? undefined : geo.get(other);
      if (q) expect(q.y, other!).toBeGreaterThan(panel.y1);
    }
    // Nodes sit in from the frame (their square glyph does not straddle the dashed border).
    for (const q of panel.positions.values()) expect(q.x - panel.x0).toBeGreaterThan((panel.x1 - panel.x0) * 0.15);
  });

  it("is null without aggregates", () => {
    const ds = loadShippedDataset();
    const real = ds.places.filter((p) => !isAggregate(p));
    expect(aggregatePanel(real, ds.flows, geoPositions(real))).toBeNull();
  });
});

describe("projection", () => {
  it("draws China → Mexico the short way, across the Pacific: Mexico is east (right) of China and Japan", () => {
    const china = projectLonLat(104, 35)!,
      japan = projectLonLat(139, 36)!,
      mexico = projectLonLat(-102, 23)!,
      chile = projectLonLat(-71, -35)!,
      jordan = projectLonLat(36, 32)!;
    expect(japan.x).toBeGreaterThan(china.x);
    expect(mexico.x).toBeGreaterThan(japan.x);
    expect(chile.x).toBeGreaterThan(japan.x);
    // Westwards to the Middle East.
    expect(jordan.x).toBeLessThan(china.x);
  });
});
