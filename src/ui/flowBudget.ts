// The visible-flow budget in the toolbar: a note of how many flows are drawn out of how many, a number
// input "Flow budget" and a "Show all flows" toggle. Large graphs are drawn as their largest flows,
// because a software-WebGL frame costs about 1 ms per 100 edges (README, Performance).
import "./flowBudget.css";
import { setFlowBudget } from "../state/producers";
import { DEFAULT_FLOW_BUDGET } from "../state/viewState";
import { onScene, type App } from "./app";
import { el } from "./dom";
import { flowBudgetNote, FLOW_BUDGET_UI_THRESHOLD, MIN_FLOW_BUDGET, parseFlowBudget } from "./flowBudgetNote";

export function mountFlowBudget(app: App): { render(): void } {
  const note = el("span", { class: "flow-budget-note", role: "status", "aria-live": "polite" });
  const input = el("input", {
    type: "number",
    id: "flow-budget",
    name: "flow-budget",
    min: MIN_FLOW_BUDGET,
    step: 500,
    inputmode: "numeric",
  });
  const all = el("input", { type: "checkbox", id: "flow-budget-all", name: "flow-budget-all" });
  const root = el(
    "div",
    { class: "control flow-budget", hidden: true },
    note,
    el("label", { for: "flow-budget", class: "control-label" }, "Flow budget"),
    input,
    el("label", { class: "flow-budget-all", title: "Draw every flow of the year: slow past a few thousand flows" }, all, "Show all flows"),
  );
  app.toolbar.appendChild(root);
  // The budget to go back to when "Show all flows" is unticked.
  let lastBudget = app.store.get().flowBudget ?? DEFAULT_FLOW_BUDGET;

  input.addEventListener("change", () => {
    const n = parseFlowBudget(input.value);
    if (n === null) return render();
    lastBudget = n;
    app.store.dispatch(setFlowBudget(n));
  });
  all.addEventListener("change", () => app.store.dispatch(setFlowBudget(all.checked ? null : lastBudget)));

  function render(): void {
    const budget = app.store.get().flowBudget;
    if (budget !== null) lastBudget = budget;
    const visible = app.derived().visible;
    root.hidden = budget !== null && visible.total <= Math.min(FLOW_BUDGET_UI_THRESHOLD, budget);
    note.textContent = flowBudgetNote(visible, budget);
    if (document.activeElement !== input) input.value = String(lastBudget);
    input.disabled = budget === null;
    all.checked = budget === null;
  }

  onScene(app, () => render());
  render();
  return { render };
}
