// Runs a scenario on the flows in force: the dataset's model on the assumptions as edited by the user and
// then by the scenario, then the scenario's re-routing rules; re-checks the reconciliation and bounds and
// names every check the scenario breaks (or mends); keeps a ledger of where the volume goes. Pure.
import { reroute, type RuleEffect } from "../analysis/reroute";
import { ledgerOf, type YearLedger } from "../analysis/volumeLedger";
import type { Scenario, RerouteRule } from "../domain/scenario";
import type { Dataset, Flow, PolicyEvent } from "../domain/types";
import { assumptionChecks, type AssumptionChecks } from "./assumptionModel";
import type { FlowModel } from "./derived";

export interface ScenarioRun {
  scenario: Scenario;
  /** Flows in force without the scenario (the user's assumption edits only). */
  baseline: Flow[];
  /** Flows with the scenario. */
  flows: Flow[];
  /** Assumption values the scenario puts in force (user edit or declared value, then the scenario's edit). */
  assumptions: Record<string, number>;
  effects: RuleEffect[];
  created: string[];
  removed: string[];
  cyclicYears: number[];
  /** Checks on both sides (null when the data has no checks, e.g. imported data). */
  checksBefore: AssumptionChecks | null;
  checksAfter: AssumptionChecks | null;
  /** Checks that pass without the scenario and fail with it, with the failing message. */
  broken: string[];
  /** Checks that fail without the scenario and pass with it. */
  mended: string[];
  /** What could not be applied (unknown places or assumptions, no model). */
  warnings: string[];
}

/** The checks a scenario breaks in one year: messages that start with the year or name it (" 2024:"). */
export function brokenIn(run: Pick<ScenarioRun, "broken">, year: number): string[] {
  return run.broken.filter((m) => m.startsWith(`${year}`) || m.includes(` ${year}:`));
}

/** The empty scenario "Write your own…" starts from. */
export function customScenario(id: string): Scenario {
  return { id, name: "My scenario", summary: "", event: "", facts: [], years: null, assumptions: [], rules: [], lossReason: "" };
}

/** Policy events tied to a scenario: its own event, or events that share a FACTS row with it. */
export function scenarioEvents(scenario: Scenario, events: readonly PolicyEvent[]): PolicyEvent[] {
  const facts = new Set(scenario.facts);
  return events.filter((e) => e.id === scenario.event || e.facts.some((f) => facts.has(f)));
}

function ruleKnown(rule: RerouteRule, has: (id: string) => boolean): string[] {
  const ids =
    rule.kind === "close"
      ? [rule.place, ...rule.alternatives]
      : [rule.from, rule.to, rule.remainder === "stay" ? null : rule.remainder.redirect];
  return ids.filter((id): id is string => id !== null && !has(id));
}

function checkKeys(checks: AssumptionChecks): Map<string, { ok: boolean; message: string }> {
  const m = new Map<string, { ok: boolean; message: string }>();
  const failing = new Map(checks.failures.map((f) => [f.message, f]));
  for (const b of checks.border) {
    const message = [...failing.keys()].find((text) => failing.get(text)!.kind === "border" && text.startsWith(`${b.year}:`)) ?? "";
    m.set(`border:${b.year}`, { ok: b.ok, message });
  }
  for (const c of checks.bounds) m.set(`bound:${c.contextId}:${c.year}`, { ok: c.ok, message: c.message });
  return m;
}

export function runScenario(
  dataset: Dataset,
  userEdits: Readonly<Record<string, number>>,
  scenario: Scenario,
  model: FlowModel | null,
): ScenarioRun {
  const warnings: string[] = [];
  const baseline = Object.keys(userEdits).length && model ? model(dataset, { ...userEdits }) : dataset.flows;
  const declared = new Map(dataset.assumptions.map((a) => [a.id, a.value]));
  const assumptions: Record<string, number> = { ...userEdits };
  for (const edit of scenario.assumptions) {
    const current = Object.hasOwn(userEdits, edit.id) ? userEdits[edit.id]! : declared.get(edit.id);
    if (current === undefined) {
      warnings.push(`This data has no assumption “${edit.id}”: that edit is not applied.`);
      continue;
    }
    assumptions[edit.id] = "scale" in edit ? current * edit.scale : edit.set;
  }
  let modelled = baseline;
  if (scenario.assumptions.length) {
    const probe = model ? model(dataset, assumptions) : null;
    if (!model || probe === dataset.flows)
      warnings.push("This data has no routing model: the scenario's assumption edits change nothing here.");
    else modelled = probe!;
  }
  const places = new Set(dataset.places.map((p) => p.id));
  const rules = scenario.rules.filter((rule) => {
    const unknown = ruleKnown(rule, (id) => places.has(id));
    if (unknown.length)
      warnings.push(`A rule names ${unknown.map((u) => `“${u}”`).join(", ")}, not a place of this data: that rule is skipped.`);
    return unknown.length === 0;
  });
  const r = reroute(modelled, dataset.places, rules, {
    label: `Scenario “${scenario.name}”`,
    facts: scenario.facts,
    years: scenario.years,
  });
  if (r.cyclicYears.length)
    warnings.push(`Flows of ${r.cyclicYears.join(", ")} form a cycle: the re-routing follows each place once, an approximation there.`);
  const hasChecks = dataset.context.length > 0;
  const checksBefore = hasChecks ? assumptionChecks(dataset, baseline) : null;
  const checksAfter = hasChecks ? assumptionChecks(dataset, r.flows) : null;
  const broken: string[] = [];
  const mended: string[] = [];
  if (checksBefore && checksAfter) {
    const before = checkKeys(checksBefore);
    for (const [key, after] of checkKeys(checksAfter)) {
      const was = before.get(key);
      if (was?.ok && !after.ok) broken.push(after.message);
      if (was && !was.ok && after.ok) mended.push(after.message || was.message);
    }
  }
  return {
    scenario,
    baseline,
    flows: r.flows,
    assumptions,
    effects: r.effects,
    created: r.created,
    removed: r.removed,
    cyclicYears: r.cyclicYears,
    checksBefore,
    checksAfter,
    broken,
    mended,
    warnings,
  };
}

/** Where the volume of one year goes with the scenario. */
export function scenarioLedger(run: ScenarioRun, dataset: Pick<Dataset, "places">, year: number): YearLedger {
  return ledgerOf(run.baseline, run.flows, dataset.places, year);
}

/** The ledger in words: conserved, or how much is lost and why. */
export function ledgerText(
  ledger: YearLedger,
  scenario: Scenario,
  format: (v: number) => string,
  nameOf: (id: string) => string,
): string[] {
  const out: string[] = [];
  const tol = Math.max(1, ledger.generatedBefore) * 1e-9;
  if (Math.abs(ledger.lost) <= tol)
    out.push(`${ledger.year}: volume is conserved — ${format(ledger.generatedBefore)} enter the network with and without the scenario.`);
  else if (ledger.lost > 0)
    out.push(
      `${ledger.year}: ${format(ledger.lost)} of ${format(ledger.generatedBefore)} no longer enter the network.${scenario.lossReason ? ` ${scenario.lossReason}` : ""}`,
    );
  else out.push(`${ledger.year}: ${format(-ledger.lost)} more enter the network than without the scenario.`);
  const moved = ledger.absorbedChanges.slice(0, 5).map((c) => `${nameOf(c.place)} ${format(c.before)} → ${format(c.after)}`);
  if (moved.length) out.push(`Where cars end up: ${moved.join("; ")}${ledger.absorbedChanges.length > 5 ? "; …" : ""}.`);
  if (ledger.residualAfter > ledger.residualBefore + tol)
    out.push(`${format(ledger.residualAfter - ledger.residualBefore)} more are sent on than arrive somewhere (unexplained inflow).`);
  return out;
}
