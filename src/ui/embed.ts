// Embed mode (?embed): only the graph and its legend, a small caption (the view's title and year, and the
// dataset's caveat when it has one) in a strip above the graph, and an "Open in Reroute" link to the same
// view without ?embed. The hiding is CSS on html.embed (share.css).
import { ownRelativeUrl } from "../state/ownAddress";
import { effectiveTitle } from "../io/exportSpec";
import { profileOf } from "../state/profile";
import type { App } from "./app";
import { el } from "./dom";
import "./share.css";

/** `?embed`: only the graph and its legend, a caption, and a link back to the full view. */
export function mountEmbed(app: App): void {
  if (!new URLSearchParams(location.search).has("embed")) return;
  document.documentElement.classList.add("embed");
  const link = el("a", { class: "embed-link", target: "_blank", rel: "noopener" }, "Open in Reroute");
  // Text only (textContent): the title may come from a link.
  const title = el("p", { class: "embed-title", "data-testid": "embed-title" });
  const caveat = el("p", { class: "embed-caveat", "data-testid": "embed-caveat" });
  const caption = el("div", { class: "embed-caption", "data-testid": "embed-caption" }, title, caveat);
  const update = () => {
    const params = new URLSearchParams(location.search);
    params.delete("embed");
    const q = params.toString();
    // The app's own host and path, even on an address whose path starts with "//".
    link.setAttribute("href", ownRelativeUrl({ pathname: location.pathname, search: q ? `?${q}` : "" }, location.hash));
    const state = app.store.get();
    const ds = app.dataset();
    const t = effectiveTitle(state, ds);
    // The default title ends with the year; a custom one may not, so the year is added then.
    // Data without time names no year.
    title.textContent = ds.timeless || t.includes(String(state.year)) ? t : `${t} — ${state.year}`;
    caveat.textContent = profileOf(ds).about ?? profileOf(ds).caveat ?? "";
    caveat.hidden = !caveat.textContent;
  };
  update();
  app.store.subscribe(update);
  window.addEventListener("popstate", update);
  // A strip above the graph (not over it): the caption never covers the places it is about.
  document.querySelector(".graph-wrap")?.prepend(el("div", { class: "embed-head" }, caption, link));
}
