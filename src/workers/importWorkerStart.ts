// Starting the import worker, apart from its client: the page starts it as soon as files are chosen, so
// that its script loads while they are read (the client's own script loads meanwhile too).

/** A new import worker; null where there is no Worker (Node tests). */
export function startImportWorker(): Worker | null {
  return typeof Worker === "undefined" ? null : new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module" });
}
