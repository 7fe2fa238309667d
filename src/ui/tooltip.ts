// The hover tooltip: follows the pointer over the graph, shows a place or flow card.
import { clear } from "./dom";

export function createTooltip(root: HTMLElement, container: HTMLElement) {
  let pointer = { x: 0, y: 0 };
  container.addEventListener("pointermove", (e) => {
    const r = container.getBoundingClientRect();
    pointer = { x: e.clientX - r.left, y: e.clientY - r.top };
    if (!root.hidden) place();
  });
  const place = () => {
    const r = container.getBoundingClientRect();
    const w = root.offsetWidth,
      h = root.offsetHeight;
    let x = pointer.x + 14,
      y = pointer.y + 14;
    if (x + w > r.width - 4) x = Math.max(4, pointer.x - w - 14);
    if (y + h > r.height - 4) y = Math.max(4, pointer.y - h - 14);
    root.style.transform = `translate(${x}px, ${y}px)`;
  };
  return {
    show(content: HTMLElement | null): void {
      clear(root);
      if (!content) {
        root.hidden = true;
        return;
      }
      root.appendChild(content);
      root.hidden = false;
      place();
    },
  };
}
