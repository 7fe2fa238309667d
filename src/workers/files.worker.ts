// Runs handleFilesTask off the page: one task per worker, which the page terminates to stop it.
import { handleFilesTask, type FilesReply, type FilesTask } from "./filesProtocol";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<FilesTask>) => void) | null;
  postMessage(message: FilesReply): void;
};

scope.onmessage = (event) => scope.postMessage(handleFilesTask(event.data));
