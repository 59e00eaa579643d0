/**
 * Plots are drawn in CSS pixels at the width their box gets from the page, never scaled down from a fixed
 * drawing: one ResizeObserver for every plot on the page calls a plot back when its width changes, and the
 * plot lays itself out again at that width (so 12 px text stays 12 px on a phone).
 */
const callbacks = new WeakMap<Element, (width: number) => void>();
const widths = new WeakMap<Element, number>();
let observer: ResizeObserver | null = null;
const pending = new Map<Element, number>();
let frame = 0;

/** Calls `redraw(width)` (at most once a frame) whenever `element`'s content width changes. */
export function fitWidth(element: Element, redraw: (width: number) => void): void {
  if (typeof ResizeObserver === 'undefined') return;
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) {
      const width = Math.floor(entry.contentRect.width);
      if (width > 0 && width !== widths.get(entry.target)) pending.set(entry.target, width);
    }
    // Redrawing changes the plot's height; doing it inside this callback would make the observer report
    // the same element again in the same frame (a "ResizeObserver loop" error), so it waits a frame.
    if (pending.size && !frame) frame = requestAnimationFrame(flush);
  });
  callbacks.set(element, redraw);
  observer.observe(element);
}

function flush(): void {
  frame = 0;
  for (const [element, width] of pending) {
    widths.set(element, width);
    callbacks.get(element)?.(width);
  }
  pending.clear();
}

/** The width a plot was last laid out at by fitWidth, or `fallback` before it has been measured. */
export function measuredWidth(element: Element, fallback: number): number {
  return widths.get(element) ?? fallback;
}
