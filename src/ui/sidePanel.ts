// The side panel: collapsible sections that feature modules add themselves to.
import { el } from "./dom";

export interface SectionOptions {
  open?: boolean;
  /** Lower comes first. */
  order?: number;
}

export function createSidePanel(root: HTMLElement) {
  const sections: { order: number; node: HTMLElement }[] = [];
  return {
    /** Adds a section titled `title`; returns its body element. */
    addSection(id: string, title: string, options: SectionOptions = {}): HTMLElement {
      const body = el("div", { class: "section-body", id: `${id}-body` });
      const details = el("details", { class: "section", id: `section-${id}`, open: options.open ?? false },
        el("summary", {}, el("h2", {}, title)), body);
      const order = options.order ?? 50;
      const at = sections.findIndex((s) => s.order > order);
      if (at === -1) { root.appendChild(details); sections.push({ order, node: details }); }
      else { root.insertBefore(details, sections[at]!.node); sections.splice(at, 0, { order, node: details }); }
      return body;
    },
  };
}
export type SidePanel = ReturnType<typeof createSidePanel>;
