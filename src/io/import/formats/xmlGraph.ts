// GEXF (1.1draft, 1.2draft, 1.3) and GraphML through graphology's parsers, after repairXml.
import Graph from "graphology";
import createGexfParser from "graphology-gexf/common/parser.js";
import createGraphmlParser from "graphology-graphml/common/parser.js";
import type { DatasetBuilder } from "../builder";
import type { DomParserConstructor } from "../types";
import { yearOf } from "../text";
import { parseXml, repairXml } from "../xml";
import { gexfRootVersion } from "../xmlRoot";
import { importGraph, type GraphInput } from "./graphInput";
import { escapeGraphKeys, unescapeAttributes } from "./xmlKeys";
import { dict, unescapeKey } from "../../../domain/safeKeys";

/** "GEXF 1.2", "GEXF 1.3", "GEXF 1.1", from the version attribute or the namespace. */
export function gexfVersion(text: string): string {
  // The root tag only, found by a linear scan: a regular expression over the whole text was quadratic.
  return `GEXF ${gexfRootVersion(text) ?? "1.3"}`;
}

/** Reads a GEXF or GraphML text into the builder; returns false (after an error) when it cannot be read at all. */
export function importXmlGraph(
  kind: "gexf" | "graphml",
  text: string,
  file: string,
  builder: DatasetBuilder,
  Parser: DomParserConstructor | undefined,
): boolean {
  if (Parser === undefined) {
    builder.error(file, 0, 0, `${file}: no XML parser is available here (pass options.domParser)`);
    return false;
  }
  const repaired = repairXml(text);
  for (const fix of repaired.fixes) builder.fixed.push(`${file}: ${fix}`);
  const parsed = parseXml(repaired.text, Parser);
  if (!parsed.ok) {
    builder.error(file, 0, 0, `${file}: not well-formed XML (${parsed.message})`);
    return false;
  }
  const doc = parsed.doc;
  const root = doc.documentElement?.localName ?? doc.documentElement?.tagName ?? "";
  if (root.toLowerCase() !== kind || doc.getElementsByTagName("graph").length === 0) {
    builder.error(file, 0, 0, `${file}: expected a <${kind}> document with a <graph> element, found <${root}>`);
    return false;
  }
  escapeGraphKeys(doc, kind);
  if (kind === "graphml") {
    const dropped = normaliseGraphmlKeys(doc);
    if (dropped > 0)
      builder.fixed.push(`${file}: ${dropped} drawing-only key${dropped === 1 ? "" : "s"} (ports, resources, as yEd writes them) ignored`);
  }
  const shapeLabels = kind === "graphml" ? yedNodeLabels(doc) : new Map<string, string>();
  const declared = new Set<string>();
  const nodeElements = doc.getElementsByTagName("node");
  for (let i = 0; i < nodeElements.length; i++) {
    const id = nodeElements[i]?.getAttribute("id");
    if (id !== null && id !== undefined) declared.add(id);
  }
  let graph;
  try {
    const Doc = doc.constructor;
    graph =
      kind === "gexf"
        ? createGexfParser(Parser, Doc)(Graph, doc, { addMissingNodes: true, allowUndeclaredAttributes: true })
        : createGraphmlParser(Parser, Doc)(Graph, doc, { addMissingNodes: true });
  } catch (error) {
    builder.error(
      file,
      0,
      0,
      `${file}: the ${kind === "gexf" ? "GEXF" : "GraphML"} structure could not be read (${error instanceof Error ? error.message : String(error)})`,
    );
    return false;
  }
  // graphology-gexf keys attvalues by the attribute id unless the id is numeric; tools that write
  // id="v" title="value" mean "value", so titles are added beside the ids.
  const titles = { node: new Map<string, string>(), edge: new Map<string, string>() };
  if (kind === "gexf") {
    const models = doc.getElementsByTagName("attributes");
    for (let i = 0; i < models.length; i++) {
      const model = models[i];
      const cls = model?.getAttribute("class");
      if (!model || (cls !== "node" && cls !== "edge")) continue;
      const attributes = model.getElementsByTagName("attribute");
      for (let j = 0; j < attributes.length; j++) {
        const id = attributes[j]?.getAttribute("id");
        const title = attributes[j]?.getAttribute("title");
        if (id && title && id !== title) titles[cls].set(id, title);
      }
    }
  }
  const withTitles = (attributes: Record<string, unknown>, map: Map<string, string>): Record<string, unknown> => {
    if (map.size === 0) return attributes;
    const out = dict<unknown>(Object.entries(attributes));
    for (const [id, title] of map) if (id in attributes && !(title in out)) out[title] = attributes[id];
    return out;
  };
  const input: GraphInput = { nodes: [], edges: [] };
  graph.forEachNode((key, attributes) => {
    if (!declared.has(key)) return;
    const withLabel = withTitles(attributes, titles.node);
    const shapeLabel = shapeLabels.get(key);
    const named = ["label", "name", "title"].some(
      (name) => typeof withLabel[name] === "string" && (withLabel[name] as string).trim() !== "",
    );
    if (shapeLabel !== undefined && !named) withLabel.label = shapeLabel;
    input.nodes.push({ key: unescapeKey(key), attributes: unescapeAttributes(withLabel) });
  });
  // Dynamic GEXF (Gephi's timeline): graphology drops start/end, spells and per-period attvalues; read them here.
  const times = kind === "gexf" ? gexfEdgeTimes(doc, titles.edge) : null;
  let dated = 0;
  let split = 0;
  let edgeIndex = 0;
  graph.forEachEdge((key, attributes, source, target, _sa, _ta, undirected) => {
    const base = withTitles(attributes, titles.edge);
    const ends = { source: unescapeKey(source), target: unescapeKey(target) };
    // Edges without an id: graphology keeps document order, so the n-th edge is the n-th <edge>.
    const time = times?.byId.get(key) ?? (times && times.byIndex.length === graph.size ? times.byIndex[edgeIndex] : undefined);
    edgeIndex++;
    const hasYear = ["year", "time", "period"].some((name) => name in base);
    if (time && time.periods.size > 0) {
      split++;
      for (const [year, values] of time.periods)
        input.edges.push({ key: unescapeKey(key), ...ends, attributes: unescapeAttributes({ ...base, ...values, year }), undirected });
      return;
    }
    if (time && time.start !== null && !hasYear) {
      dated++;
      input.edges.push({ key: unescapeKey(key), ...ends, attributes: unescapeAttributes({ ...base, year: time.start }), undirected });
      return;
    }
    input.edges.push({ key: unescapeKey(key), ...ends, attributes: unescapeAttributes(base), undirected });
  });
  if (split > 0) builder.fixed.push(`${split} dynamic edge${split === 1 ? "" : "s"} with values per period read as one flow per year`);
  if (dated > 0)
    builder.fixed.push(
      `${dated} dynamic edge${dated === 1 ? "" : "s"} dated by the year ${dated === 1 ? "its" : "their"} start or first spell begins`,
    );
  importGraph(input, builder, file);
  return true;
}

const GRAPHML_DOMAINS = new Set(["graph", "node", "edge"]);

/**
 * graphology-graphml only knows keys for graph, node and edge (and throws on others). yEd declares keys
 * for="port" and for="graphml" (drawing data): those are removed; for="all" becomes one node and one edge key.
 * Returns how many keys were removed.
 */
export function normaliseGraphmlKeys(doc: Document): number {
  const keys = doc.getElementsByTagName("key");
  const list: Element[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key) list.push(key);
  }
  let dropped = 0;
  for (const key of list) {
    const domain = (key.getAttribute("for") ?? "node").trim().toLowerCase();
    if (GRAPHML_DOMAINS.has(domain)) {
      if (key.getAttribute("for") !== domain) key.setAttribute("for", domain);
      continue;
    }
    if (domain === "all") {
      key.setAttribute("for", "node");
      const copy = key.cloneNode(true) as Element;
      copy.setAttribute("for", "edge");
      key.parentNode?.insertBefore(copy, key.nextSibling);
      continue;
    }
    key.parentNode?.removeChild(key);
    dropped++;
  }
  return dropped;
}

/** yEd keeps a node's visible name in <y:NodeLabel> inside its graphics data, not in an attribute. */
export function yedNodeLabels(doc: Document): Map<string, string> {
  const labels = new Map<string, string>();
  // One pass over the labels, each to its nearest <node> (not a search under every node: nesting is deep in bad files).
  const found = doc.getElementsByTagNameNS("*", "NodeLabel");
  for (let i = 0; i < found.length; i++) {
    const label = found[i];
    let node = label?.parentNode ?? null;
    while (node !== null && (node.nodeType !== 1 || (node as Element).localName !== "node")) node = node.parentNode;
    const id = node === null ? null : (node as Element).getAttribute("id");
    const text = (label?.textContent ?? "").replace(/\s+/g, " ").trim();
    if (id && text !== "" && !labels.has(id)) labels.set(id, text);
  }
  return labels;
}

interface EdgeTime {
  /** The year the edge starts (start/timestamp attribute or first spell), as a year number. */
  start: number | null;
  /** Per year, the attribute values valid then (by attribute id and title), from attvalues with start/timestamp. */
  periods: Map<number, Record<string, string>>;
}

/** When GEXF edges exist: start/timestamp attributes, <spells>, and attvalues given per period. */
export function gexfEdgeTimes(doc: Document, titles: Map<string, string>): { byId: Map<string, EdgeTime>; byIndex: EdgeTime[] } {
  const byId = new Map<string, EdgeTime>();
  const byIndex: EdgeTime[] = [];
  const edges = doc.getElementsByTagName("edge");
  const when = (element: Element): number | null => {
    for (const name of ["start", "timestamp", "startopen"]) {
      const raw = element.getAttribute(name);
      if (raw !== null && raw.trim() !== "") return yearOf(raw) ?? yearOf(raw.trim().replace(/\.0+$/, ""));
    }
    return null;
  };
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i];
    if (!edge) continue;
    let start = when(edge);
    const periods = new Map<number, Record<string, string>>();
    for (let child = edge.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const name = (child as Element).localName;
      if (name === "spells" && start === null) {
        const spell = (child as Element).getElementsByTagName("spell")[0];
        if (spell) start = when(spell);
      } else if (name === "attvalues") {
        const values = (child as Element).getElementsByTagName("attvalue");
        for (let j = 0; j < values.length; j++) {
          const value = values[j];
          const year = value ? when(value) : null;
          const id = value?.getAttribute("for") ?? value?.getAttribute("id");
          const text = value?.getAttribute("value");
          if (year === null || !id || text === null || text === undefined) continue;
          const entry = periods.get(year) ?? dict<string>();
          entry[id] = text;
          const title = titles.get(id);
          if (title !== undefined) entry[title] = text;
          periods.set(year, entry);
        }
      }
    }
    const time: EdgeTime = { start, periods };
    byIndex.push(time);
    const id = edge.getAttribute("id");
    if (id !== null) byId.set(id, time);
  }
  return { byId, byIndex };
}
