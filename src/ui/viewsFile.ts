// The saved-views file: Export views writes the list as one JSON file; Import views reads one back, adding
// only the views not already saved, up to the limit, and says what it left out.
import { defaultYearOf } from "../state/openDataset";
import { importedViews, MAX_VIEWS, viewsFromFile, viewsToFile } from "../state/savedViews";
import { linkContext } from "./addressBar";
import { downloadBlob } from "./download";
import type { ViewsPanel } from "./viewsPanel";

/** A views file is a few kilobytes per view; anything bigger than this is not one (and would stall the page). */
const MAX_VIEWS_FILE_BYTES = 5_000_000;

export function exportViewsFile({ app, views, dom }: ViewsPanel): void {
  downloadBlob(new Blob([viewsToFile(views, defaultYearOf(app.dataset()))], { type: "application/json" }), "reroute-views.json");
  dom.status.textContent = `Exported ${views.length} view(s).`;
}

export async function importViewsFile(panel: ViewsPanel, file: File): Promise<void> {
  const { app } = panel;
  // A views file is a few kilobytes per view; anything this big is not one (and would stall the page).
  if (file.size > MAX_VIEWS_FILE_BYTES) {
    app.messages.show(
      `${file.name} could not be imported: at ${(file.size / 1e6).toFixed(1)} MB it is too big to be a saved-views file (Export views writes a few kB per view). Your saved views are unchanged.`,
      "error",
    );
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    app.messages.show(
      `${file.name} could not be read (${error instanceof Error ? error.message : "read error"}). Your saved views are unchanged.`,
      "error",
    );
    return;
  }
  const r = viewsFromFile(text, linkContext(app), panel.newId);
  if (!r.ok) {
    app.messages.show(`${file.name} could not be imported: ${r.reason} Your saved views are unchanged.`, "error");
    return;
  }
  const { added, fresh, held, room } = importedViews(panel.views, r.views, defaultYearOf(app.dataset()));
  if (fresh > room)
    app.messages.show(
      `Only ${room} of the ${fresh} new views in ${file.name} were added: at most ${MAX_VIEWS} views can be saved.`,
      "warning",
    );
  panel.setViews([...panel.views, ...added]);
  panel.dom.status.textContent = `Imported ${added.length} view(s) from ${file.name}${held ? `; ${held} already saved here ${held === 1 ? "was" : "were"} left out` : ""}.`;
  if (r.problems.length)
    app.messages.show(`${r.problems.length} view(s) in ${file.name} could not be read and were left out.`, "warning", r.problems);
}
