import { create, type Selection } from 'd3-selection';
import { uniqueId } from './unique-id';

export type Svg = Selection<SVGSVGElement, undefined, null, undefined>;

/**
 * An <svg> with a <title> and a <desc> that name and describe it to screen readers (and show as a tooltip).
 * `role` is 'img' for a picture, or e.g. 'group' when the plot has focusable parts inside (an img's children
 * are hidden from assistive technology). Plots draw in CSS pixels: see fitWidth and resize.
 */
export function svgFrame(width: number, height: number, title: string, description: string, role = 'img'): Svg {
  const titleId = uniqueId('plot-title');
  const descId = uniqueId('plot-desc');
  const svg = create('svg')
    .attr('class', 'rb-plot')
    .attr('role', role)
    .attr('aria-labelledby', titleId)
    .attr('aria-describedby', descId);
  resize(svg, width, height);
  svg.append('title').attr('id', titleId).text(title);
  svg.append('desc').attr('id', descId).text(description);
  return svg;
}

/** Replaces the title and description of a frame made by svgFrame. */
export function setTitle(svg: Svg, title: string, description: string): void {
  svg.select('title').text(title);
  svg.select('desc').text(description);
}

/**
 * Sets the drawing's size in CSS pixels: the viewBox matches the size the plot is laid out at, so one SVG
 * unit is one pixel and text drawn at 12 units shows at 12 px.
 */
export function resize(svg: Svg, width: number, height: number): void {
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
}

/** How wide a piece of text will be: measured when the SVG is on screen, else estimated for 12 px text. */
export function textWidth(node: SVGTextContentElement, text: string): number {
  const measured = node.isConnected ? node.getComputedTextLength() : 0;
  return measured > 0 ? measured : text.length * 7;
}
