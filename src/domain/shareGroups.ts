// Share groups of the zero-mileage model: members that split one quantity, each a declared assumption
// or "the rest" (1 − the declared members). If the declared members sum to more than 1 they are
// scaled to sum to 1 and the rest gets 0; the formula says so. A negative value counts as 0.
import type { Assumption } from "./types";

/** A member of a share group: `assumption` names its assumptions.csv row, null for "the rest". */
export interface ShareMember {
  key: string;
  assumption: string | null;
  /** Words for the rest member's share in formulas (declared members use their assumption's label). */
  restLabel?: string;
  /** Fact ids behind the rest member itself (it also rests on its group's declared members). */
  restFacts?: readonly string[];
}

export interface ShareGroup {
  id: string;
  members: readonly ShareMember[];
}

/** One factor of a formula: its value, its words (ending with the number), the assumptions and facts behind it. */
export interface Term {
  value: number;
  text: string;
  assumptions: string[];
  facts: string[];
}

export const rest = (key: string, restLabel: string, restFacts: readonly string[] = []): ShareMember => ({
  key,
  assumption: null,
  restLabel,
  restFacts,
});
export const declared = (key: string, assumption: string): ShareMember => ({ key, assumption });

/** Numbers in formulas: at most 6 decimals, no float noise, no exponent. */
export function formatNumber(x: number): string {
  const rounded = Math.round(x * 1e6) / 1e6;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/** A share group's members resolved against the assumptions: key → term. */
export function resolveShareGroup(group: ShareGroup, byId: ReadonlyMap<string, Assumption>): Map<string, Term> {
  const values = group.members.map((member) => {
    if (member.assumption === null) return null;
    const assumption = byId.get(member.assumption);
    if (assumption === undefined) throw new Error(`zeroMileageModel.modelFlows: assumption "${member.assumption}" is missing`);
    return { member, assumption, value: Math.max(0, assumption.value) };
  });
  const declaredOnes = values.filter((v): v is NonNullable<typeof v> => v !== null);
  const sum = declaredOnes.reduce((total, v) => total + v.value, 0);
  const scale = sum > 1 ? 1 / sum : 1;
  const terms = new Map<string, Term>();
  for (const v of declaredOnes) {
    const share = v.value * scale;
    const note = scale === 1 ? "" : ` [scaled: ${formatNumber(v.value)} / ${formatNumber(sum)}, the group sums to more than 1]`;
    terms.set(v.member.key, {
      value: share,
      text: `${v.assumption.label} ${formatNumber(share)}${note}`,
      assumptions: [v.assumption.id],
      facts: [...v.assumption.facts],
    });
  }
  const restMember = group.members.find((member) => member.assumption === null);
  if (restMember !== undefined) {
    const restShare = Math.max(0, 1 - sum);
    const how =
      sum > 1
        ? `[rest: none, the declared shares sum to ${formatNumber(sum)}]`
        : `[rest: ${["1", ...declaredOnes.map((v) => formatNumber(v.value))].join(" − ")}]`;
    terms.set(restMember.key, {
      value: restShare,
      text: `${restMember.restLabel ?? ""} ${formatNumber(restShare)} ${how}`,
      // The rest depends on every declared member of its group.
      assumptions: declaredOnes.map((v) => v.assumption.id),
      facts: [...(restMember.restFacts ?? []), ...declaredOnes.flatMap((v) => v.assumption.facts)],
    });
  }
  return terms;
}

export function termOf(map: Map<string, Term>, key: string): Term {
  const term = map.get(key);
  if (term === undefined) throw new Error(`zeroMileageModel: no share for "${key}"`);
  return term;
}

/** The product of the terms, cleaned to 6 decimals so the number a formula prints is the number rounded. */
export function product(terms: readonly Term[]): number {
  return Math.round(terms.reduce((total, term) => total * term.value, 1) * 1e6) / 1e6;
}

/** Integers that sum exactly to round(total): floors, then +1 to the largest remainders (ties: first listed). */
export function largestRemainder(exact: readonly number[], total: number): number[] {
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let missing = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x + 1e-9) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  const result = [...floors];
  for (const { i } of order) {
    if (missing <= 0) break;
    result[i] = (result[i] ?? 0) + 1;
    missing--;
  }
  return result;
}
