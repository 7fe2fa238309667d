// The Sources view: every fact (its figure, the source's own sentence, reliability, sources with links,
// and which flows, figures, events and assumptions use it) and every source (with the facts citing it),
// searchable. Text from the data is inserted as text only. Renders the pure index of state/sourcesIndex.
import type { Dataset, Flow } from "../domain/types";
import { buildSourcesIndex, searchSources, type FactEntry, type SourceEntry, type SourcesIndex } from "../state/sourcesIndex";
import { afterFrames, clear, el, safeLink } from "./dom";

const RELIABILITY = { H: "high", M: "medium", L: "low", "": "unverified" } as const;
/** At most this many facts and sources are drawn at once; the count says how many match. */
const SHOWN_MAX = 200;

export interface SourcesView {
  /** Fills the search box with `query` (e.g. a fact id) and shows what matches. */
  show(query: string): void;
  /** Rebuilds for another dataset. */
  setDataset(dataset: Dataset): void;
  readonly root: HTMLElement;
}

function useLine(entry: FactEntry, placeName: (id: string) => string, flowLabel: (id: string) => string): HTMLElement | null {
  const { flows, context, events, assumptions } = entry.uses;
  const parts: string[] = [];
  if (flows.length) parts.push(`${flows.length} flow${flows.length === 1 ? "" : "s"}`);
  if (context.length) parts.push(`${context.length} context figure${context.length === 1 ? "" : "s"}`);
  if (events.length) parts.push(`${events.length} event${events.length === 1 ? "" : "s"}`);
  // "declared share", not "assumption": the word names the Assumptions section, and names stay unique.
  if (assumptions.length) parts.push(`${assumptions.length} declared share${assumptions.length === 1 ? "" : "s"}`);
  if (!parts.length)
    return el("p", { class: "src-uses src-unused" }, "Not used by a flow, figure, event or assumption (listed for completeness).");
  // The flows' names are written when the details are first opened: a fact may be used by 100,000 flows.
  const flowLine = flows.length ? el("p", {}) : null;
  const details = el(
    "details",
    { class: "src-uses" },
    el("summary", {}, `Used by ${parts.join(", ")}`),
    flowLine,
    context.length ? el("p", {}, "Context figures: ", context.join(", ")) : null,
    events.length ? el("p", {}, "Events: ", events.join(", ")) : null,
    assumptions.length ? el("p", {}, "Declared shares: ", assumptions.join(", ")) : null,
    entry.fact.places.length ? el("p", {}, "Places: ", entry.fact.places.map(placeName).join(", ")) : null,
  );
  if (flowLine) {
    const fill = () => {
      if (!details.open || flowLine.childNodes.length) return;
      const flowNames = [...new Set(flows.map(flowLabel))];
      flowLine.append("Flows: ", flowNames.slice(0, 40).join("; "), flowNames.length > 40 ? ` … and ${flowNames.length - 40} more` : "");
    };
    details.addEventListener("toggle", fill);
  }
  return details;
}

function factItem(entry: FactEntry, placeName: (id: string) => string, flowLabel: (id: string) => string): HTMLElement {
  const f = entry.fact;
  return el(
    "li",
    { class: "src-fact", id: `fact-${f.id}`, "data-fact": f.id },
    el("h4", {}, el("span", { class: "src-id" }, f.id), " ", f.what || "(not described)"),
    f.figure ? el("p", { class: "src-figure" }, f.figure, f.period ? ` — ${f.period}` : "") : null,
    f.quote
      ? el("blockquote", { class: "src-quote" }, `“${f.quote}”`)
      : el("p", { class: "src-noquote" }, "No quoted sentence recorded; the figure is the research notes' summary."),
    el("p", { class: "src-reliability" }, `Reliability: ${RELIABILITY[f.reliability]}`),
    entry.sources.length
      ? el(
          "ul",
          { class: "src-links" },
          entry.sources.map((s) =>
            el(
              "li",
              {},
              s.url ? safeLink(s.url, s.title || s.publisher) : el("span", {}, s.title || s.publisher),
              ` — ${s.publisher}${s.date ? `, ${s.date}` : ""}`,
            ),
          ),
        )
      : el("p", { class: "src-links" }, f.citedAs ? `Cited as: ${f.citedAs}` : "No source found."),
    useLine(entry, placeName, flowLabel),
  );
}

function sourceItem(entry: SourceEntry): HTMLElement {
  const s = entry.source;
  return el(
    "li",
    { class: "src-source", "data-source": s.id },
    s.url ? safeLink(s.url, s.title || s.id) : el("span", {}, s.title || s.id),
    ` — ${s.publisher}${s.date ? `, ${s.date}` : ""}${s.reliability ? ` (reliability ${RELIABILITY[s.reliability]})` : ""}`,
    entry.facts.length ? el("span", { class: "src-cites" }, ` · facts ${entry.facts.join(", ")}`) : null,
  );
}

/** Above this many flows, a new dataset is indexed after the task that opens it. */
const BIG_FLOWS = 50_000;

/** Mounts the view in `root`: a search box labelled "Search facts and publications", the matching facts, then the matching sources. */
export function mountSourcesView(root: HTMLElement, initial: Dataset): SourcesView {
  let dataset = initial;
  let index: SourcesIndex = buildSourcesIndex(dataset);
  let indexed = dataset;
  const input = el("input", {
    type: "search",
    id: "sources-search",
    class: "src-search",
    placeholder: "Fact id, word, publisher…",
    autocomplete: "off",
  });
  const label = el("label", { for: "sources-search" }, "Search facts and publications");
  const status = el("p", { class: "src-status", role: "status", "aria-live": "polite" });
  const factList = el("ol", { class: "src-facts", "aria-label": "Facts" });
  const sourceList = el("ul", { class: "src-sources", "aria-label": "Sources" });
  clear(root);
  root.append(
    el("div", { class: "src-searchbar" }, label, input),
    status,
    el("h3", {}, "Facts"),
    factList,
    el("h3", {}, "Sources"),
    sourceList,
  );
  const render = () => {
    const placeNames = new Map(dataset.places.map((p) => [p.id, p.name]));
    const placeName = (id: string) => placeNames.get(id) ?? id;
    // Built when a fact's flows are first shown, not for every render.
    let flows: Map<string, Flow> | null = null;
    const flowLabel = (id: string) => {
      flows ??= new Map(dataset.flows.map((f) => [f.id, f]));
      const f = flows.get(id);
      return f ? `${placeName(f.from)} → ${placeName(f.to)}` : id;
    };
    if (indexed !== dataset) {
      index = buildSourcesIndex(dataset);
      indexed = dataset;
    }
    const { facts, sources } = searchSources(index, input.value);
    clear(factList);
    clear(sourceList);
    factList.append(...facts.slice(0, SHOWN_MAX).map((e) => factItem(e, placeName, flowLabel)));
    sourceList.append(...sources.slice(0, SHOWN_MAX).map(sourceItem));
    const q = input.value.trim();
    status.textContent = `${facts.length} of ${index.facts.length} facts and ${sources.length} of ${index.sources.length} sources${q ? ` match “${q}”` : ""}.`;
  };
  input.addEventListener("input", render);
  render();
  return {
    root,
    show(query: string) {
      input.value = query;
      render();
    },
    setDataset(next: Dataset) {
      dataset = next;
      if (next.flows.length <= BIG_FLOWS) return render();
      // A big flow list is indexed in a task of its own, once the frames showing the new data are drawn,
      // unless something shows the view before.
      void afterFrames().then(() => {
        if (dataset === next && indexed !== next) render();
      });
    },
  };
}
