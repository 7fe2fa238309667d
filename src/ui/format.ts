// Number formatting for people: thousands separators, compact money, shares.
import { MONEY, type VolumeUnit } from "../state/volumeUnit";

const INT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const ONE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const SMALL = new Intl.NumberFormat("en-GB", { maximumSignificantDigits: 2 });

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

/** A volume with its unit: "1,234 vehicles", "US$3.4m" (see state/volumeUnit). */
export function formatVolume(v: number, unit: VolumeUnit): string {
  return unit === MONEY ? formatUsd(v) : `${formatInt(v)} ${unit}`;
}

/** Compact volume for legends and labels: 436k, 1.2M (money as US$3.4bn). */
export function formatCompact(v: number, unit: VolumeUnit): string {
  if (unit === MONEY) return formatUsd(v);
  const a = Math.abs(v);
  if (a >= 1e6) return `${ONE.format(v / 1e6)}M`;
  if (a >= 1e4) return `${INT.format(v / 1e3)}k`;
  if (a >= 1e3) return `${ONE.format(v / 1e3)}k`;
  // Legend steps below 10 (a table of 0/1 weights) keep two significant digits: 0.6, not 1.
  return a >= 10 ? INT.format(v) : SMALL.format(v);
}

export function formatShare(x: number): string {
  if (!Number.isFinite(x)) return "–";
  const p = x * 100;
  return `${p >= 10 || p === 0 ? INT.format(p) : ONE.format(p)}%`;
}

export const BASIS_LABELS = { reported: "reported", derived: "derived (arithmetic on reported figures)", modelled: "modelled estimate" } as const;
