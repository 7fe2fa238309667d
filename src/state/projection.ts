// One map projection for nodes and the country backdrop, so they always line up.
// Natural Earth centred on 150°E (the Pacific): the cut runs down the mid-Atlantic (30°W), so flows from
// China reach Latin America the short way, east across the Pacific, and westwards to Central Asia and the
// Middle East — never round through Africa. y is reflected because sigma's graph y axis points up.
import { geoNaturalEarth1, type GeoProjection } from "d3-geo";

export const PROJECTION_CENTRE_LON = 150;

export function createProjection(): GeoProjection {
  return geoNaturalEarth1().rotate([-PROJECTION_CENTRE_LON, 0]).scale(160).translate([0, 0]).reflectY(true);
}

const projection = createProjection();

/** Graph coordinates (sigma's) of a longitude/latitude, or null when the point cannot be projected. */
export function projectLonLat(lon: number, lat: number): { x: number; y: number } | null {
  const p = projection([lon, lat]);
  if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
  return { x: p[0], y: p[1] };
}

export function getProjection(): GeoProjection {
  return projection;
}
