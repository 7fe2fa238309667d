// Analysis: one algorithm per file (docs/methods.md); this file only re-exports.
export * from "./attribution";
export * from "./chains";
export * from "./massBalance";
export * from "./mirrorGaps";
export * from "./simplePaths";
export * from "./throughNode";
export { UNEXPLAINED_ORIGIN, edgeVolume } from "./compactGraph";
