// What-if scenarios: a named set of assumption edits plus re-routing rules, tied to a policy event and
// the facts behind it. Plain JSON (it travels in links, saved views and exports) and checked field by
// field when read back (parseScenario), like every other part of a link. Pure: no DOM.

/** Multiplies (scale) or replaces (set) one assumption of the dataset's model. */
export type AssumptionEdit = { id: string; scale: number } | { id: string; set: number };

/**
 * scale: flows from `from` to `to` (null = any place) are multiplied by `factor`; what they no longer
 *   carry stays at the sender ("stay": absorbed there; at an origin this means not exported) or goes to
 *   another place from the same sender (`redirect`).
 * close: nothing passes through `place`; what its suppliers sent it goes to the `alternatives` they
 *   already supply (else to all of them), in proportion to `weights` (default: the alternatives' own
 *   throughput in that year). What the place generated itself is lost.
 */
export type RerouteRule =
  | { kind: "scale"; from: string | null; to: string | null; factor: number; remainder: "stay" | { redirect: string } }
  | { kind: "close"; place: string; alternatives: string[]; weights: Record<string, number> | null };

export interface Scenario {
  /** "horgos-closed" for a built-in one, "custom" (or any other id) for one a user wrote. */
  id: string;
  name: string;
  /** What it means, in words (shown on screen, in exports and CSV headers). */
  summary: string;
  /** Policy event id (events.csv), "" when none. */
  event: string;
  /** FACTS row ids it rests on. */
  facts: string[];
  /** Years it applies to; null = every year with flows. */
  years: number[] | null;
  assumptions: AssumptionEdit[];
  rules: RerouteRule[];
  /** Why volume leaves the data, when a rule makes it (shown with the lost volume); "" when none is lost. */
  lossReason: string;
}

const MAX_TEXT = 200;
const MAX_SUMMARY = 2000;
const MAX_ITEMS = 50;

type Parsed = { ok: true; scenario: Scenario } | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const text = (v: unknown, max = MAX_TEXT): v is string => typeof v === "string" && v.length <= max;
const finite = (v: unknown, min: number, max: number): v is number => typeof v === "number" && Number.isFinite(v) && v >= min && v <= max;
// eslint-disable-next-line no-control-regex
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, " ");
const idList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= MAX_ITEMS && v.every((x) => text(x) && x !== "");
const BAD_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Reads a scenario from untrusted JSON (a link, a saved view, a file). Never throws. */
export function parseScenario(value: unknown): Parsed {
  const fail = (what: string): Parsed => ({ ok: false, reason: `The scenario's ${what}; it may have been edited or damaged.` });
  if (!isObject(value)) return fail("data is not an object");
  const id = own(value, "id"),
    name = own(value, "name"),
    summary = own(value, "summary"),
    event = own(value, "event"),
    facts = own(value, "facts"),
    years = own(value, "years"),
    assumptions = own(value, "assumptions"),
    rules = own(value, "rules"),
    lossReason = own(value, "lossReason");
  if (!text(id) || id === "") return fail("id is missing");
  if (!text(name) || name.trim() === "") return fail("name is missing");
  if (!text(summary ?? "", MAX_SUMMARY)) return fail("summary is not a text");
  if (!text(event ?? "")) return fail("event is not an id");
  if (!idList(facts ?? [])) return fail("facts are not a list of ids");
  if (
    years !== null &&
    years !== undefined &&
    !(Array.isArray(years) && years.length <= MAX_ITEMS && years.every((y) => Number.isInteger(y) && finite(y, 1900, 2100)))
  )
    return fail("years are not a list of years");
  if (!Array.isArray(assumptions ?? []) || ((assumptions as unknown[] | undefined) ?? []).length > MAX_ITEMS * 4)
    return fail("assumption edits are not a list");
  if (!Array.isArray(rules ?? []) || ((rules as unknown[] | undefined) ?? []).length > MAX_ITEMS) return fail("rules are not a list");
  if (!text(lossReason ?? "", MAX_SUMMARY)) return fail("loss reason is not a text");
  const edits: AssumptionEdit[] = [];
  for (const a of (assumptions as unknown[] | undefined) ?? []) {
    if (!isObject(a)) return fail("assumption edits hold something that is not an edit");
    const aid = own(a, "id"),
      scale = own(a, "scale"),
      set = own(a, "set");
    if (!text(aid) || aid === "" || BAD_KEYS.has(aid)) return fail("assumption edits name no assumption");
    if (scale !== undefined && finite(scale, 0, 1000)) edits.push({ id: aid, scale });
    else if (set !== undefined && finite(set, -1e12, 1e12)) edits.push({ id: aid, set });
    else return fail(`edit of "${aid.slice(0, 40)}" has no number to scale or set by`);
  }
  const out: RerouteRule[] = [];
  for (const r of (rules as unknown[] | undefined) ?? []) {
    if (!isObject(r)) return fail("rules hold something that is not a rule");
    const kind = own(r, "kind");
    if (kind === "scale") {
      const from = own(r, "from") ?? null,
        to = own(r, "to") ?? null,
        factor = own(r, "factor"),
        remainder = own(r, "remainder") ?? "stay";
      if (!(from === null || (text(from) && from !== "")) || !(to === null || (text(to) && to !== "")))
        return fail("scale rule names no place");
      if (!finite(factor, 0, 1000)) return fail("scale rule has no factor between 0 and 1000");
      let rem: "stay" | { redirect: string };
      if (remainder === "stay") rem = "stay";
      else if (isObject(remainder) && text(own(remainder, "redirect")) && own(remainder, "redirect") !== "")
        rem = { redirect: own(remainder, "redirect") as string };
      else return fail("scale rule says neither where the rest stays nor where it goes");
      out.push({ kind: "scale", from: from as string | null, to: to as string | null, factor, remainder: rem });
    } else if (kind === "close") {
      const place = own(r, "place"),
        alternatives = own(r, "alternatives") ?? [],
        weights = own(r, "weights") ?? null;
      if (!text(place) || place === "") return fail("close rule names no place");
      if (!idList(alternatives)) return fail("close rule's alternatives are not a list of places");
      let w: Record<string, number> | null = null;
      if (weights !== null) {
        if (!isObject(weights)) return fail("close rule's weights are not numbers by place");
        w = {};
        for (const k of Object.keys(weights)) {
          const v = weights[k];
          if (BAD_KEYS.has(k) || !finite(v, 0, 1e12)) return fail("close rule's weights are not numbers by place");
          w[k] = v;
        }
      }
      out.push({ kind: "close", place, alternatives: [...new Set(alternatives)], weights: w });
    } else return fail("rules hold a kind of rule Reroute does not know");
  }
  return {
    ok: true,
    scenario: {
      id,
      name: clean(name),
      summary: clean((summary as string | undefined) ?? ""),
      event: (event as string | undefined) ?? "",
      facts: [...new Set((facts as string[] | undefined) ?? [])],
      years: Array.isArray(years) ? [...new Set(years as number[])].sort((a, b) => a - b) : null,
      assumptions: edits,
      rules: out,
      lossReason: clean((lossReason as string | undefined) ?? ""),
    },
  };
}

/** The rules and edits of a scenario in words, one sentence each ("Horgos closed: …"). */
export function describeRules(scenario: Scenario, nameOf: (id: string) => string, labelOf: (assumption: string) => string): string[] {
  const out: string[] = [];
  for (const a of scenario.assumptions) {
    out.push("scale" in a ? `${labelOf(a.id)}: × ${formatFactor(a.scale)}.` : `${labelOf(a.id)}: set to ${formatFactor(a.set)}.`);
  }
  for (const r of scenario.rules) {
    if (r.kind === "scale") {
      const where =
        r.from && r.to
          ? `${nameOf(r.from)} → ${nameOf(r.to)}`
          : r.from
            ? `everything leaving ${nameOf(r.from)}`
            : r.to
              ? `everything into ${nameOf(r.to)}`
              : "everything exported (flows leaving origins)";
      const change =
        r.factor === 0
          ? "stops"
          : `× ${formatFactor(r.factor)} (${r.factor < 1 ? "−" : "+"}${formatFactor(Math.abs(1 - r.factor) * 100)}%)`;
      const rest =
        r.factor >= 1
          ? ""
          : r.remainder === "stay"
            ? r.from
              ? `; the rest stays in ${nameOf(r.from)}`
              : "; the rest stays where it was sent from (at an origin: not exported)"
            : `; the rest goes to ${nameOf(r.remainder.redirect)} instead`;
      out.push(`${where}: ${change}${rest}.`);
    } else {
      const alts = r.alternatives.map(nameOf);
      const how = r.weights ? "in the proportions set" : "in proportion to their own volume";
      out.push(
        `${nameOf(r.place)} closed: what it handled goes through ${alts.length ? listWords(alts) : "no other place (it is lost)"} ${alts.length ? how : ""}`.trimEnd() +
          ".",
      );
    }
  }
  if (scenario.years) out.push(`Applies to ${listWords(scenario.years.map(String))} only.`);
  return out;
}

function formatFactor(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
