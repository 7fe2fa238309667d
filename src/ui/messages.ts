// User-facing messages (errors, warnings, info) in a live region; text only.
import { el } from "./dom";

export type MessageKind = "error" | "warning" | "info";

export function createMessages(root: HTMLElement) {
  let shown = 0;
  return {
    /** Returns the message element, so its caller can take it away when it no longer applies. */
    show(text: string, kind: MessageKind = "info", detail: string[] = []): HTMLElement {
      // Numbered, so several open messages never share one button name ("(1)" is not inside "(10)").
      const close = el("button", { type: "button", class: "msg-close", "aria-label": `Dismiss message (${++shown})` }, "×");
      const node = el(
        "div",
        { class: `msg msg-${kind}`, role: kind === "error" ? "alert" : "status" },
        el("div", { class: "msg-text" }, text),
        detail.length
          ? el(
              "ul",
              { class: "msg-detail" },
              detail.slice(0, 30).map((d) => el("li", {}, d)),
            )
          : null,
        detail.length > 30 ? el("div", {}, `… and ${detail.length - 30} more`) : null,
        close,
      );
      close.addEventListener("click", () => node.remove());
      root.appendChild(node);
      if (kind === "info") setTimeout(() => node.remove(), 6000);
      return node;
    },
    clear(): void {
      root.replaceChildren();
    },
  };
}
export type Messages = ReturnType<typeof createMessages>;
