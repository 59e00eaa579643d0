import { create, type Selection } from 'd3-selection';
import { uniqueId } from './dom';

export type PixelSvg = Selection<SVGSVGElement, undefined, null, undefined>;

/** The smallest text a picture draws, in CSS pixels (STYLE: plot text never below 12 px rendered). */
export const MIN_TEXT_PX = 12;

/**
 * An <svg> whose units are CSS pixels: its viewBox always equals its width and height, so a 13-unit label is
 * 13 px on a phone and on a desktop alike. The pictures are redrawn for the width they get (see
 * watchWidth) instead of being scaled down, which is what keeps their text legible at 390 px.
 */
export function pixelSvg(title: string, description: string, role = 'img'): PixelSvg {
  const titleId = uniqueId('picture-title');
  const descId = uniqueId('picture-desc');
  const svg = create('svg')
    .attr('class', 'rb-picture')
    .attr('role', role)
    .attr('aria-labelledby', titleId)
    .attr('aria-describedby', descId);
  svg.append('title').attr('id', titleId).text(title);
  svg.append('desc').attr('id', descId).text(description);
  return svg;
}

export function sizePixelSvg(svg: PixelSvg, width: number, height: number): void {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  svg.attr('viewBox', `0 0 ${w} ${h}`).attr('width', w).attr('height', h);
}

export function describePixelSvg(svg: PixelSvg, title: string, description: string): void {
  svg.select('title').text(title);
  svg.select('desc').text(description);
}

/**
 * Calls `draw(width)` with the element's content width in CSS pixels now and whenever it changes by a
 * whole pixel (a rotated phone, a resized window). Before layout (width 0) it falls back to `fallback`.
 */
export function watchWidth(el: HTMLElement, draw: (width: number) => void, fallback = 640): () => number {
  let last = 0;
  const measure = () => Math.floor(el.clientWidth) || last || fallback;
  if (typeof ResizeObserver !== 'undefined') {
    new ResizeObserver(() => {
      const width = measure();
      if (width !== last) {
        last = width;
        draw(width);
      }
    }).observe(el);
  }
  return () => {
    last = measure();
    return last;
  };
}
