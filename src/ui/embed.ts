// Embed mode (?embed): only the graph and its legend, and an "Open in Reroute" link to the same view
// without ?embed. The hiding is CSS on html.embed (share.css).
import type { App } from "./app";
import { el } from "./dom";
import "./share.css";

/** `?embed`: only the graph and its legend, and a link back to the full view. */
export function mountEmbed(app: App): void {
  if (!new URLSearchParams(location.search).has("embed")) return;
  document.documentElement.classList.add("embed");
  requestAnimationFrame(() => app.renderer.refresh());
  const link = el("a", { class: "embed-link", target: "_blank", rel: "noopener" }, "Open in Reroute");
  const update = () => {
    const params = new URLSearchParams(location.search);
    params.delete("embed");
    const q = params.toString();
    link.setAttribute("href", `${location.pathname}${q ? `?${q}` : ""}${location.hash}`);
  };
  update();
  app.store.subscribe(() => queueMicrotask(update));
  window.addEventListener("popstate", update);
  document.querySelector(".graph-wrap")?.appendChild(link);
}
