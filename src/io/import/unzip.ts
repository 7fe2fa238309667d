// ZIP archives opened as a stream (fflate's Unzip): entries are read from their local headers in order and
// inflated chunk by chunk, and every cap is checked as the bytes arrive — total size, number of entries,
// and how much bigger the contents are than the archive — so a ZIP bomb or a directory of overlapping
// entries stops at the cap instead of filling memory. Declared sizes are never trusted.
import { Unzip, UnzipInflate, UnzipPassThrough } from "fflate";
import { describeZip } from "./sniff";
import type { ImportFile } from "./types";

export interface ZipCaps {
  /** Most bytes all entries may inflate to together. */
  totalBytes: number;
  /** Most entries (files and folders) an archive may hold. */
  entries: number;
  /** Most the contents may outgrow the archive (inflated ÷ archive bytes), checked past `ratioFloor`. */
  ratio: number;
  /** Below this many inflated bytes the ratio is not checked (a tiny archive of a repetitive CSV is fine). */
  ratioFloor: number;
}

export const ZIP_CAPS: ZipCaps = { totalBytes: 512 * 1024 * 1024, entries: 2000, ratio: 200, ratioFloor: 16 * 1024 * 1024 };

export type ZipResult = { ok: true; files: ImportFile[]; entryNames: string[] } | { ok: false; message: string; entryNames: string[] };

const MB = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The files in a ZIP archive (folders and __MACOSX/ left out), or why they cannot be read. Never throws. */
export function expandZip(bytes: Uint8Array, archiveName: string, caps: ZipCaps = ZIP_CAPS): ZipResult {
  const entryNames: string[] = [];
  const files: ImportFile[] = [];
  let total = 0;
  /** Entries begun but not yet inflated to their end. */
  const open = new Set<string>();
  let stop: string | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  unzip.onfile = (entry) => {
    if (stop !== null) return;
    entryNames.push(entry.name);
    if (entryNames.length > caps.entries) {
      stop = `${archiveName} holds more than ${caps.entries} entries; unpack it and import the files you need`;
      return;
    }
    const keep = !entry.name.endsWith("/") && !entry.name.startsWith("__MACOSX/");
    const chunks: Uint8Array[] = [];
    open.add(entry.name);
    entry.ondata = (error, chunk, final) => {
      if (stop !== null) return;
      if (error) {
        stop = `${archiveName}: "${entry.name}" could not be unpacked (${error.message})`;
        return;
      }
      total += chunk.length;
      if (total > caps.totalBytes) {
        stop = `${archiveName} unpacks to more than ${MB(caps.totalBytes)}; unpack it and import the files you need`;
        return;
      }
      if (total > caps.ratioFloor && total > bytes.length * caps.ratio) {
        stop = `${archiveName} unpacks to more than ${caps.ratio} times its size, which no data export does (a "ZIP bomb"?); it was not opened`;
        return;
      }
      if (keep) chunks.push(chunk);
      if (final) open.delete(entry.name);
      if (final && keep) files.push({ name: entry.name.replace(/^.*\//, ""), bytes: concat(chunks) });
    };
    try {
      entry.start();
    } catch (error) {
      stop = `${archiveName}: "${entry.name}" is packed in a way that cannot be opened here (${error instanceof Error ? error.message : String(error)})`;
    }
  };
  try {
    // Fed in slices so a cap stops the work within one slice of where it was passed.
    const slice = 1 << 16;
    for (let at = 0; at < bytes.length && stop === null; at += slice)
      unzip.push(bytes.subarray(at, at + slice), at + slice >= bytes.length);
    if (bytes.length === 0) unzip.push(bytes, true);
  } catch (error) {
    if (stop === null) stop = `${archiveName} is not a readable ZIP archive (${error instanceof Error ? error.message : String(error)})`;
  }
  if (stop === null && open.size > 0) stop = `${archiveName} is cut short: "${[...open][0]}" ends before its end`;
  if (stop !== null) return { ok: false, message: stop, entryNames };
  const office = describeZip(entryNames, archiveName);
  if (office !== null) return { ok: false, message: `${archiveName} is ${office}`, entryNames };
  if (files.length === 0) return { ok: false, message: `${archiveName} holds no file`, entryNames };
  return { ok: true, files, entryNames };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
