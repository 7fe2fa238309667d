// Dataset profiles: which one a dataset has. Imported data (any other id) gets the generic profile.
import type { Dataset } from "../domain/types";
import { GENERIC_PROFILE } from "./generic";
import type { DatasetProfile } from "./profile";
import { SHIPPED_DATASET_ID, ZERO_MILEAGE_PROFILE } from "./zeroMileage/profile";

export type { DatasetProfile, FlowModel, ModelChecks } from "./profile";

export function profileOf(dataset: Pick<Dataset, "id">): DatasetProfile {
  return dataset.id === SHIPPED_DATASET_ID ? ZERO_MILEAGE_PROFILE : GENERIC_PROFILE;
}

/** The dataset the app opens with, and that a link naming no dataset was made on. */
export const SHIPPED = { id: SHIPPED_DATASET_ID, profile: ZERO_MILEAGE_PROFILE } as const;
