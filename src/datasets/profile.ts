// What Reroute knows about a dataset beyond its files: its words (place kinds, the domestic lane, how
// its measure is named), its default title and caveat, the model that recomputes its flows from edited
// assumptions, the checks those flows must pass, and the year it opens at. The shipped dataset has a
// profile of its own (./zeroMileage); imported data gets the generic one (./generic). Nothing outside
// src/datasets compares dataset ids: it asks profileOf(dataset).
import type { BorderTotal, BoundCheck } from "../domain/reconcile";
import type { Scenario } from "../domain/scenario";
import type { Dataset, Flow, PlaceKind } from "../domain/types";

/** Recomputes the flows from edited assumptions (by assumption id). */
export type FlowModel = (dataset: Dataset, edits: Readonly<Record<string, number>>) => Flow[];

/** The checks the flows in force must pass (border totals against the national figure, bounds). */
export interface ModelChecks {
  border: BorderTotal[];
  bounds: BoundCheck[];
  /** Border years that fail (with a national total) and bound checks that fail. */
  failures: { kind: "border" | "bound"; message: string }[];
}

export interface DatasetProfile {
  /** Kind names for the legend, cards and place suggestions. */
  kindWords: Record<PlaceKind, string>;
  /** The name of the "domestic" colour (origin → exit legs). */
  domesticLaneLabel: string;
  /** The title of a view of one year, when the user has given none (exports, embed). */
  title(dataset: Pick<Dataset, "name"> & Partial<Pick<Dataset, "timeless">>, year: number): string;
  /** How an export's caption names what is drawn: the measure's words, or null for the unit alone. */
  measureWords(measure: "vehicles" | "usd"): string | null;
  /** What every picture of this data must say (about the figures, in one sentence or two), or null. */
  caveat: string | null;
  /** The lead sentence of "About the data", or null for the generic description. */
  about: string | null;
  /** Recomputes the flows from edited assumptions; null: the data's flows are what they are. */
  model: { flows: FlowModel; checks(dataset: Dataset, flows: Flow[]): ModelChecks } | null;
  /** Whether the model applies to this dataset (it carries every assumption the model reads). */
  modelApplies(dataset: Pick<Dataset, "assumptions">): boolean;
  /** Named what-if scenarios that come with the data (a user can write more). */
  scenarios: readonly Scenario[];
  /** The year the data opens at when it has it, else its latest; null: its latest. */
  defaultYear: number | null;
}
