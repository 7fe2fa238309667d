// A browser download of a file made here: a link to an object URL, clicked, then let go.
import { el } from "./dom";

/** Starts a browser download of `blob` as `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: fileName, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Starts a browser download of `data` (text or bytes) as `fileName`. */
export function download(fileName: string, data: BlobPart, type: string): void {
  downloadBlob(new Blob([data], { type }), fileName);
}
