// The open dataset's profile (src/datasets): its words, title, caveat, model and default year.
export { profileOf, SHIPPED } from "../datasets";
export type { DatasetProfile } from "../datasets";
