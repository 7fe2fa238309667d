// Work on whole files that must not run on the page: unpacking a ZIP (capped, streamed) and reading a
// Reroute bundle (JSON.parse and validation of up to hundreds of MB). Pure: the worker and the in-page
// fallback both call handleFilesTask.
import { decodeBundle, looksLikeBundle, type DecodedBundle } from "../io/bundle";
import { expandZip, type ZipResult } from "../io/import/unzip";

export type FilesTask = { type: "unzip"; name: string; bytes: Uint8Array } | { type: "bundle"; name: string; bytes: Uint8Array };

export type FilesReply =
  { type: "unzip"; result: ZipResult } | { type: "bundle"; result: DecodedBundle | null } | { type: "error"; message: string };

export function handleFilesTask(task: FilesTask): FilesReply {
  try {
    if (task.type === "unzip") return { type: "unzip", result: expandZip(task.bytes, task.name) };
    const text = new TextDecoder().decode(task.bytes).replace(/^\uFEFF/, "");
    // null: it only mentions "reroute-bundle" (e.g. a graph whose label says so); read it as any other file.
    return { type: "bundle", result: looksLikeBundle(text) ? decodeBundle(text, task.name) : null };
  } catch (error) {
    return { type: "error", message: error instanceof Error ? error.message : String(error) };
  }
}
