// graphology-gexf and graphology-graphml key plain objects by what the file writes: node ids (graphology's
// adjacency), attribute ids and titles, GraphML key ids and names. Before they parse, every such name that is
// a reserved word of plain objects ("__proto__", "constructor"…) is escaped in the document; readGraphKeys
// undoes it on the way out, into null-prototype records.
import { dict, escapeKey, unescapeKey } from "../../../domain/safeKeys";

/** The attributes of each element that name a node, an edge or an attribute. */
const KEY_ATTRIBUTES: Readonly<Record<"gexf" | "graphml", readonly (readonly [string, readonly string[]])[]>> = {
  gexf: [
    ["node", ["id", "pid"]],
    ["edge", ["id", "source", "target"]],
    ["attribute", ["id", "title"]],
    ["attvalue", ["for", "id"]],
  ],
  graphml: [
    ["node", ["id"]],
    ["edge", ["id", "source", "target"]],
    ["key", ["id", "attr.name"]],
    ["data", ["key"]],
  ],
};

/** Escapes, in place, every reserved name the parser would use as an object key; returns how many. */
export function escapeGraphKeys(doc: Document, kind: "gexf" | "graphml"): number {
  let count = 0;
  for (const [tag, names] of KEY_ATTRIBUTES[kind]) {
    const elements = doc.getElementsByTagName(tag);
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i];
      if (!element) continue;
      for (const name of names) {
        const value = element.getAttribute(name);
        if (value === null) continue;
        const escaped = escapeKey(value);
        if (escaped !== value) {
          element.setAttribute(name, escaped);
          count++;
        }
      }
    }
  }
  return count;
}

/** A parser's attributes with the escaped names given back, in a record without a prototype. */
export function unescapeAttributes(attributes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out = dict<unknown>();
  for (const [key, value] of Object.entries(attributes)) out[unescapeKey(key)] = value;
  return out;
}
