// Reading what a user drops before the importer sees it: ZIP archives opened into their files (an
// office document said for what it is), a Reroute bundle recognised by its first bytes, and the id
// imported data gets. No DOM.
import type { Dataset, DataIssue } from "../../domain/types";
import { expandZip, type ZipResult } from "./unzip";
import type { ImportFile } from "./types";

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Imported data gets an id of its own ("local:<content hash>"), so links made on it can say they need it. */
export function localised(dataset: Dataset): Dataset {
  return dataset.id.startsWith("local:") ? dataset : { ...dataset, id: `local:${dataset.hash}` };
}

export class ImportStopped extends Error {
  constructor(
    readonly issues: DataIssue[],
    message: string,
  ) {
    super(message);
  }
}

/**
 * ZIP archives (e.g. our own "Export flows CSV") are opened by `unzip` (expandZip, with caps on size, entries
 * and ratio checked as the bytes arrive; the page runs it in a worker) and their files read as if chosen one
 * by one. An office document or a bomb stops the import with a message.
 */
export async function expandZips(
  files: ImportFile[],
  unzip: (name: string, bytes: Uint8Array) => Promise<ZipResult> = async (name, bytes) => expandZip(bytes, name),
): Promise<ImportFile[]> {
  if (!files.some((file) => isZip(file.bytes))) return files;
  const out: ImportFile[] = [];
  for (const file of files) {
    if (!isZip(file.bytes)) {
      out.push(file);
      continue;
    }
    const r = await unzip(file.name, file.bytes);
    if (!r.ok) throw new ImportStopped([{ severity: "error", file: file.name, line: 0, column: 0, message: r.message }], r.message);
    out.push(...r.files);
  }
  return out;
}

export function startsLikeJson(bytes: Uint8Array): boolean {
  for (let i = 0; i < Math.min(bytes.length, 16); i++) {
    const b = bytes[i]!;
    if (b === 0x7b) return true;
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf) return false;
  }
  return false;
}
