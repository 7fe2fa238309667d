// The "Share link" button: copies the link to the view on screen (camera included); when the browser does
// not allow copying, the link is shown selected beside the button.
import type { App } from "./app";
import { el } from "./dom";

export function mountShareLink(app: App, linkFor: () => string, urlFor: () => string): void {
  const { messages } = app;
  const status = el("span", { class: "share-status", role: "status", "aria-live": "polite" });
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  const fallback = el("input", { type: "text", readonly: true, class: "share-fallback", "aria-label": "Link to this view", hidden: true });
  const button = el(
    "button",
    { type: "button", id: "share-link", title: "Copy a link that opens this view, camera included" },
    "Share link",
  );
  button.addEventListener("click", async () => {
    app.flushCamera();
    const link = linkFor();
    history.replaceState(null, "", urlFor());
    const local = app.dataset().id.startsWith("local:");
    const note = local ? " This view uses imported data: the recipient needs the file (use Export bundle)." : "";
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(link);
      fallback.hidden = true;
      status.textContent = "Link copied";
      clearTimeout(statusTimer);
      statusTimer = setTimeout(() => {
        status.textContent = "";
      }, 6000);
      messages.show(`Link copied: it opens this view, camera included.${note}`, "info");
    } catch {
      fallback.value = link;
      fallback.hidden = false;
      fallback.focus();
      fallback.select();
      status.textContent = "Copy the selected link";
      messages.show(`The browser did not allow copying: the link is selected beside the button; copy it with Ctrl+C.${note}`, "warning");
    }
  });
  app.toolbar.appendChild(el("div", { class: "control share-control" }, button, fallback, status));
}
