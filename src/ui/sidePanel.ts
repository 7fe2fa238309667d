// The side panel: sections that open and close. Each title is a heading holding a button with aria-expanded
// (the WAI-ARIA disclosure pattern) rather than <details>/<summary>, which has no role: so "Table" or
// "Assumptions" is a button by that name to assistive technology and to getByRole alike.
import { el } from "./dom";

export interface SectionOptions {
  open?: boolean;
  /** Lower comes first. */
  order?: number;
}

interface Section {
  order: number;
  node: HTMLElement;
  toggle: HTMLButtonElement;
  body: HTMLElement;
  listeners: Set<(open: boolean) => void>;
}

export function createSidePanel(root: HTMLElement) {
  const sections: Section[] = [];
  const byId = new Map<string, Section>();
  const setOpen = (section: Section, open: boolean) => {
    if (!section.body.hidden === open) return;
    section.toggle.setAttribute("aria-expanded", String(open));
    section.node.classList.toggle("section-open", open);
    section.body.hidden = !open;
    // Synchronous, before the next paint: a section that builds its content on opening shows it at once.
    for (const listener of section.listeners) listener(open);
  };
  return {
    /** Adds a section titled `title`; returns its body element. */
    addSection(id: string, title: string, options: SectionOptions = {}): HTMLElement {
      const open = options.open ?? false;
      const body = el("div", { class: "section-body", id: `${id}-body` });
      body.hidden = !open;
      const toggle = el(
        "button",
        { type: "button", class: "section-toggle", id: `section-${id}-toggle`, "aria-expanded": String(open), "aria-controls": body.id },
        el("span", { class: "section-arrow", "aria-hidden": "true" }),
        title,
      );
      const node = el(
        "div",
        { class: `section${open ? " section-open" : ""}`, id: `section-${id}` },
        el("h2", { class: "section-title" }, toggle),
        body,
      );
      const order = options.order ?? 50;
      const section: Section = { order, node, toggle, body, listeners: new Set() };
      toggle.addEventListener("click", () => setOpen(section, body.hidden));
      const at = sections.findIndex((s) => s.order > order);
      if (at === -1) {
        root.appendChild(node);
        sections.push(section);
      } else {
        root.insertBefore(node, sections[at]!.node);
        sections.splice(at, 0, section);
      }
      byId.set(id, section);
      return body;
    },
    isOpen(id: string): boolean {
      const section = byId.get(id);
      return !!section && !section.body.hidden;
    },
    setOpen(id: string, open: boolean): void {
      const section = byId.get(id);
      if (section) setOpen(section, open);
    },
    /** Called when the section opens or closes (by its button or setOpen); returns an unsubscribe. */
    onToggle(id: string, listener: (open: boolean) => void): () => void {
      const section = byId.get(id);
      if (!section) return () => {};
      section.listeners.add(listener);
      return () => section.listeners.delete(listener);
    },
  };
}
export type SidePanel = ReturnType<typeof createSidePanel>;
