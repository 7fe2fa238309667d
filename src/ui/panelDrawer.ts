// On small screens the panels are a bottom sheet: the "Panels" button in the toolbar opens and closes it
// (responsive.css hides the button on wide screens, where the panels sit beside the graph). Escape closes
// the sheet and gives focus back to the button, so focus is never left on a hidden control.
import { el } from "./dom";
import "./responsive.css";

export const DRAWER_QUERY = "(max-width: 820px)";

export function mountPanelDrawer(toolbar: HTMLElement, panel: HTMLElement): { open(on: boolean): void } {
  const button = el("button", { type: "button", class: "drawer-toggle", "aria-controls": panel.id, "aria-expanded": "false" }, "Panels");
  toolbar.append(button);
  const root = document.documentElement;
  const open = (on: boolean) => {
    root.classList.toggle("drawer-open", on);
    button.setAttribute("aria-expanded", String(on));
  };
  button.addEventListener("click", () => {
    const on = !root.classList.contains("drawer-open");
    open(on);
    if (on) panel.focus({ preventScroll: true });
  });
  panel.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || !root.classList.contains("drawer-open") || !window.matchMedia(DRAWER_QUERY).matches) return;
    open(false);
    button.focus();
  });
  return { open };
}
