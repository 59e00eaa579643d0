import { svgFrame, resize, type Svg } from '../plots/svg-frame';
import { fitWidth } from '../plots/fit-width';

export type PixelSvg = Svg;

/** The smallest text a picture draws, in CSS pixels (STYLE: plot text never below 12 px rendered). */
export const MIN_TEXT_PX = 12;

/**
 * A picture's <svg>: a plot frame (title, description, CSS-pixel units) that is redrawn for the width it gets
 * (see watchWidth) instead of being scaled down, which is what keeps its text legible at 390 px.
 */
export function pixelSvg(title: string, description: string, role = 'img'): PixelSvg {
  return svgFrame(1, 1, title, description, role).attr('class', 'rb-picture');
}

/** resize, in whole pixels: the pictures' layouts compute fractional sizes. */
export function sizePixelSvg(svg: PixelSvg, width: number, height: number): void {
  resize(svg, Math.max(1, Math.round(width)), Math.max(1, Math.round(height)));
}

/**
 * Calls `draw(width)` whenever the element's content width changes (fitWidth), and returns a reading of that
 * width for draws started elsewhere; before layout (width 0) it falls back to `fallback`.
 */
export function watchWidth(el: HTMLElement, draw: (width: number) => void, fallback = 640): () => number {
  let last = 0;
  fitWidth(el, (width) => { last = width; draw(width); });
  return () => {
    last = Math.floor(el.clientWidth) || last || fallback;
    return last;
  };
}
