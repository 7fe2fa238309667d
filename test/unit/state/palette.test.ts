// The lane colours stay apart for everyone: pairwise CIE76 ΔE in Lab, in full colour and in the lighter
// modelled shade, for normal vision and simulated deuteranopia and protanopia (Machado, Oliveira &
// Fernandes 2009, severity 1, applied in linear RGB); each visible on the map's land; basis sample no lane.
import { describe, expect, it } from "vitest";
import { BASIS_SAMPLE, BASIS_TINT, flowColour, LANE_COLOURS, tint } from "../../../src/state/palette";
import { LIGHT_BACKDROP } from "../../../src/view/worldBackdrop";
import { LANES } from "../../../src/domain/lanes";

type M3 = [number, number, number][];
const VISION: Record<string, M3> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
};

function lab(hex: string, m: M3): [number, number, number] {
  const srgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = srgb.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0] * lin[0]! + row[1] * lin[1]! + row[2] * lin[2]!))) as [
    number,
    number,
    number,
  ];
  const X = 0.4124 * r + 0.3576 * g + 0.1805 * b;
  const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const Z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const [fx, fy, fz] = [f(X / 0.95047), f(Y), f(Z / 1.08883)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
const dE = (a: string, b: string, m: M3) => {
  const [p, q] = [lab(a, m), lab(b, m)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};

describe("lane palette", () => {
  const lanes = ["domestic", ...LANES.map((l) => l.id)];

  it("has a colour for every lane and the domestic legs", () => {
    for (const lane of lanes) expect(LANE_COLOURS[lane], lane).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("keeps every pair of lanes ΔE ≥ 20 apart, full and modelled, for normal, deuteranopic and protanopic vision", () => {
    for (const [vision, m] of Object.entries(VISION))
      for (const basis of ["reported", "modelled"] as const)
        for (let i = 0; i < lanes.length; i++)
          for (let j = i + 1; j < lanes.length; j++) {
            const d = dE(flowColour(lanes[i]!, basis), flowColour(lanes[j]!, basis), m);
            expect(d, `${lanes[i]} vs ${lanes[j]}, ${basis}, ${vision}`).toBeGreaterThanOrEqual(20);
          }
  });

  it("draws every lane, even modelled, ΔE ≥ 25 from the land it crosses", () => {
    for (const lane of lanes)
      expect(dE(flowColour(lane, "modelled"), LIGHT_BACKDROP.land, VISION.normal!), lane).toBeGreaterThanOrEqual(25);
  });

  it("the basis sample is no lane's colour (ΔE ≥ 20 from each, both shades)", () => {
    for (const lane of lanes)
      for (const a of [0, BASIS_TINT.modelled])
        expect(dE(tint(BASIS_SAMPLE, a), tint(LANE_COLOURS[lane]!, a), VISION.normal!), lane).toBeGreaterThanOrEqual(20);
  });

  it("modelled flows are their lane's colour mixed with white (40%)", () => {
    expect(flowColour("central-asia", "modelled")).toBe(tint(LANE_COLOURS["central-asia"]!, 0.4));
    expect(flowColour("central-asia", "derived")).toBe(LANE_COLOURS["central-asia"]);
    expect(tint("#000000", 0.4)).toBe("#666666");
    // Each channel mixed with white and rounded: 0x1a → 26·0.15 + 255·0.85 = 220.65 → dd; 0x52 → 82·0.15 + 216.75 = 229.05 → e5.
    expect(tint("#1a5276", 0.85)).toBe("#dde5ea");
    expect(tint("#FFFFFF", 0.3)).toBe("#ffffff");
    expect(tint("#c0392b", 0)).toBe("#c0392b");
  });
});
