// The editable parts of a scenario: its name, each assumption edit's factor, each rule's places and
// numbers; rules can be added and removed. Every change hands a new scenario to `update` (the view state).
import type { AssumptionEdit, RerouteRule, Scenario } from "../domain/scenario";
import type { Dataset } from "../domain/types";
import { el } from "./dom";

let ids = 0;

function numberInput(label: string, value: number, min: number, max: number, step: number, onChange: (v: number) => void): HTMLElement {
  const id = `scenario-field-${++ids}`;
  const input = el("input", { type: "number", id, value: String(value), min, max, step, inputmode: "decimal" });
  input.addEventListener("change", () => {
    const v = Number(input.value);
    if (input.value.trim() === "" || !Number.isFinite(v) || v < min || v > max) {
      input.setAttribute("aria-invalid", "true");
      input.title = `A number from ${min} to ${max}.`;
      return;
    }
    input.removeAttribute("aria-invalid");
    onChange(v);
  });
  return el("div", { class: "field" }, el("label", { for: id }, label), input);
}

function placeSelect(
  label: string,
  places: Dataset["places"],
  value: string | null,
  allowAny: string | null,
  onChange: (v: string | null) => void,
): HTMLElement {
  const id = `scenario-field-${++ids}`;
  const select = el(
    "select",
    { id },
    allowAny === null ? null : el("option", { value: "" }, allowAny),
    ...places.map((p) => el("option", { value: p.id }, p.name)),
  );
  select.value = value ?? "";
  select.addEventListener("change", () => onChange(select.value === "" ? null : select.value));
  return el("div", { class: "field" }, el("label", { for: id }, label), select);
}

export function renderRuleEditor(host: HTMLElement, scenario: Scenario, dataset: Dataset, update: (s: Scenario) => void): void {
  const places = [...dataset.places].sort((a, b) => a.name.localeCompare(b.name));
  const nameOf = (id: string) => dataset.places.find((p) => p.id === id)?.name ?? id;
  const withRules = (rules: RerouteRule[]) => update({ ...scenario, rules });
  const setRule = (i: number, rule: RerouteRule) => withRules(scenario.rules.map((r, j) => (j === i ? rule : r)));
  const nameId = `scenario-field-${++ids}`;
  const name = el("input", { type: "text", id: nameId, value: scenario.name, maxlength: 120 });
  name.addEventListener("change", () => name.value.trim() && update({ ...scenario, name: name.value.trim() }));
  const parts: HTMLElement[] = [el("div", { class: "field" }, el("label", { for: nameId }, "Scenario title"), name)];

  scenario.assumptions.forEach((a: AssumptionEdit, i) => {
    const label = dataset.assumptions.find((x) => x.id === a.id)?.label ?? a.id;
    const set = (next: AssumptionEdit) => update({ ...scenario, assumptions: scenario.assumptions.map((x, j) => (j === i ? next : x)) });
    parts.push(
      "scale" in a
        ? numberInput(`Factor on ${label}`, a.scale, 0, 10, 0.05, (v) => set({ id: a.id, scale: v }))
        : numberInput(`Value of ${label}`, a.set, -1e12, 1e12, 0.01, (v) => set({ id: a.id, set: v })),
    );
  });

  scenario.rules.forEach((rule, i) => {
    const n = i + 1;
    const box = el(
      "fieldset",
      { class: "scenario-rule" },
      el("legend", {}, rule.kind === "close" ? `Rule ${n}: close a place` : `Rule ${n}: scale flows`),
    );
    if (rule.kind === "scale") {
      box.append(
        placeSelect(`Rule ${n}: from`, places, rule.from, "Any place (with no “to”: every origin)", (v) =>
          setRule(i, { ...rule, from: v }),
        ),
        placeSelect(`Rule ${n}: to`, places, rule.to, "Any place", (v) => setRule(i, { ...rule, to: v })),
        numberInput(`Rule ${n}: factor (0 stops it, 0.5 halves it)`, rule.factor, 0, 1000, 0.025, (v) =>
          setRule(i, { ...rule, factor: v }),
        ),
        placeSelect(
          `Rule ${n}: the rest goes to`,
          places,
          rule.remainder === "stay" ? null : rule.remainder.redirect,
          "Stays where it was sent from",
          (v) => setRule(i, { ...rule, remainder: v === null ? "stay" : { redirect: v } }),
        ),
      );
    } else {
      box.append(
        placeSelect(
          `Rule ${n}: place closed`,
          places,
          rule.place,
          null,
          (v) => v && setRule(i, { ...rule, place: v, alternatives: rule.alternatives.filter((a) => a !== v) }),
        ),
      );
      const alternativesOf = places.filter((p) => p.kind === dataset.places.find((x) => x.id === rule.place)?.kind && p.id !== rule.place);
      const list = el("div", { class: "scenario-alternatives", role: "group", "aria-label": `Rule ${n}: where its volume goes` });
      for (const p of alternativesOf) {
        const id = `scenario-field-${++ids}`;
        const check = el("input", { type: "checkbox", id, checked: rule.alternatives.includes(p.id) });
        check.addEventListener("change", () =>
          setRule(i, { ...rule, alternatives: check.checked ? [...rule.alternatives, p.id] : rule.alternatives.filter((a) => a !== p.id) }),
        );
        const row = el("div", { class: "alternative" }, check, el("label", { for: id }, p.name));
        if (rule.alternatives.includes(p.id)) {
          const weight = rule.weights && Object.hasOwn(rule.weights, p.id) ? rule.weights[p.id]! : null;
          const wid = `scenario-field-${++ids}`;
          const input = el("input", {
            type: "number",
            id: wid,
            min: 0,
            step: 1,
            value: weight === null ? "" : String(weight),
            placeholder: "in proportion",
          });
          input.addEventListener("change", () => {
            const v = input.value.trim() === "" ? null : Number(input.value);
            const weights = { ...(rule.weights ?? {}) };
            if (v === null || !Number.isFinite(v) || v < 0) delete weights[p.id];
            else weights[p.id] = v;
            setRule(i, { ...rule, weights: Object.keys(weights).length ? weights : null });
          });
          row.append(el("label", { for: wid, class: "visually-hidden" }, `Rule ${n}: weight of ${p.name}`), input);
        }
        list.append(row);
      }
      box.append(
        list,
        el("p", { class: "hint" }, `Weights left empty share ${nameOf(rule.place)}'s volume in proportion to each place's own.`),
      );
    }
    const remove = el("button", { type: "button" }, `Remove rule ${n}`);
    remove.addEventListener("click", () => withRules(scenario.rules.filter((_, j) => j !== i)));
    box.append(remove);
    parts.push(box);
  });

  const addClose = el("button", { type: "button" }, "Add a rule: close a place");
  addClose.addEventListener("click", () => {
    const first = dataset.places.find((p) => p.kind === "exit") ?? dataset.places[0];
    if (first) withRules([...scenario.rules, { kind: "close", place: first.id, alternatives: [], weights: null }]);
  });
  const addScale = el("button", { type: "button" }, "Add a rule: scale flows");
  addScale.addEventListener("click", () =>
    withRules([...scenario.rules, { kind: "scale", from: null, to: null, factor: 0.5, remainder: "stay" }]),
  );
  parts.push(el("div", { class: "scenario-add" }, addClose, addScale));
  host.replaceChildren(...parts);
}
