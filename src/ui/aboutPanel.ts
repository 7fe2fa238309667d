// "About the data": what the flows measure, the sources, the assumptions behind modelled flows,
// the context figures that are kept out of the graph, and the policy events.
import { checkBounds } from "../domain/reconcile";
import type { Dataset } from "../domain/types";
import { profileOf } from "../state/profile";
import { dataYears, yearStatus } from "../state/yearStatus";
import { clear, el, safeLink } from "./dom";
import { formatInt } from "./format";

export function renderAbout(root: HTMLElement, dataset: Dataset): void {
  clear(root);
  root.append(
    el(
      "p",
      {},
      profileOf(dataset).about ??
        `Dataset "${dataset.name}": ${formatInt(dataset.places.length)} places, ${formatInt(dataset.flows.length)} flows.`,
    ),
    el(
      "p",
      {},
      "Basis: reported = a published figure; derived = arithmetic on reported figures of the same measure; modelled = an estimate from the shares and figures below (drawn lighter).",
    ),
  );
  // Data with a model has years of different standing (reported, modelled, context only) and bounds.
  if (profileOf(dataset).model !== null) renderYearsAndBounds(root, dataset);
  if (dataset.assumptions.length) {
    root.append(
      el("h3", {}, "Shares and figures behind the modelled flows"),
      el(
        "table",
        { class: "data-table" },
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            el("th", { scope: "col" }, "Assumption"),
            el("th", { scope: "col" }, "Value"),
            el("th", { scope: "col" }, "Reason (facts)"),
          ),
        ),
        el(
          "tbody",
          {},
          dataset.assumptions.map((a) =>
            el(
              "tr",
              {},
              el("td", {}, a.label),
              el("td", {}, a.unit === "share" ? `${(a.value * 100).toFixed(1)}%` : formatInt(a.value)),
              el("td", {}, `${a.reason}${a.facts.length ? ` (${a.facts.join(", ")})` : ""}`),
            ),
          ),
        ),
      ),
    );
  }
  if (dataset.context.length) {
    const places = new Map(dataset.places.map((p) => [p.id, p.name]));
    root.append(
      el("h3", {}, "Context figures (other measures; never summed into the graph)"),
      el(
        "table",
        { class: "data-table" },
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            ["Where", "Year", "Measure", "Value", "Reporter, period"].map((h) => el("th", { scope: "col" }, h)),
          ),
        ),
        el(
          "tbody",
          {},
          dataset.context.map((c) =>
            el(
              "tr",
              {},
              el("td", {}, c.place ? (places.get(c.place) ?? c.place) : `${places.get(c.from) ?? c.from} → ${places.get(c.to) ?? c.to}`),
              el("td", {}, String(c.year)),
              el("td", {}, c.measure),
              el("td", {}, `${formatInt(c.value)} ${c.unit}`),
              el("td", {}, `${c.reporter}, ${c.period}`),
            ),
          ),
        ),
      ),
    );
  }
  if (dataset.events.length) {
    root.append(
      el("h3", {}, "Policy events"),
      el(
        "ul",
        {},
        dataset.events.map((e) => el("li", {}, el("strong", {}, `${e.date} — ${e.title}: `), e.summary)),
      ),
    );
  }
  if (dataset.sources.length) {
    root.append(
      el("h3", {}, "Sources"),
      el(
        "ul",
        { class: "sources" },
        dataset.sources.map((s) =>
          el(
            "li",
            {},
            safeLink(s.url, `${s.publisher}${s.title ? `, "${s.title}"` : ""}`),
            s.date ? ` (${s.date})` : "",
            s.reliability ? ` · reliability ${s.reliability}` : "",
          ),
        ),
      ),
    );
  }
}

/** Each year in plain words (modelled, reported, or reported figures only), then every bound the modelled flows respect. */
function renderYearsAndBounds(root: HTMLElement, dataset: Dataset): void {
  root.append(
    el("h3", {}, "What each year shows"),
    el(
      "ul",
      { "data-testid": "about-years" },
      dataYears(dataset).map((year) => el("li", {}, el("strong", {}, `${year}: `), yearStatus(dataset, year).statement)),
    ),
  );
  const checks = checkBounds(dataset);
  if (!checks.length) return;
  root.append(
    el("h3", {}, "Bounds the modelled flows respect"),
    el(
      "p",
      {},
      "Used cars are part of all vehicles, so a reported all-vehicle figure at a place or hop is an upper bound (some are derived from a growth rate, or a half-year figure applied to the year); a partial-year used-car figure is a lower bound. Every fact and source is listed, with its quote and link, in Sources.",
    ),
    el(
      "ul",
      { "data-testid": "about-bounds" },
      checks.map((check) => el("li", { class: check.ok ? "" : "bound-broken" }, check.message)),
    ),
  );
}
