import { create, type Selection } from 'd3-selection';
import { uniqueId } from '../widgets/dom';

export type Svg = Selection<SVGSVGElement, undefined, null, undefined>;

/**
 * An <svg> that scales to its container's width, with a <title> and a <desc> that name and describe it to
 * screen readers (and show as a tooltip). `role` is 'img' for a picture, or e.g. 'grid' when the plot has
 * focusable parts inside (an img's children are hidden from assistive technology).
 */
export function svgFrame(width: number, height: number, title: string, description: string, role = 'img'): Svg {
  const titleId = uniqueId('plot-title');
  const descId = uniqueId('plot-desc');
  const svg = create('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('class', 'rb-plot')
    .attr('role', role)
    .attr('aria-labelledby', titleId)
    .attr('aria-describedby', descId);
  svg.append('title').attr('id', titleId).text(title);
  svg.append('desc').attr('id', descId).text(description);
  return svg;
}

/** Replaces the title and description of a frame made by svgFrame. */
export function setTitle(svg: Svg, title: string, description: string): void {
  svg.select('title').text(title);
  svg.select('desc').text(description);
}

export function resize(svg: Svg, width: number, height: number): void {
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width);
}
