// The "Year" control: a labelled select over the dataset's years; hidden when there are none (data
// without time: the caller passes no years).
import { setYear } from "../state/producers";
import type { Store } from "../state/store";
import { clear, el } from "./dom";

export function mountYearControl(root: HTMLElement, store: Store, years: () => number[]) {
  const select = el("select", { id: "year", name: "year" });
  root.append(el("label", { for: "year", class: "control-label" }, "Year"), select);
  select.addEventListener("change", () => store.dispatch(setYear(Number(select.value))));
  const render = () => {
    const ys = years();
    root.hidden = ys.length === 0;
    const current = store.get().year;
    if (select.options.length !== ys.length || [...select.options].some((o, i) => Number(o.value) !== ys[i])) {
      clear(select);
      for (const y of ys) select.appendChild(el("option", { value: y }, String(y)));
    }
    select.value = String(current);
  };
  render();
  store.subscribe((s, prev) => {
    if (s.year !== prev.year) render();
  });
  return { render, element: select };
}
