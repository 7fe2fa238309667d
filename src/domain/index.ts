export * from "./types";
export * from "./csvTable";
export * from "./contentHash";
export * from "./parseDataset";
export * from "./buildYearGraph";
export * from "./lanes";
