// Shared fixtures for the io tests: byte encoding, a quiet xmldom parser, and an order-free view of a graph.
import { DOMParser } from "@xmldom/xmldom";
import type { Dataset } from "../../../src/domain/types";
import { importFiles, type ImportFile, type ImportOptions, type ImportResult } from "../../../src/io/import/importFiles";

/** xmldom reports fatal errors on the console before throwing; the importer catches the throw. */
export class QuietDomParser extends DOMParser {
  constructor() {
    super({ onError() {} });
  }
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function file(name: string, text: string | Uint8Array): ImportFile {
  return { name, bytes: typeof text === "string" ? utf8(text) : text };
}

export const OPTIONS: ImportOptions = { domParser: QuietDomParser as unknown as ImportOptions["domParser"], defaultYear: 2024 };

export function read(files: ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  return importFiles(files, { ...OPTIONS, ...options });
}

/** Sorted "from>to@year=vehicles" lines: the graph, independent of row order. */
export function edges(dataset: Dataset | null): string[] {
  if (!dataset) return [];
  const name = new Map(dataset.places.map((p) => [p.id, p.name]));
  return dataset.flows.map((f) => `${name.get(f.from)}>${name.get(f.to)}@${f.year}=${f.volume}`).sort();
}

/** Sorted "id|name|kind|country|lat|lon" lines. */
export function places(dataset: Dataset | null): string[] {
  if (!dataset) return [];
  return dataset.places.map((p) => `${p.id}|${p.name}|${p.kind}|${p.country}|${p.lat}|${p.lon}`).sort();
}

/** Latin-1 bytes of a string whose characters are all below U+0100. */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
}

export function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}
