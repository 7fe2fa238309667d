// "Scenarios": pick a built-in what-if (tied to a policy event and its facts) or write one; every number
// can be edited. The scenario is in the view state, so the map, Over time, Sankey and the Table show its
// flows, and links, saved views, presentations and exports carry it. This section says in words what it
// changes, where the volume goes (conserved, or lost and why), which checks it breaks, and lists the
// hop-by-hop changes against the flows without it.
import type { RerouteRule, Scenario } from "../domain/scenario";
import { describeRules } from "../domain/scenario";
import type { Dataset } from "../domain/types";
import { setAnalysis, setScenario } from "../state/analysisProducers";
import { comparisonTable } from "../state/analysisTables";
import { changeText, compareFlowSets, type YearComparison } from "../state/compareYears";
import { brokenIn, customScenario, ledgerText, scenarioEvents, scenarioLedger, type ScenarioRun } from "../state/scenarioRun";
import { profileOf } from "../state/profile";
import { formatEventDate } from "../state/timeline";
import { formatVolume, volumeUnit } from "../state/volumeUnit";
import { onDataset, onScene, type App } from "./app";
import { csvButton } from "./csvDownload";
import { append, el } from "./dom";
import { renderRuleEditor } from "./scenarioRuleEditor";

export const SCENARIOS_SECTION = "scenarios";
const CUSTOM = "custom";
const FIRST_ROWS = 15;

interface ScenariosDom {
  pick: HTMLSelectElement;
  mapChoice: HTMLInputElement;
  about: HTMLElement;
  editor: HTMLElement;
  effect: HTMLElement;
  head: HTMLTableRowElement;
  rows: HTMLTableSectionElement;
}

export function mountScenarios(app: App): void {
  let diff: YearComparison | null = null;
  const nameOf = (id: string) => app.derived().placesById.get(id)?.name ?? id;
  const dom = buildScenariosDom(app, () => {
    const s = app.store.get();
    return diff && s.scenario
      ? {
          view: `Scenario — ${s.scenario.name}`,
          year: String(s.year),
          table: comparisonTable(diff, nameOf, ["without", "with"]),
          flows: app.derived().flows.filter((f) => f.year === s.year),
          notes: describeRules(s.scenario, nameOf, (a) => a),
        }
      : null;
  });
  wireScenarioPick(app, dom);
  let lastKey: unknown[] = [];
  const render = () => {
    const s = app.store.get();
    const d = app.derived();
    const ds = app.dataset();
    const key = [s.scenario, s.year, d.flows, s.filters, s.weighting.measure, ds, s.analysis.scenarioMap];
    if (key.every((k, i) => k === lastKey[i])) return;
    lastKey = key;
    renderPick(app, dom);
    const run = d.scenarioRun;
    if (!s.scenario || !run) {
      renderNoScenario(dom);
      diff = null;
      return;
    }
    const fmt = (v: number) => formatVolume(v, volumeUnit(ds, s.weighting.measure));
    renderAbout(app, dom, s.scenario, nameOf);
    renderEffect(dom, run, s.scenario, s.year, fmt, nameOf, ds);
    diff = compareFlowSets(
      { places: ds.places, filters: s.filters, measure: s.weighting.measure },
      { flows: d.baseline, year: s.year },
      { flows: d.flows, year: s.year },
    );
    renderChanges(dom, diff, fmt, nameOf);
  };
  app.store.subscribe(render);
  onScene(app, render);
  onDataset(app, () => {
    lastKey = [];
    render();
  });
  render();
}

const builtIns = (app: App) => profileOf(app.dataset()).scenarios;

function buildScenariosDom(app: App, csv: Parameters<typeof csvButton>[2]): ScenariosDom {
  const body = app.panel.addSection(SCENARIOS_SECTION, "Scenarios", { open: false, order: 16 });
  const dom: ScenariosDom = {
    pick: el("select", { id: "scenario-pick" }),
    mapChoice: el("input", { type: "checkbox", id: "scenario-map-change" }),
    about: el("div", { class: "scenario-about" }),
    editor: el("div", { class: "scenario-editor" }),
    effect: el("div", { class: "scenario-effect", role: "status", "data-testid": "scenario-effect" }),
    head: el("tr"),
    rows: el("tbody"),
  };
  const table = el("table", { class: "data-table compare-table", id: "scenario-table" }, el("thead", {}, dom.head), dom.rows);
  const download = csvButton(app, "Scenario changes as CSV", csv);
  body.append(
    el("div", { class: "chart-controls" }, el("label", { for: dom.pick.id }, "What-if scenario"), dom.pick),
    el("label", { class: "check" }, dom.mapChoice, " Map shows the change it makes"),
    dom.about,
    dom.editor,
    dom.effect,
    el("div", { class: "x-table-wrap" }, table),
    download,
  );
  return dom;
}

function wireScenarioPick(app: App, { pick, mapChoice }: ScenariosDom): void {
  pick.addEventListener("change", () => {
    const v = pick.value;
    if (v === "") app.store.dispatch(setScenario(null));
    else if (v === CUSTOM) app.store.dispatch(setScenario(customScenario(CUSTOM)));
    else {
      const s = builtIns(app).find((x) => x.id === v);
      if (s) app.store.dispatch(setScenario(structuredClone(s)));
    }
    app.store.dispatch(setAnalysis({ view: "scenarios" }));
  });
  mapChoice.addEventListener("change", () => app.store.dispatch(setAnalysis({ scenarioMap: mapChoice.checked ? "change" : "flows" })));
}

/** The scenario picker: None, the dataset's built-ins, Write your own…, and a scenario from a link that is none of these. */
function renderPick(app: App, { pick, mapChoice }: ScenariosDom): void {
  const s = app.store.get();
  const options = [
    el("option", { value: "" }, "None"),
    ...builtIns(app).map((x) => el("option", { value: x.id }, x.name)),
    el("option", { value: CUSTOM }, "Write your own…"),
  ];
  pick.replaceChildren(...options);
  const known = s.scenario && (s.scenario.id === CUSTOM || builtIns(app).some((x) => x.id === s.scenario!.id));
  if (s.scenario && !known) pick.append(el("option", { value: s.scenario.id }, s.scenario.name));
  pick.value = s.scenario ? s.scenario.id : "";
  mapChoice.checked = s.analysis.scenarioMap === "change";
}

function renderNoScenario({ about, editor, effect, head, rows }: ScenariosDom): void {
  about.replaceChildren(
    el(
      "p",
      { class: "hint" },
      "A scenario changes the rules of routes — a crossing closes, a transit halves, a policy ends a trade — and shows the flows re-routed, before and after.",
    ),
  );
  editor.replaceChildren();
  effect.replaceChildren();
  head.replaceChildren();
  rows.replaceChildren();
}

/** What the scenario is: its summary, policy events, facts and rules in words, and the rule editor. */
function renderAbout(app: App, { about, editor }: ScenariosDom, sc: Scenario, nameOf: (id: string) => string): void {
  const ds = app.dataset();
  about.replaceChildren();
  const events = scenarioEvents(sc, ds.events);
  append(
    about,
    el("p", { class: "scenario-summary" }, sc.summary || "A scenario you write: add rules below."),
    events.length
      ? el("p", { class: "hint" }, "Policy events: ", events.map((e) => `${formatEventDate(e.date)} ${e.title}`).join("; "))
      : null,
    sc.facts.length ? el("p", { class: "hint" }, `Facts: ${sc.facts.join(", ")}`) : null,
    el(
      "ul",
      { class: "scenario-rules" },
      ...describeRules(sc, nameOf, (id) => ds.assumptions.find((a) => a.id === id)?.label ?? id).map((t) => el("li", {}, t)),
    ),
  );
  renderRuleEditor(editor, sc, ds, (scenario: Scenario) => app.store.dispatch(setScenario(scenario)));
}

/** Where the volume goes in the year, the checks it breaks, and what could not be applied. */
function renderEffect(
  { effect }: ScenariosDom,
  run: ScenarioRun,
  sc: Scenario,
  year: number,
  fmt: (v: number) => string,
  nameOf: (id: string) => string,
  ds: Dataset,
): void {
  const ledger = scenarioLedger(run, ds, year);
  const broken = brokenIn(run, year);
  effect.replaceChildren();
  append(
    effect,
    ...ledgerText(ledger, sc, fmt, nameOf).map((t) => el("p", {}, t)),
    broken.length
      ? el("p", { class: "scenario-broken" }, `Checks it breaks in ${year}:`)
      : el("p", { class: "hint" }, `No check breaks in ${year}.`),
    broken.length ? el("ul", { class: "scenario-broken" }, ...broken.map((m) => el("li", {}, m))) : null,
    ...run.warnings.map((w) => el("p", { class: "scenario-warning" }, w)),
  );
}

/** The first hop-by-hop changes against the flows without the scenario (the rest are in the CSV). */
function renderChanges(
  { head, rows }: ScenariosDom,
  diff: YearComparison,
  fmt: (v: number) => string,
  nameOf: (id: string) => string,
): void {
  head.replaceChildren(
    ...["From", "To", "Without", "With", "Change"].map((h, i) => el("th", { scope: "col", class: i >= 2 ? "num" : "" }, h)),
  );
  const changed = diff.changes.filter((c) => c.status !== "same");
  rows.replaceChildren(
    ...changed
      .slice(0, FIRST_ROWS)
      .map((c) =>
        el(
          "tr",
          { "data-status": c.status },
          el("td", {}, nameOf(c.from)),
          el("td", {}, nameOf(c.to)),
          el("td", { class: "num" }, c.before === null ? "—" : fmt(c.before)),
          el("td", { class: "num" }, c.after === null ? "—" : fmt(c.after)),
          el("td", { class: `num change-${c.status}` }, changeText(c, fmt)),
        ),
      ),
  );
  if (changed.length > FIRST_ROWS)
    rows.append(el("tr", {}, el("td", { colspan: 5, class: "hint" }, `… and ${changed.length - FIRST_ROWS} more in the CSV download.`)));
}

export type { RerouteRule };
