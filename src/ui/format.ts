// Number formatting for people: thousands separators, compact money, shares.
import type { Measure } from "../state/viewState";

const INT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const ONE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

export function formatInt(v: number): string {
  return INT.format(Math.round(v));
}

export function formatUsd(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `US$${ONE.format(v / 1e9)}bn`;
  if (a >= 1e6) return `US$${ONE.format(v / 1e6)}m`;
  if (a >= 1e3) return `US$${ONE.format(v / 1e3)}k`;
  return `US$${INT.format(v)}`;
}

export function formatVolume(v: number, measure: Measure): string {
  return measure === "usd" ? formatUsd(v) : `${formatInt(v)} vehicles`;
}

/** Compact volume for legends and labels: 436k, 1.2M. */
export function formatCompact(v: number, measure: Measure): string {
  if (measure === "usd") return formatUsd(v);
  const a = Math.abs(v);
  if (a >= 1e6) return `${ONE.format(v / 1e6)}M`;
  if (a >= 1e4) return `${INT.format(v / 1e3)}k`;
  if (a >= 1e3) return `${ONE.format(v / 1e3)}k`;
  return INT.format(v);
}

export function formatShare(x: number): string {
  if (!Number.isFinite(x)) return "–";
  const p = x * 100;
  return `${p >= 10 || p === 0 ? INT.format(p) : ONE.format(p)}%`;
}

export const BASIS_LABELS = { reported: "reported", derived: "derived (arithmetic on reported figures)", modelled: "modelled estimate" } as const;
