// Keeps the layering of STYLE.md: imports point inward (domain ← analysis ← state ← view/ui/io),
// only src/view touches sigma, and the pure layers never reach for the DOM.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SRC = join(ROOT, "src");

/** Layers a layer may not import from. */
const FORBIDDEN: Record<string, readonly string[]> = {
  domain: ["analysis", "state", "view", "ui", "io", "workers", "datasets"],
  datasets: ["analysis", "state", "view", "ui", "io", "workers"],
  analysis: ["state", "view", "ui", "io"],
  state: ["view", "ui", "io"],
};
const DOM_FREE = ["domain", "datasets", "analysis", "state"];

/** What ui may import besides itself, state and the inner layers (domain, datasets, analysis types): io's public entry points and the workers' client interfaces; never view. */
const UI_IO_ENTRY_POINTS =
  /^io\/(datasetLibrary|datasetStore|bundle|exportPipeline|exportSpec|exportTheme|exportStory|import\/archives|import\/types|import\/sniff|import\/wideYears|export\/[a-zA-Z]+)$/;
const UI_WORKER_CLIENTS = /^workers\/([a-zA-Z]+Client|traceJobs|forceLayout)$/;

interface SourceFile {
  /** Path relative to src/, with forward slashes, e.g. "domain/types.ts". */
  path: string;
  text: string;
}

/**
 * Removes comments; returns the code with string contents kept (to read import specifiers)
 * and with string contents blanked (to look for identifiers). Regex literals are guessed from the
 * preceding token, which is enough for this codebase's style.
 */
function stripComments(text: string): { code: string; bare: string } {
  let code = "";
  let bare = "";
  const emit = (c: string, inString: boolean): void => {
    code += c;
    bare += inString && c !== "\n" ? " " : c;
  };
  // Stack of template-literal brace depths, so `${ ... }` bodies are read as code.
  const templates: number[] = [];
  let braceDepth = 0;
  let lastSignificant = "";
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    const next = text[i + 1] ?? "";
    if (c === "/" && next === "/") {
      while (i < n && text[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? n : end + 2;
      // Keep line breaks so that positions stay on the same lines.
      for (const ch of text.slice(i, stop)) if (ch === "\n") emit("\n", false);
      i = stop;
      continue;
    }
    if (
      c === "/" &&
      (lastSignificant === "" || /[(,=:[!&|?{};+\-*%<>~^]/.test(lastSignificant) || /\b(return|typeof|case|in|of)$/.test(code.trimEnd()))
    ) {
      // A regex literal: copy it as a string so its quotes don't open one.
      emit(c, false);
      i++;
      let inClass = false;
      while (i < n) {
        const r = text[i] as string;
        emit(r, true);
        i++;
        if (r === "\\") {
          emit(text[i] ?? "", true);
          i++;
        } else if (r === "[") inClass = true;
        else if (r === "]") inClass = false;
        else if (r === "/" && !inClass) break;
        else if (r === "\n") break;
      }
      lastSignificant = "/";
      continue;
    }
    if (c === '"' || c === "'" || c === "`" || (c === "}" && templates.length > 0 && templates[templates.length - 1] === braceDepth)) {
      // Strings, and template literal text (also resumed after a `${ ... }` closes).
      const quote = c === "}" ? "`" : c;
      if (c === "}") templates.pop();
      emit(c, false);
      i++;
      while (i < n) {
        const s = text[i] as string;
        if (s === "\\") {
          emit(s, true);
          emit(text[i + 1] ?? "", true);
          i += 2;
          continue;
        }
        if (s === quote) {
          emit(s, false);
          i++;
          break;
        }
        if (quote === "`" && s === "$" && text[i + 1] === "{") {
          emit("${", false);
          i += 2;
          templates.push(braceDepth);
          break;
        }
        emit(s, true);
        i++;
      }
      lastSignificant = "a";
      continue;
    }
    if (c === "{") braceDepth++;
    if (c === "}") braceDepth--;
    emit(c, false);
    if (!/\s/.test(c)) lastSignificant = c;
    i++;
  }
  return { code, bare };
}

/** Module specifiers of static imports, re-exports, side-effect imports and dynamic imports. */
function importSpecifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1] as string);
  return found;
}

function layerOf(path: string): string {
  const [first, ...rest] = path.split("/");
  return rest.length > 0 ? (first as string) : "";
}

/** Every broken rule in the given files, one readable line each. */
function findViolations(files: SourceFile[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    const { code, bare } = stripComments(file.text);
    for (const specifier of importSpecifiers(code)) {
      if (specifier.startsWith(".")) {
        const target = posix.normalize(posix.join(posix.dirname(file.path), specifier));
        const targetLayer = layerOf(target);
        if ((FORBIDDEN[layer] ?? []).includes(targetLayer)) {
          violations.push(`src/${file.path} (${layer}) imports "${specifier}" from ${targetLayer}`);
        }
      }
      if (layer === "ui" && specifier.startsWith(".")) {
        const target = posix.normalize(posix.join(posix.dirname(file.path), specifier)).replace(/\.ts$/, "");
        const targetLayer = layerOf(target);
        if (targetLayer === "view")
          violations.push(`src/${file.path} (ui) imports "${specifier}"; ui never imports view (view/sync drives the renderer)`);
        if (targetLayer === "io" && !UI_IO_ENTRY_POINTS.test(target))
          violations.push(`src/${file.path} (ui) imports "${specifier}"; ui imports io only through its public entry points`);
        if (targetLayer === "workers" && !UI_WORKER_CLIENTS.test(target))
          violations.push(`src/${file.path} (ui) imports "${specifier}"; ui imports workers only through their client interfaces`);
      }
      if ((specifier === "sigma" || specifier.startsWith("sigma/") || specifier.startsWith("@sigma/")) && layer !== "view") {
        violations.push(`src/${file.path} imports "${specifier}"; only src/view may import sigma`);
      }
    }
    if (layer === "ui") {
      for (const match of bare.matchAll(/\brenderer\s*\./g)) {
        const line = bare.slice(0, match.index).split("\n").length;
        violations.push(`src/${file.path}:${line} (ui) calls the renderer; only view/sync does`);
      }
    }
    if (layer !== "datasets" && layer !== "domain") {
      for (const match of bare.matchAll(/\bSHIPPED_DATASET_ID\b|["'`]zero-mileage["'`]/g)) {
        const line = bare.slice(0, match.index).split("\n").length;
        violations.push(`src/${file.path}:${line} (${layer || "root"}) names the shipped dataset; ask its profile (src/datasets) instead`);
      }
    }
    if (DOM_FREE.includes(layer)) {
      // Property names (`options.window`, `{ window: 3 }`) are not the browser globals.
      for (const match of bare.matchAll(/(?<![.\w$])(document|window)\b(?!\s*:(?!:))/g)) {
        const line = bare.slice(0, match.index).split("\n").length;
        violations.push(`src/${file.path}:${line} (${layer}) references \`${match[1]}\`; ${layer} must not touch the DOM`);
      }
    }
  }
  return violations;
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTs(path));
    else if (entry.name.endsWith(".ts")) out.push(path);
  }
  return out;
}

describe("architecture", () => {
  it("no file in src breaks the import direction, the sigma rule or the DOM rule", () => {
    const files = listTs(SRC).map((path) => ({ path: relative(SRC, path).split("\\").join("/"), text: readFileSync(path, "utf8") }));
    expect(files.some((file) => file.path === "domain/types.ts")).toBe(true);
    expect(findViolations(files)).toEqual([]);
  });

  it("findViolations flags a domain file importing from view, analysis or workers, but not from domain", () => {
    const text = [
      'import { a } from "../view/renderer";',
      'import type { B } from "../analysis/tracing";',
      'export { c } from "../workers/pool";',
      'import { flowId } from "./types";',
      'const lazy = () => import("../ui/panel");',
    ].join("\n");
    expect(findViolations([{ path: "domain/x.ts", text }])).toEqual([
      'src/domain/x.ts (domain) imports "../view/renderer" from view',
      'src/domain/x.ts (domain) imports "../analysis/tracing" from analysis',
      'src/domain/x.ts (domain) imports "../workers/pool" from workers',
      'src/domain/x.ts (domain) imports "../ui/panel" from ui',
    ]);
  });

  it("findViolations applies each layer's own list: analysis may import domain, state may import analysis, ui may import analysis and state but not view", () => {
    const files = [
      { path: "analysis/tracing.ts", text: 'import { x } from "../domain";\nimport { s } from "../state/viewState";' },
      { path: "state/viewState.ts", text: 'import { t } from "../analysis/tracing";\nimport { r } from "../io/exportCsv";' },
      {
        path: "ui/panel.ts",
        text: 'import { t } from "../analysis/tracing";\nimport { v } from "../state/viewState";\nimport { w } from "../view/renderer";',
      },
    ];
    expect(findViolations(files)).toEqual([
      'src/analysis/tracing.ts (analysis) imports "../state/viewState" from state',
      'src/state/viewState.ts (state) imports "../io/exportCsv" from io',
      'src/ui/panel.ts (ui) imports "../view/renderer"; ui never imports view (view/sync drives the renderer)',
    ]);
  });

  it("findViolations allows sigma only in src/view, including @sigma packages and subpaths", () => {
    const text =
      'import Sigma from "sigma";\nimport { downloadAsPNG } from "@sigma/export-image";\nimport type { Settings } from "sigma/settings";';
    expect(findViolations([{ path: "view/renderer.ts", text }])).toEqual([]);
    expect(findViolations([{ path: "io/exportImage.ts", text }])).toHaveLength(3);
    expect(findViolations([{ path: "main.ts", text: 'import Sigma from "sigma";' }])).toEqual([
      'src/main.ts imports "sigma"; only src/view may import sigma',
    ]);
  });

  it("findViolations keeps ui off view, io internals, worker internals and the renderer, and dataset ids in their profile", () => {
    const ui = [
      'import { a } from "../view/renderer";',
      'import { b } from "../io/import/builder";',
      'import { c } from "../io/exportPipeline";',
      'import { d } from "../workers/routeTrace.worker";',
      'import { e } from "../workers/importClient";',
      "app.renderer.fitNodes([]);",
    ].join("\n");
    expect(findViolations([{ path: "ui/panel.ts", text: ui }])).toEqual([
      'src/ui/panel.ts (ui) imports "../view/renderer"; ui never imports view (view/sync drives the renderer)',
      'src/ui/panel.ts (ui) imports "../io/import/builder"; ui imports io only through its public entry points',
      'src/ui/panel.ts (ui) imports "../workers/routeTrace.worker"; ui imports workers only through their client interfaces',
      "src/ui/panel.ts:6 (ui) calls the renderer; only view/sync does",
    ]);
    const id = 'import { SHIPPED_DATASET_ID } from "../domain/types";\nconst shipped = x === SHIPPED_DATASET_ID;';
    expect(findViolations([{ path: "state/x.ts", text: id }])).toHaveLength(2);
    expect(findViolations([{ path: "datasets/zeroMileage/profile.ts", text: id }])).toEqual([]);
  });

  it("findViolations flags document and window in domain, analysis and state, with the line", () => {
    const text = "export const a = 1;\nexport const w = window.innerWidth;\nconst el = document.createElement('div');";
    expect(findViolations([{ path: "analysis/x.ts", text }])).toEqual([
      "src/analysis/x.ts:2 (analysis) references `window`; analysis must not touch the DOM",
      "src/analysis/x.ts:3 (analysis) references `document`; analysis must not touch the DOM",
    ]);
    expect(findViolations([{ path: "ui/x.ts", text }])).toEqual([]);
  });

  it("findViolations ignores comments, strings, property names and commented-out imports", () => {
    const text = [
      "// the window of years shown; document this",
      '/* import { a } from "../view/renderer"; window.alert() */',
      'const message = "see the document at https://example.org // not a comment";',
      "const options = { window: 3 };",
      "const size = options.window;",
      "const re = /'/g;",
      "const t = `years ${options.window} in the window`;",
      '// import Sigma from "sigma";',
    ].join("\n");
    expect(findViolations([{ path: "domain/x.ts", text }])).toEqual([]);
  });

  it("stripComments keeps code after a string containing // and inside template expressions", () => {
    const { code, bare } = stripComments('const u = "http://x"; const v = `a ${window.x} b`; // gone');
    expect(code).toBe('const u = "http://x"; const v = `a ${window.x} b`; ');
    expect(bare).toContain("${window.x}");
    expect(bare).not.toContain("http");
  });
});

/** Longest function allowed in src/ui, in lines (from its first to its last line). */
const UI_MAX_FUNCTION_LINES = 120;
/** Longest file allowed in src/ui, in lines. */
const UI_MAX_FILE_LINES = 350;

/** Functions (declarations, expressions, arrows, methods, accessors, constructors) longer than `max` lines. */
function longFunctions(path: string, text: string, max: number): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > max) {
        const named =
          node.name?.getText(source) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(source) : "(anonymous)");
        found.push(`${path}:${first + 1} ${named} is ${lines} lines (at most ${max})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function lineCount(text: string): number {
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

describe("size of the UI code", () => {
  const UI = join(SRC, "ui");
  const files = listTs(UI).map((path) => ({ path: `src/${relative(SRC, path).split("\\").join("/")}`, text: readFileSync(path, "utf8") }));

  it(`no function in src/ui is over ${UI_MAX_FUNCTION_LINES} lines`, () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((f) => longFunctions(f.path, f.text, UI_MAX_FUNCTION_LINES))).toEqual([]);
    // Parsing every ui file takes a few seconds on a loaded machine.
  }, 30_000);

  it(`no file in src/ui is over ${UI_MAX_FILE_LINES} lines`, () => {
    const long = files.filter((f) => lineCount(f.text) > UI_MAX_FILE_LINES).map((f) => `${f.path} is ${lineCount(f.text)} lines`);
    expect(long).toEqual([]);
  });

  it("longFunctions measures declarations, arrows, methods and nested functions, and names them", () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join("\n");
    const text = [
      `export function tooLong(): void {\n${body(5)}\n}`,
      `const arrow = () => {\n${body(2)}\n};`,
      `class Panel {\n  render(): void {\n${body(6)}\n  }\n}`,
      `function outer(): void {\n  const inner = function () {\n${body(1)}\n  };\n}`,
    ].join("\n");
    expect(longFunctions("src/ui/x.ts", text, 4)).toEqual([
      "src/ui/x.ts:1 tooLong is 7 lines (at most 4)",
      "src/ui/x.ts:13 render is 8 lines (at most 4)",
      "src/ui/x.ts:22 outer is 5 lines (at most 4)",
    ]);
    expect(longFunctions("src/ui/x.ts", text, 7)).toEqual(["src/ui/x.ts:13 render is 8 lines (at most 7)"]);
    expect(lineCount("a\nb\n")).toBe(2);
    expect(lineCount("a\nb")).toBe(2);
    expect(lineCount("x;\n".repeat(UI_MAX_FILE_LINES + 1)) > UI_MAX_FILE_LINES).toBe(true);
    expect(lineCount("x;\n".repeat(UI_MAX_FILE_LINES)) > UI_MAX_FILE_LINES).toBe(false);
  });
});
