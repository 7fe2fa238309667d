// The one entry point of "Bring your own data": bytes of one or several files in, a Dataset (or the
// question to ask the user, or a list of errors) out. Never throws.
import { contentHash, withContentHashMemo } from "../../domain/contentHash";
import type { DatasetFiles } from "../../domain/parseDataset";
import type { DataIssue } from "../../domain/types";
import { DatasetBuilder } from "./builder";
import { describeBinary } from "./sniff";
import { decodeBytes } from "./decode";
import { delimiterName, detectDelimiter, excelSeparatorLine, normaliseNewlines, scanDelimited } from "./delimited";
import { hasReporterColumn, importComtrade, isComtradeTable, reporterCandidates } from "./formats/comtrade";
import { guessColumnMapping, importEdgeList, resolveColumnMapping } from "./formats/edgeList";
import { importEdgeTables, type TableFile } from "./edgeTables";
import { importFlowmapLocations, isFlowmapFlows, isFlowmapLocations } from "./formats/flowmap";
import { importGraphologyJson, isNodeLinkGraph, isSerializedGraph } from "./formats/graphologyJson";
import { dropNonWebLinks, importRerouteCsv, rerouteRole, toCommaCsv, type RerouteRole } from "./formats/rerouteCsv";
import { gexfVersion, importXmlGraph } from "./formats/xmlGraph";
import { emptySummary, type ImportFile, type ImportOptions, type ImportResult, type ImportSummary } from "./types";
import { defaultDomParser } from "./xml";
import { xmlRootName } from "./xmlRoot";

export type { ColumnMapping, ImportFile, ImportOptions, ImportResult, ImportSummary, ImportNeeds, DomParserConstructor } from "./types";

/** Most columns the column chooser offers; wider files get a message instead of a dialog with millions of options. */
export const MAX_MAPPING_COLUMNS = 500;

const nf = new Intl.NumberFormat("en-GB");

type Kind =
  | { type: "gexf" }
  | { type: "graphml" }
  | { type: "json"; value: unknown }
  | { type: "csv"; delimiter: string; header: string[]; role: RerouteRole | "flowmap-locations" | "flowmap-flows" | "comtrade" | "table" }
  | { type: "empty" }
  | { type: "unknown"; why: string };

interface Decoded {
  name: string;
  text: string;
  encoding: string;
  /** Bytes in the file. */
  size: number;
  kind: Kind;
}

/** What a file that gives no flows is, for messages: "empty (0 bytes)", "a PNG image, not …". */
function whatItIs(file: Decoded): string {
  switch (file.kind.type) {
    case "unknown":
      return file.kind.why;
    case "empty":
      return file.size === 0 ? "empty (0 bytes)" : "empty (only blank lines)";
    case "json":
      return "a JSON file that is not a graph (expected graphology's { nodes, edges } or a node-link { nodes, links })";
    default:
      return `a ${file.kind.type.toUpperCase()} file without flows`;
  }
}

function classify(text: string, name: string, hintedDelimiter: string | null = null): Kind {
  // Empty only when nothing but white space is in it, however long the white space.
  const first = text.search(/\S/);
  if (first < 0) return { type: "empty" };
  const start = text.slice(first, first + 4096);
  if (start.startsWith("<")) {
    // By the root element, however much comment or DOCTYPE comes before it.
    const root = xmlRootName(text);
    if (root === "gexf") return { type: "gexf" };
    if (root === "graphml") return { type: "graphml" };
    return {
      type: "unknown",
      why:
        root === ""
          ? "an XML file without a root element"
          : `an XML file that is neither GEXF nor GraphML (its root is <${root.slice(0, 40)}>)`,
    };
  }
  if (start.startsWith("{") || (start.startsWith("[") && /\.json$/i.test(name))) {
    try {
      return { type: "json", value: JSON.parse(text) as unknown };
    } catch (error) {
      return { type: "unknown", why: `a JSON file that does not parse (${error instanceof Error ? error.message : String(error)})` };
    }
  }
  const delimiter = hintedDelimiter ?? detectDelimiter(text);
  const { header } = scanDelimited(text, { file: name, delimiter, headerOnly: true });
  if (header.length === 0) return { type: "empty" };
  const reroute = rerouteRole(header);
  const role =
    reroute ??
    (isComtradeTable(header)
      ? "comtrade"
      : isFlowmapLocations(header)
        ? "flowmap-locations"
        : isFlowmapFlows(header)
          ? "flowmap-flows"
          : "table");
  return { type: "csv", delimiter, header, role };
}

function baseName(name: string): string {
  return name.replace(/^.*[\\/]/, "").replace(/\.[A-Za-z0-9]+$/, "");
}

function failed(format: string, message: string, summary: ImportSummary = emptySummary(), issues: DataIssue[] = []): ImportResult {
  return {
    status: "failed",
    format,
    dataset: null,
    summary,
    issues: [...issues, { severity: "error", file: "", line: 0, column: 0, message }],
  };
}

/** Reads the files; async so a worker or a streamed reader can stand behind it. */
export async function importFiles(files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  return importFilesSync(files, options);
}

/** The synchronous core of importFiles (for workers and tests). Never throws. */
export function importFilesSync(files: readonly ImportFile[], options: ImportOptions = {}): ImportResult {
  try {
    // The files are hashed for the import's id, then (for Reroute's own CSV) again as the dataset's texts:
    // the second hash continues the first where they agree.
    return withContentHashMemo(() => run(files, options));
  } catch (error) {
    // A last net: every input must end in a result, even on a bug.
    return failed("unknown", `the import stopped on an unexpected problem: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function run(files: readonly ImportFile[], options: ImportOptions): ImportResult {
  if (files.length === 0) return failed("none", "no file was given");
  const fixed: string[] = [];
  const issues: DataIssue[] = [];
  const decoded: Decoded[] = files.map((file) => {
    const binary = describeBinary(file.bytes, file.name);
    if (binary !== null)
      return { name: file.name, text: "", encoding: "binary", size: file.bytes.length, kind: { type: "unknown", why: binary } };
    const { text, encoding } = decodeBytes(file.bytes);
    if (text === "" && file.bytes.length > 4)
      // Browsers give "" rather than a string over their length limit (about 512 MB of text).
      return {
        name: file.name,
        text: "",
        encoding,
        size: file.bytes.length,
        kind: {
          type: "unknown",
          why: `too large to read as text here (${Math.round(file.bytes.length / 1e6)} MB in one piece); split it into smaller files`,
        },
      };
    if (encoding === "Windows-1252" || encoding.startsWith("UTF-16") || encoding.startsWith("UTF-32"))
      fixed.push(`${file.name}: converted from ${encoding}`);
    const hinted = excelSeparatorLine(normaliseNewlines(text));
    if (hinted.delimiter !== null)
      fixed.push(`${file.name}: Excel's "sep=${hinted.delimiter === "\t" ? "tab" : hinted.delimiter}" first line read as the delimiter`);
    return {
      name: file.name,
      text: hinted.text,
      encoding,
      size: file.bytes.length,
      kind: classify(hinted.text, file.name, hinted.delimiter),
    };
  });
  const encoding = [...new Set(decoded.filter((file) => file.encoding !== "binary").map((file) => file.encoding))].join(", ");
  const hash = contentHash(decoded.map((file) => file.text));
  const meta = {
    id: options.id ?? `import-${hash.slice(0, 8)}`,
    name: options.name ?? decoded.map((file) => baseName(file.name)).join(" + "),
  };
  const defaultYear = options.defaultYear ?? new Date().getFullYear();
  const used = new Set<Decoded>();
  const builder = new DatasetBuilder();
  let delimiter: string | undefined;

  const finish = (format: string): ImportResult => {
    for (const file of decoded) {
      if (!used.has(file)) {
        const what =
          file.kind.type === "unknown" || file.kind.type === "empty" ? whatItIs(file) : `read as ${format}, this file did not fit`;
        issues.push({ severity: "warning", file: file.name, line: 0, column: 0, message: `${file.name} was not used (${what})` });
      }
    }
    builder.fixed.unshift(...fixed);
    const { dataset, summary } = builder.build({ ...meta, hash, defaultYear, yearGiven: options.defaultYear !== undefined });
    summary.encoding = encoding;
    if (delimiter !== undefined) summary.delimiter = delimiterName(delimiter);
    const allIssues = [...issues, ...builder.issues];
    return { status: dataset ? "ok" : "failed", format, dataset, summary, issues: allIssues };
  };

  // 1. Graph files: the first one wins.
  const graphFile = decoded.find(
    (file) =>
      file.kind.type === "gexf" || file.kind.type === "graphml" || (file.kind.type === "json" && isSerializedGraph(file.kind.value)),
  );
  if (graphFile) {
    used.add(graphFile);
    const kind = graphFile.kind;
    if (kind.type === "json") {
      importGraphologyJson(kind.value, graphFile.name, builder);
      return finish(isNodeLinkGraph(kind.value) ? "node-link JSON (NetworkX, d3)" : "graphology JSON");
    }
    const format = kind.type === "gexf" ? gexfVersion(graphFile.text) : "GraphML";
    importXmlGraph(
      kind.type === "gexf" ? "gexf" : "graphml",
      graphFile.text,
      graphFile.name,
      builder,
      options.domParser ?? defaultDomParser(),
    );
    return finish(format);
  }

  const csv = decoded.filter((file): file is Decoded & { kind: Extract<Kind, { type: "csv" }> } => file.kind.type === "csv");
  const byRole = (role: string) => csv.filter((file) => file.kind.role === role);

  // 2. Reroute's own files.
  const rerouteFlows = byRole("flows")[0];
  const reroutePlaces = byRole("places")[0];
  if (rerouteFlows && reroutePlaces) return importReroute(csv, decoded, meta, encoding, fixed, options.flowColumns === true);

  // 3. Comtrade tables (all of them, e.g. one file per year).
  const comtrade = byRole("comtrade");
  if (comtrade.length > 0) {
    const format = comtrade.some((file) => file.kind.header.some((h) => /^(refyear|flowcode|reporteriso|primaryvalue)$/i.test(h.trim())))
      ? "UN Comtrade table (API)"
      : "UN Comtrade table (legacy)";
    if (
      !comtrade.every((file) => hasReporterColumn(file.kind.header)) &&
      (options.reporter === undefined || options.reporter.trim() === "")
    ) {
      return {
        status: "needs-input",
        format,
        dataset: null,
        summary: { ...emptySummary(), encoding, fixed },
        issues,
        needs: { kind: "reporter", candidates: reporterCandidates(comtrade.map((file) => file.name)) },
      };
    }
    for (const file of comtrade) used.add(file);
    delimiter = comtrade[0]?.kind.delimiter;
    importComtrade(
      comtrade.map((file) => ({ text: file.text, file: file.name, delimiter: file.kind.delimiter })),
      builder,
      options.reporter,
    );
    return finish(format);
  }

  // 4. flowmap.blue pair.
  const locations = byRole("flowmap-locations")[0];
  const flowmapFlows = byRole("flowmap-flows")[0];
  if (locations && flowmapFlows) {
    used.add(locations);
    used.add(flowmapFlows);
    delimiter = flowmapFlows.kind.delimiter;
    importFlowmapLocations(locations.text, locations.name, locations.kind.delimiter, builder);
    const header = flowmapFlows.kind.header;
    const hasTime = guessColumnMapping(header).year;
    const resolved = resolveColumnMapping(header, {
      origin: "origin",
      destination: "dest",
      volume: "count",
      ...(hasTime ? { year: hasTime } : {}),
    });
    if (resolved.ok) {
      builder.setUnit("units"); // flowmap.blue's count says nothing of what it counts
      importEdgeList(flowmapFlows.text, flowmapFlows.name, flowmapFlows.kind.delimiter, resolved.columns, builder, options.onProgress);
    }
    return finish("flowmap.blue pair");
  }

  // 5. Tables of flows, with any node tables beside them.
  const tables: TableFile[] = csv
    .filter(
      (file) =>
        file.kind.role === "table" ||
        file.kind.role === "flowmap-locations" ||
        file.kind.role === "flows" ||
        file.kind.role === "flowmap-flows" ||
        file.kind.role === "places",
    )
    .map((file) => ({
      name: file.name,
      text: file.text,
      delimiter: file.kind.delimiter,
      header: file.kind.header,
      rerouteFlows: file === rerouteFlows,
    }));
  const preferredFile = flowmapFlows ?? rerouteFlows;
  const preferred = tables.find((table) => table.name === preferredFile?.name && table.text === preferredFile.text);
  const outcome = tables.length > 0 ? importEdgeTables(tables, preferred, options, builder) : null;
  if (outcome === null || (outcome.type === "failed" && outcome.table === null)) {
    const reasons = decoded.map((file) => `${file.name} is ${whatItIs(file)}`);
    return failed("unknown", reasons.join("; "), { ...emptySummary(), encoding, fixed }, issues);
  }
  delimiter = outcome.table?.delimiter;
  if (outcome.type === "failed")
    return failed(
      "edge list CSV",
      outcome.message,
      { ...emptySummary(), encoding, fixed, delimiter: delimiterName(outcome.table?.delimiter ?? ",") },
      issues,
    );
  if (outcome.type === "needs" && outcome.table.header.length > MAX_MAPPING_COLUMNS)
    // The column chooser lists every column in several menus: a file this wide is almost always read with
    // the wrong delimiter, or is one enormous line.
    return failed(
      "edge list CSV",
      `${outcome.table.name}: found ${nf.format(outcome.table.header.length)} columns on its first line and no origin and destination columns among them; at most ${nf.format(MAX_MAPPING_COLUMNS)} columns can be chosen from. Check that the file is a table with one flow per line, or name the columns origin, destination and volume`,
      { ...emptySummary(), encoding, fixed, delimiter: delimiterName(outcome.table.delimiter) },
      issues,
    );
  if (outcome.type === "needs")
    return {
      status: "needs-input",
      format: "edge list CSV",
      dataset: null,
      summary: { ...emptySummary(), encoding, fixed, delimiter: delimiterName(outcome.table.delimiter) },
      issues,
      needs: {
        kind: "column-mapping",
        headers: outcome.table.header,
        guess: outcome.guess,
        ...(outcome.nodeFiles.length > 0 ? { nodeFiles: outcome.nodeFiles } : {}),
      },
    };
  for (const table of outcome.used) {
    const file = csv.find((f) => f.name === table.name && f.text === table.text);
    if (file) used.add(file);
  }
  const result = finish(outcome.format);
  if (outcome.joins.length > 0) result.summary.joins = outcome.joins;
  if (outcome.timeAxis !== "") result.summary.timeAxis = outcome.timeAxis;
  if (outcome.attributes.length > 0) result.summary.attributes = outcome.attributes;
  return result;
}

function importReroute(
  csv: (Decoded & { kind: Extract<Kind, { type: "csv" }> })[],
  decoded: Decoded[],
  meta: { id: string; name: string },
  encoding: string,
  fixed: string[],
  asColumns: boolean,
): ImportResult {
  const files: Partial<DatasetFiles> = {};
  const names: Partial<Record<RerouteRole, string>> = {};
  const issues: DataIssue[] = [];
  let delimiter = ",";
  for (const file of csv) {
    const role = file.kind.role;
    if (role !== "places" && role !== "flows" && role !== "sources" && role !== "context" && role !== "events" && role !== "assumptions")
      continue;
    if (files[role] !== undefined) {
      issues.push({
        severity: "warning",
        file: file.name,
        line: 0,
        column: 0,
        message: `${file.name} was not used: ${names[role]} already gives the ${role}`,
      });
      continue;
    }
    const converted = toCommaCsv(file.text, file.kind.delimiter);
    if (file.kind.delimiter !== ",") {
      delimiter = file.kind.delimiter;
      fixed.push(`${file.name}: ${delimiterName(file.kind.delimiter)}-separated, read as comma-separated`);
    }
    if (converted.decimalCommas > 0)
      fixed.push(
        `${file.name}: ${converted.decimalCommas} decimal comma${converted.decimalCommas === 1 ? "" : "s"} read as decimal points`,
      );
    if (role === "sources") {
      const links = dropNonWebLinks(converted.text, file.name);
      issues.push(...links.issues);
      if (links.dropped > 0)
        fixed.push(
          `${file.name}: ${links.dropped} link${links.dropped === 1 ? "" : "s"} that ${links.dropped === 1 ? "is" : "are"} not http(s) removed (the source${links.dropped === 1 ? " is" : "s are"} kept)`,
        );
      converted.text = links.text;
    }
    files[role] = converted.text;
    names[role] = file.name;
  }
  for (const file of decoded) {
    if (!Object.values(names).includes(file.name)) {
      issues.push({
        severity: "warning",
        file: file.name,
        line: 0,
        column: 0,
        message: `${file.name} was not used (not one of Reroute's places, flows, sources, context, events or assumptions files)`,
      });
    }
  }
  const parts = [
    "places",
    "flows",
    ...(["sources", "context", "events", "assumptions"] as const).filter((role) => files[role] !== undefined),
  ];
  const format = `Reroute CSV (${parts.join(", ")})`;
  const { dataset, issues: parseIssues, columns } = importRerouteCsv(files as DatasetFiles, meta, asColumns);
  const flowCount = columns?.length ?? dataset?.flows.length ?? 0;
  // parseDataset names files by role; say which uploaded file each message is about.
  for (const issue of parseIssues) {
    const role = issue.file.replace(/\.csv$/, "") as RerouteRole;
    const actual = names[role];
    issues.push(actual !== undefined && actual !== issue.file ? { ...issue, file: actual } : issue);
  }
  const flowErrorLines = new Set(
    parseIssues.filter((issue) => issue.severity === "error" && issue.file === "flows.csv" && issue.line > 0).map((issue) => issue.line),
  );
  const summary: ImportSummary = {
    ...emptySummary(),
    encoding,
    delimiter: delimiterName(delimiter),
    fixed,
    places: dataset?.places.length ?? 0,
    flows: flowCount,
    years: dataset?.years ?? [],
    rejectedRows: flowErrorLines.size,
    validRows: flowCount,
    withoutCoordinates: dataset?.places.filter((place) => place.lat === null || place.lon === null).length ?? 0,
  };
  return { status: dataset ? "ok" : "failed", format, dataset, summary, issues, ...(dataset && columns ? { columns } : {}) };
}
