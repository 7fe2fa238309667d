// "List all simple paths": every path of at most SIMPLE_MAX_DEPTH hops from Origin to Destination with its
// bottleneck, largest first; no mixing assumption (docs/methods.md, "Simple paths").
import type { SimplePathsResult } from "../analysis";
import { SIMPLE_MAX_DEPTH, type Pending } from "../state/routeTrace";
import type { VolumeUnit } from "../state/volumeUnit";
import { el } from "./dom";
import { formatVolume } from "./format";

const stoppedText = (why: "count" | "time" | "depth") =>
  `Search stopped early (${why === "count" ? "too many paths" : why === "time" ? "time limit" : `routes longer than ${SIMPLE_MAX_DEPTH} hops were not followed`}): the list may be incomplete.`;

export function renderSimplePaths(
  box: HTMLElement,
  found: SimplePathsResult | Pending | null,
  a: string,
  b: string,
  m: VolumeUnit,
  placeName: (id: string) => string,
): void {
  if (found === "pending") {
    box.append(el("p", { class: "rt-say" }, "Listing the simple paths…"));
    return;
  }
  if (!found || found.paths.length === 0) {
    box.append(el("p", { class: "rt-say" }, `No simple path of at most ${SIMPLE_MAX_DEPTH} hops from ${a} to ${b}.`));
    if (found?.stoppedEarly) box.append(el("p", { class: "rt-warn" }, stoppedText(found.stoppedEarly)));
    return;
  }
  const n = found.paths.length;
  box.append(el("h3", {}, `${n} simple path${n === 1 ? "" : "s"} of at most ${SIMPLE_MAX_DEPTH} hops, largest bottleneck first`));
  if (found.stoppedEarly) box.append(el("p", { class: "rt-warn" }, stoppedText(found.stoppedEarly)));
  const ol = el("ol", { class: "rt-simple-list" });
  for (const p of found.paths) {
    const i = p.volumes.indexOf(p.bottleneck);
    const weakest = i >= 0 ? `${placeName(p.nodes[i]!)} → ${placeName(p.nodes[i + 1]!)}` : "";
    ol.append(
      el(
        "li",
        {},
        el("span", {}, p.nodes.map(placeName).join(" → ")),
        el("span", { class: "rt-chain-figures" }, ` — bottleneck ${formatVolume(p.bottleneck, m)} (${weakest})`),
      ),
    );
  }
  box.append(
    ol,
    el(
      "p",
      { class: "hint" },
      "Bottleneck: the smallest flow on the path, a plain upper bound on what can have used it end to end; no mixing assumption.",
    ),
  );
}
