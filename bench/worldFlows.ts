// A flowmap.blue pair (locations.csv, flows.csv) of places around the world with many flows, the same every
// run: places gather round a few dozen hubs, as real trade and mobility data does, so that at world zoom
// many sit within a few pixels of each other. For the clustering browser test and its screenshots.
import { mulberry32 } from "./seededRandom";

/** Hub centres [lat, lon] on every inhabited continent. */
const HUBS: [number, number][] = [
  [51.5, -0.1],
  [48.9, 2.4],
  [52.5, 13.4],
  [41.9, 12.5],
  [40.4, -3.7],
  [55.8, 37.6],
  [41.0, 29.0],
  [30.0, 31.2],
  [6.5, 3.4],
  [-1.3, 36.8],
  [-26.2, 28.0],
  [25.2, 55.3],
  [24.9, 67.0],
  [19.1, 72.9],
  [28.6, 77.2],
  [13.1, 80.3],
  [13.8, 100.5],
  [1.35, 103.8],
  [-6.2, 106.8],
  [22.3, 114.2],
  [31.2, 121.5],
  [39.9, 116.4],
  [37.6, 127.0],
  [35.7, 139.7],
  [-33.9, 151.2],
  [43.2, 76.9],
  [40.7, -74.0],
  [41.9, -87.6],
  [34.1, -118.2],
  [19.4, -99.1],
  [4.7, -74.1],
  [-23.5, -46.6],
  [-34.6, -58.4],
];

export interface WorldFlows {
  locations: string;
  flows: string;
  places: number;
  flowCount: number;
}

export function worldFlows(places = 250, flowCount = 770, seed = 7): WorldFlows {
  const random = mulberry32(seed);
  const loc: string[] = ["id,name,lat,lon"];
  for (let i = 0; i < places; i++) {
    const [lat, lon] = HUBS[i % HUBS.length]!;
    // Within about ±2.5° of the hub.
    const la = lat + (random() - 0.5) * 5;
    const lo = lon + (random() - 0.5) * 5;
    loc.push(`p${i},Place ${i + 1},${la.toFixed(3)},${lo.toFixed(3)}`);
  }
  const seen = new Set<string>();
  const rows: string[] = ["origin,dest,count"];
  while (rows.length - 1 < flowCount) {
    // A few big senders: a skewed pick of the origin.
    const from = Math.floor(random() ** 2 * places);
    const to = Math.floor(random() * places);
    const key = `${from}>${to}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    rows.push(`p${from},p${to},${Math.round(10 + 5000 * random() ** 3)}`);
  }
  return { locations: loc.join("\n") + "\n", flows: rows.join("\n") + "\n", places, flowCount };
}
