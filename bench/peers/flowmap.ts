// Peer for bench/run.ts: flowmap.gl 9.4 (flowmap.blue's engine, on deck.gl 9) drawing the same seeded
// places and flows the app imports: the CSV text is parsed here with papaparse (as a page that loads a
// file would), then FlowmapLayer shows one year with its 2,000 largest flows (the app's default budget).
// Built by bench/run.ts from bench/peers (own package.json and lockfile, never part of the app's install).
import { Deck, MapView } from "@deck.gl/core";
import { FlowmapLayer } from "@flowmap.gl/layers";
import Papa from "papaparse";

interface Loc {
  id: string;
  name: string;
  lat: number;
  lon: number;
}
interface Fl {
  origin: string;
  dest: string;
  count: number;
  time: Date;
}

/** The same interface as in bench/peer.ts. */
export interface PeerFlowmap {
  /** Parses the files and draws `year`; resolves with the parse time and the time to the first frame drawn. */
  load(places: string, flows: string, year: number, topN: number): Promise<{ parseMs: number; firstFrameMs: number }>;
  /** A change: JS of the props update with a synchronous redraw, and time until a frame shows its new data. */
  setYear(year: number): Promise<{ syncMs: number; frameMs: number }>;
  setTopN(topN: number): Promise<{ syncMs: number; frameMs: number }>;
  /** papaparse's raw parse (arrays of strings, no header, no typing) of the same texts, in this page. */
  papaRaw(texts: string[]): number;
}

declare global {
  interface Window {
    peer?: PeerFlowmap;
  }
}

let deck: Deck | null = null;
let data: { locations: Loc[]; flows: Fl[] } | null = null;
let props = { year: 0, topN: 2000 };
/** Resolved by the first frame drawn after the layer's data (flowmap.gl computes it in a promise) changed. */
let rendered: (() => void) | null = null;
let renderedSince: unknown = undefined;

function layersData(): unknown {
  type Manager = { getLayers(): { id: string; state?: { layersData?: unknown } }[] };
  const manager = (deck as unknown as { layerManager?: Manager } | null)?.layerManager;
  return manager?.getLayers().find((l) => l.id === "flows")?.state?.layersData;
}

function drawnWithNewData(): Promise<void> {
  renderedSince = layersData();
  return new Promise<void>((done) => (rendered = done));
}

const range = (year: number): [Date, Date] => [new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year + 1, 0, 1))];

function layer(): FlowmapLayer<Loc, Fl> {
  return new FlowmapLayer<Loc, Fl>({
    id: "flows",
    data: data!,
    pickable: true,
    maxTopFlowsDisplayNum: props.topN,
    clusteringEnabled: false,
    locationLabelsEnabled: false,
    filter: { selectedTimeRange: range(props.year) },
    getLocationId: (l) => l.id,
    getLocationName: (l) => l.name,
    getLocationLat: (l) => l.lat,
    getLocationLon: (l) => l.lon,
    getFlowOriginId: (f) => f.origin,
    getFlowDestId: (f) => f.dest,
    getFlowMagnitude: (f) => f.count,
    getFlowTime: (f) => f.time,
  });
}

async function change(next: Partial<typeof props>): Promise<{ syncMs: number; frameMs: number }> {
  const drawn = drawnWithNewData();
  const t = performance.now();
  props = { ...props, ...next };
  deck!.setProps({ layers: [layer()] });
  deck!.redraw("bench");
  const syncMs = performance.now() - t;
  await drawn;
  return { syncMs, frameMs: performance.now() - t };
}

window.peer = {
  async load(placesCsv, flowsCsv, year, topN) {
    const t0 = performance.now();
    const places = Papa.parse<Record<string, string>>(placesCsv, { header: true, skipEmptyLines: true }).data;
    const rows = Papa.parse<Record<string, string>>(flowsCsv, { header: true, skipEmptyLines: true }).data;
    const locations = places.map((p) => ({ id: p.id!, name: p.name!, lat: Number(p.lat), lon: Number(p.lon) }));
    const times = new Map<string, Date>();
    const flows = rows.map((r) => {
      let time = times.get(r.year!);
      if (!time) times.set(r.year!, (time = new Date(Date.UTC(Number(r.year), 0, 1))));
      return { origin: r.from!, dest: r.to!, count: Number(r.vehicles), time };
    });
    const parseMs = performance.now() - t0;
    data = { locations, flows };
    props = { year, topN };
    const drawn = drawnWithNewData();
    deck!.setProps({ layers: [layer()] });
    await drawn;
    return { parseMs, firstFrameMs: performance.now() - t0 - parseMs };
  },
  setYear: (year) => change({ year }),
  setTopN: (topN) => change({ topN }),
  papaRaw(texts) {
    const t = performance.now();
    for (const text of texts) Papa.parse<string[]>(text, { delimiter: "," });
    return performance.now() - t;
  },
};

deck = new Deck({
  parent: document.getElementById("map") as HTMLDivElement,
  views: new MapView({ repeat: false }),
  initialViewState: { longitude: 70, latitude: 35, zoom: 1.6 },
  controller: false,
  layers: [],
  onAfterRender: () => {
    const now = layersData();
    if (rendered && now !== undefined && now !== renderedSince) {
      const done = rendered;
      rendered = null;
      done();
    }
  },
  onLoad: () => (document.documentElement.dataset.ready = "true"),
});
