// The parser factories of graphology-gexf and graphology-graphml take the DOMParser to use, so the
// browser build does not pull in @xmldom/xmldom and Node tests can inject it.
declare module "graphology-gexf/common/parser.js" {
  const createParserFunction: (
    DOMParser: unknown,
    Document: unknown,
  ) => (
    Graph: unknown,
    source: Document,
    options?: { addMissingNodes?: boolean; allowUndeclaredAttributes?: boolean },
  ) => import("graphology-types").AbstractGraph;
  export default createParserFunction;
}

declare module "graphology-graphml/common/parser.js" {
  const createParserFunction: (
    DOMParser: unknown,
    Document: unknown,
  ) => (Graph: unknown, source: Document, options?: { addMissingNodes?: boolean }) => import("graphology-types").AbstractGraph;
  export default createParserFunction;
}
