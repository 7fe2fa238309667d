// The range a flow's volume may take, wherever it comes from (Reroute CSV, an import, a bundle, storage):
// 0 to MAX_VOLUME. A quadrillion (1e15) is far above any trade flow in vehicles, tonnes or US dollars (world
// merchandise trade is about 2.4e13 US$ a year), and sums of up to a million such flows stay exact enough
// and far from Infinity, so no total, scale or chart ever shows ∞ or NaN. See docs/methods.md.

export const MAX_VOLUME = 1e15;

/** The volume as it may be kept: -0 becomes 0; null when it is not finite, negative or above MAX_VOLUME. */
export function checkedVolume(value: number): number | null {
  if (!Number.isFinite(value) || value < 0 || value > MAX_VOLUME) return null;
  return value === 0 ? 0 : value;
}

/** Why a volume is out of range, in words for a message; null when it is in range. */
export function volumeProblem(raw: string, value: number): string | null {
  if (Number.isNaN(value)) return `"${raw}" is not a number`;
  if (!Number.isFinite(value) || value > MAX_VOLUME)
    return `"${raw}" is above the largest volume Reroute accepts (${MAX_VOLUME.toExponential()}, a quadrillion)`;
  if (value < 0) return `${raw} is negative; a volume must be 0 or more`;
  return null;
}
