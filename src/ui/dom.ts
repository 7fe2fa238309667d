// Tiny DOM helpers. Text is always inserted as text nodes, never as HTML: data cannot inject markup.
export type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | null | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = String(v);
    else if (k === "text") node.textContent = String(v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A link only for http(s) URLs; anything else is shown as plain text. */
export function safeLink(url: string, text: string): HTMLElement {
  try {
    const u = new URL(url);
    if (u.protocol === "http:" || u.protocol === "https:") {
      return el("a", { href: u.href, target: "_blank", rel: "noopener noreferrer" }, text);
    }
  } catch {
    /* not a URL: fall through to text */
  }
  return el("span", {}, text);
}

/**
 * Resolves in a task after the next two animation frames: work that can wait (a big panel's sums, an index)
 * starts once the frame showing a change is committed and the next one drawn, not before them.
 */
export function afterFrames(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
}
