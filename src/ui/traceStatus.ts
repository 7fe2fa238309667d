// Status lines beside big-graph trace results: "Working on N flows off the page…" with a progress bar and
// a stop button ("Stop computing routes", "Stop computing the attribution"), or why results are missing.
import type { StatusGroup, TraceJobs } from "../workers/traceJobs";
import { clear, el } from "./dom";
import { formatInt } from "./format";

const GROUP_WORDS: Record<StatusGroup, { progress: string; stop: string; again: string }> = {
  routes: { progress: "Progress of computing routes", stop: "Stop computing routes", again: "Compute routes again" },
  attribution: { progress: "Progress of the attribution", stop: "Stop computing the attribution", again: "Compute the attribution again" },
};

/** A status line for one group of computations, kept in step with the jobs. */
export function traceStatusLine(jobs: TraceJobs, group: StatusGroup): HTMLElement {
  const words = GROUP_WORDS[group];
  const progress = el("progress", { "aria-label": words.progress });
  const label = el("span", { class: "rt-big-label" });
  const stopButton = el("button", { type: "button" }, words.stop);
  stopButton.addEventListener("click", () => jobs.stop(group));
  const message = el("p", { class: "rt-warn", hidden: true });
  const running = el("div", { class: "rt-big-running", hidden: true }, label, " ", progress, " ", stopButton);
  const render = () => {
    const s = jobs.status(group);
    running.hidden = !s.busy;
    if (s.busy) {
      label.textContent = `Working on ${formatInt(s.flowCount)} flows off the page…`;
      if (s.progress && s.progress.total > 0) {
        progress.max = s.progress.total;
        progress.value = s.progress.done;
      } else progress.removeAttribute("value"); // indeterminate
    }
    message.hidden = !s.failed && !s.stopped;
    clear(message);
    if (s.failed) message.append(`The route computation failed: ${s.failed}`);
    else if (s.stopped) {
      const again = el("button", { type: "button" }, words.again);
      again.addEventListener("click", () => jobs.again(group));
      message.append("Stopped: some results were not computed. ", again);
    }
  };
  jobs.onStatus(render);
  render();
  return el("div", { class: "rt-big", role: "status" }, running, message);
}
