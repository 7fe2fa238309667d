// The trade lanes a flow can belong to: how the legend groups and colours the network.
import type { Flow, Place } from "./types";

export interface Lane {
  id: string;
  label: string;
  description: string;
}

export const LANES: readonly Lane[] = [
  {
    id: "central-asia",
    label: "Central Asia",
    description: "Overland via Horgos and other western crossings to Kazakhstan and Kyrgyzstan, much of it re-exported to Russia.",
  },
  {
    id: "middle-east",
    label: "Middle East",
    description: "By sea to Gulf hubs (UAE and neighbours), sold there or shipped on, including to Russia.",
  },
  {
    id: "latin-america",
    label: "Latin America",
    description: "By sea to Latin American markets.",
  },
  {
    id: "caucasus",
    label: "Caucasus",
    description: "Via Georgia, Armenia and Azerbaijan, often on to Russia.",
  },
  {
    id: "other",
    label: "Other",
    description: 'Destinations outside the named lanes, and aggregates such as "Other destinations".',
  },
];

export const LANE_IDS: ReadonlySet<string> = new Set(LANES.map((lane) => lane.id));

/** The lane of a flow: its destination's lane, else its origin's, else "other". */
export function flowLane(flow: Pick<Flow, "from" | "to">, placesById: Map<string, Place>): string {
  const toLane = placesById.get(flow.to)?.lane ?? "";
  if (toLane !== "") return toLane;
  const fromLane = placesById.get(flow.from)?.lane ?? "";
  if (fromLane !== "") return fromLane;
  return "other";
}
