// Reading what a user drops before the importer sees it: ZIP archives opened into their files (an
// office document said for what it is), a Reroute bundle recognised by its first bytes, and the id
// imported data gets. No DOM.
import type { Dataset, DataIssue } from "../../domain/types";
import { describeZip } from "./sniff";
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

/** ZIP archives (e.g. our own "Export flows CSV") are opened and their files read as if chosen one by one. */
export async function expandZips(files: ImportFile[]): Promise<ImportFile[]> {
  if (!files.some((file) => isZip(file.bytes))) return files;
  const { unzipSync } = await import("fflate");
  const out: ImportFile[] = [];
  for (const file of files) {
    if (!isZip(file.bytes)) {
      out.push(file);
      continue;
    }
    let entries: Record<string, Uint8Array>;
    const entryNames: string[] = [];
    try {
      entries = unzipSync(file.bytes, {
        filter: (entry) => {
          entryNames.push(entry.name);
          return !entry.name.endsWith("/") && !entry.name.startsWith("__MACOSX/") && entry.originalSize < 512 * 1024 * 1024;
        },
      });
    } catch (error) {
      throw new ImportStopped(
        [
          {
            severity: "error",
            file: file.name,
            line: 0,
            column: 0,
            message: `not a readable ZIP archive (${error instanceof Error ? error.message : String(error)})`,
          },
        ],
        `${file.name} could not be opened`,
      );
    }
    // An .xlsx or .ods is a ZIP too: say what it is rather than that its XML parts are not graphs.
    const office = describeZip(entryNames, file.name);
    if (office !== null) throw new ImportStopped([], `${file.name} is ${office}`);
    const names = Object.keys(entries);
    if (names.length === 0)
      throw new ImportStopped(
        [{ severity: "error", file: file.name, line: 0, column: 0, message: "the ZIP archive holds no file" }],
        `${file.name} is empty`,
      );
    for (const name of names) out.push({ name: name.replace(/^.*\//, ""), bytes: entries[name]! });
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
