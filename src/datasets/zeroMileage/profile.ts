// The shipped dataset, China's zero-mileage used-car exports (data/zero-mileage/): its words, title,
// caveat, model and default year. The only place that knows its id.
import { SHIPPED_DATASET_ID } from "../../domain/types";
import { ZERO_MILEAGE_SCENARIOS } from "../../domain/zeroMileageScenarios";
import type { DatasetProfile } from "../profile";
import { zeroMileageChecks, zeroMileageFlows, zeroMileageModelApplies } from "./model";

export { SHIPPED_DATASET_ID };

/** What every picture of the shipped data says about its figures. */
export const ZERO_MILEAGE_CAVEAT =
  "An estimated ~90% of 2024's used-car exports were \"zero-mileage\" new cars (a CADA consultant's estimate, via Reuters); no source splits zero-mileage by route.";

export const ZERO_MILEAGE_PROFILE: DatasetProfile = {
  kindWords: {
    origin: "Origin (province / city)",
    exit: "Exit point (port / crossing)",
    transit: "Transit country / hub",
    market: "Final market",
  },
  domesticLaneLabel: "Inside China (to the exit)",
  title: (_dataset, year) => `China's used-car exports, ${year}`,
  measureWords: (measure) => (measure === "usd" ? "used-car exports, US dollars" : "used-car exports, vehicles"),
  caveat: ZERO_MILEAGE_CAVEAT,
  about: `Flows are China's used-car exports, in vehicles. ${ZERO_MILEAGE_CAVEAT}`,
  model: { flows: zeroMileageFlows, checks: zeroMileageChecks },
  modelApplies: zeroMileageModelApplies,
  scenarios: ZERO_MILEAGE_SCENARIOS,
  defaultYear: 2024,
};
