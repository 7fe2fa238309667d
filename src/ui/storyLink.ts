// The story link: Share story link copies a link that opens the saved views as a presentation; opening
// such a link (on load or pasted into this tab's address bar) starts presentation mode.
import { ownRelativeUrl, ownUrl } from "../state/ownAddress";
import { defaultYearOf } from "../state/openDataset";
import { decodeStory, encodeStory, MAX_LINK } from "../state/viewCodec";
import type { App } from "./app";
import { linkContext, type AddressBar } from "./addressBar";
import { el } from "./dom";
import type { Presentation } from "./presentation";
import type { ViewsPanel } from "./viewsPanel";

export async function copyStoryLink({ app, views, dom }: ViewsPanel): Promise<void> {
  const text = encodeStory(
    views.map((v) => ({ title: v.name, caption: v.caption, state: v.state, positions: v.positions })),
    defaultYearOf(app.dataset()),
  );
  const link = ownUrl(location, `#story=${text}`);
  if (text.length > MAX_LINK) {
    app.messages.show(
      `These ${views.length} views are too many for one link (${text.length.toLocaleString("en")} characters; a link holds up to ${MAX_LINK.toLocaleString("en")}). Share the file from Export views instead, or present fewer views.`,
      "warning",
    );
    return;
  }
  try {
    await navigator.clipboard.writeText(link);
    dom.status.textContent = "Story link copied: it opens these views as a presentation.";
  } catch {
    dom.status.textContent = "";
    const field = el("input", { type: "text", readonly: true, value: link, "aria-label": "Link to this story" });
    dom.status.appendChild(field);
    field.select();
  }
}

/** A story link opens straight into presentation mode, on load or when pasted into this tab's address bar. */
export function watchStoryLinks(app: App, address: AddressBar, story: Presentation): void {
  const openStory = () => {
    if (!location.hash.startsWith("#story=")) return;
    const r = decodeStory(location.hash.slice("#story=".length), linkContext(app));
    if (!r.ok) {
      app.messages.show(`This story link could not be opened: ${r.reason} Showing the default view instead.`, "error");
      history.replaceState(null, "", ownRelativeUrl(location));
      // It says the default view: show it, so the screen and the address agree.
      void address.resetView();
    } else {
      for (const w of r.warnings) app.messages.show(w, "warning");
      story.start(r.steps);
    }
  };
  window.addEventListener("popstate", openStory);
  openStory();
}
