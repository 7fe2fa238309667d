// Number formatting for people: thousands separators, compact money, shares.
// Volumes in their unit are formatted by state/volumeUnit (the image export uses the same words).
export { formatCompact, formatUsd, formatVolume } from "../state/volumeUnit";

const INT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const ONE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

export function formatInt(v: number): string {
  return INT.format(Math.round(v));
}

export function formatShare(x: number): string {
  if (!Number.isFinite(x)) return "–";
  const p = x * 100;
  return `${p >= 10 || p === 0 ? INT.format(p) : ONE.format(p)}%`;
}

export const BASIS_LABELS = {
  reported: "reported",
  derived: "derived (arithmetic on reported figures)",
  modelled: "modelled estimate",
} as const;
