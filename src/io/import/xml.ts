// XML in: repairs the sloppiness that strict parsers reject (undeclared viz: prefix, other undeclared
// prefixes, bare "&"), then parses with an injectable DOMParser (native in the browser, xmldom in Node).
import type { DomParserConstructor } from "./types";
import { gexfRootVersion, xmlRoot } from "./xmlRoot";

const VIZ_NAMESPACE: Record<string, string> = {
  "1.1": "http://www.gexf.net/1.1draft/viz",
  "1.2": "http://www.gexf.net/1.2draft/viz",
  "1.3": "http://gexf.net/1.3/viz",
};

export interface RepairedXml {
  text: string;
  fixes: string[];
}

/** Makes a sloppy XML text well-formed where the intent is clear; says what it changed. */
export function repairXml(input: string): RepairedXml {
  const fixes: string[] = [];
  let text = input.replace(/^\uFEFF/, "").replace(/^\s+(?=<)/, "");

  const bareAmpersands = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  if (bareAmpersands.test(text)) {
    text = text.replace(bareAmpersands, "&amp;");
    fixes.push('escaped bare "&" characters');
  }

  const declared = new Set<string>(["xml", "xmlns"]);
  for (const match of text.matchAll(/\sxmlns:([A-Za-z_][\w.-]*)\s*=/g)) if (match[1]) declared.add(match[1]);
  const used = new Set<string>();
  for (const match of text.matchAll(/<\/?([A-Za-z_][\w.-]*):[A-Za-z_]/g)) if (match[1]) used.add(match[1]);
  for (const match of text.matchAll(/\s([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*=/g)) if (match[1]) used.add(match[1]);
  const undeclared = [...used].filter((prefix) => !declared.has(prefix));
  if (undeclared.length === 0) return { text, fixes };

  // The root by a linear scan: the regular expressions this replaces were quadratic on "<gexf <gexf …".
  const root = xmlRoot(text);
  const version = gexfRootVersion(text) ?? "1.3";
  for (const prefix of undeclared) {
    if (prefix === "viz" && root && /^gexf$/i.test(root.name)) {
      const namespace = VIZ_NAMESPACE[version.slice(0, 3)] ?? VIZ_NAMESPACE["1.3"];
      const at = root.index + 1 + root.name.length;
      text = `${text.slice(0, at)} xmlns:viz="${namespace}"${text.slice(at)}`;
      fixes.push(`declared the missing viz: namespace (${namespace})`);
    } else {
      const escaped = prefix.replace(/[.-]/g, "\\$&");
      text = text
        .replace(new RegExp(`(</?)${escaped}:(?=[A-Za-z_])`, "g"), "$1")
        .replace(new RegExp(`(\\s)${escaped}:(?=[A-Za-z_][\\w.-]*\\s*=)`, "g"), "$1");
      fixes.push(`removed the undeclared "${prefix}:" prefix`);
    }
  }
  return { text, fixes };
}

export type XmlParseResult = { ok: true; doc: Document } | { ok: false; message: string };

export function defaultDomParser(): DomParserConstructor | undefined {
  return (globalThis as { DOMParser?: DomParserConstructor }).DOMParser;
}

/** Parses XML text; a parser error (thrown, or a <parsererror> element as browsers return) becomes a message. */
export function parseXml(text: string, Parser: DomParserConstructor): XmlParseResult {
  try {
    const doc = new Parser().parseFromString(text, "application/xml");
    const error = doc.getElementsByTagName("parsererror")[0];
    if (error) return { ok: false, message: (error.textContent ?? "").trim().slice(0, 300) || "the XML is not well-formed" };
    if (!doc.documentElement) return { ok: false, message: "the file has no XML root element" };
    return { ok: true, doc };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300) };
  }
}
