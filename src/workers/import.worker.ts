// Runs importFiles off the main thread for large delimited files, posting progress as it reads.
// Messages in: ImportWorkerRequest. Messages out: ImportWorkerMessage.
import { importFilesSync } from "../io/import/importFiles";
import type { ImportFile, ImportOptions, ImportResult } from "../io/import/types";

export interface ImportWorkerRequest {
  files: ImportFile[];
  options: Omit<ImportOptions, "onProgress" | "domParser">;
}

export type ImportWorkerMessage = { type: "progress"; fraction: number } | { type: "result"; result: ImportResult };

const scope = self as unknown as { onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null; postMessage(message: ImportWorkerMessage): void };

scope.onmessage = (event) => {
  const { files, options } = event.data;
  let last = -1;
  const result = importFilesSync(files, {
    ...options,
    onProgress(fraction) {
      // At most ~100 messages per import.
      const rounded = Math.floor(fraction * 100) / 100;
      if (rounded > last) {
        last = rounded;
        scope.postMessage({ type: "progress", fraction: rounded });
      }
    },
  });
  scope.postMessage({ type: "result", result });
};
