// Runs importFiles off the main thread, posting progress as it reads. Workers have no DOMParser: big
// GEXF/GraphML files are parsed here with xmldom (the parser the unit tests use for every XML format).
// Messages in: ImportWorkerRequest. Messages out: ImportWorkerMessage.
import { DOMParser as XmlDomParser } from "@xmldom/xmldom";
import { columnBuffers } from "../domain/flowColumns";
import { importFilesSync } from "../io/import/importFiles";
import type { ImportFile, ImportOptions, ImportResult } from "../io/import/types";

export interface ImportWorkerRequest {
  files: ImportFile[];
  options: Omit<ImportOptions, "onProgress" | "domParser">;
}

export type ImportWorkerMessage = { type: "progress"; fraction: number } | { type: "result"; result: ImportResult };

/** xmldom reports fatal errors on the console before throwing; the importer catches the throw and says why. */
class QuietXmlDomParser extends XmlDomParser {
  constructor() {
    super({ onError() {} });
  }
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerMessage, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  // Reroute CSV flows come back as typed columns, moved to the page by transfer (no clone of the flows).
  const { files, options } = event.data;
  let last = -1;
  const result = importFilesSync(files, {
    ...options,
    flowColumns: true,
    domParser: QuietXmlDomParser as unknown as NonNullable<ImportOptions["domParser"]>,
    onProgress(fraction) {
      // At most ~100 messages per import.
      const rounded = Math.floor(fraction * 100) / 100;
      if (rounded > last) {
        last = rounded;
        scope.postMessage({ type: "progress", fraction: rounded });
      }
    },
  });
  scope.postMessage({ type: "result", result }, result.columns ? columnBuffers(result.columns) : []);
};
