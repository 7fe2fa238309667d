// The profile of anyone else's data: generic words, its own unit, no model.
import type { DatasetProfile } from "./profile";

export const GENERIC_PROFILE: DatasetProfile = {
  kindWords: {
    origin: "Origin (sends only)",
    exit: "Exit point",
    transit: "Transit (receives and sends on)",
    market: "Market (receives only)",
  },
  domesticLaneLabel: "Origin to exit point",
  // Data without time has a placeholder year: the title is its name alone.
  title: (dataset, year) => (dataset.timeless ? dataset.name : `${dataset.name}, ${year}`),
  measureWords: () => null,
  caveat: null,
  about: null,
  model: null,
  modelApplies: () => false,
  scenarios: [],
  // 2024 when the data has it, as links have always assumed: a link leaves out its year when it is the
  // default, so changing this would move old links on imported data to another year.
  defaultYear: 2024,
};
