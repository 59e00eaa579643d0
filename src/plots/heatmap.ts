import { svgFrame, setTitle, resize, type Svg } from './svg-frame';
import { cellTint, tintFill, heatmapDomain, formatNumber, type ColourScheme } from './scales';

export interface HeatmapCell {
  row: number;
  col: number;
  value: number;
}

export interface HeatmapOptions {
  /** Names the plot (the SVG's <title>): "ΔW = B A, top-left 16 × 16". */
  title: string;
  /** Says what it shows in a sentence (the SVG's <desc>). */
  description: string;
  /** 'diverging' (default) for signed values around zero, 'sequential' for magnitudes. */
  scheme?: ColourScheme;
  /** The value range the colours span; by default from the data (symmetric about 0 when diverging). */
  domain?: [number, number];
  /** Side of a cell in SVG units (the SVG scales to its container). Default 18. */
  cellSize?: number;
  /** Cells become one Tab stop: arrow keys, Home and End move between them, each read with its value. */
  focusable?: boolean;
  /** How a cell is named in its label and readout. Default "row i, column j" (1-based). */
  cellLabel?: (row: number, col: number) => string;
  /** How a value is written. Default formatNumber: 3 significant figures, a true minus sign. */
  format?: (value: number) => string;
  /** Called when a cell gets keyboard focus or the pointer: show its value in a readout. */
  onCellFocus?: (cell: HeatmapCell) => void;
  /** A colour key below the cells (default true). */
  legend?: boolean;
}

export interface Heatmap {
  /** The <svg>, ready to append. */
  element: SVGSVGElement;
  /** Redraws with new values (any size) and, optionally, changed options. Keeps keyboard focus. */
  update(values: number[][], changes?: Partial<HeatmapOptions>): void;
  /** The domain the colours currently span. */
  readonly domain: [number, number];
}

const LEGEND_HEIGHT = 34;
const LEGEND_STEPS = 7;

/**
 * A matrix as a grid of coloured cells, SVG only. Colours are theme variables (see scales.ts), so a plot
 * reads in light and dark. With `focusable`, the SVG is a labelled ARIA grid: every value can be reached
 * and read by keyboard; otherwise it is one image described by its title and description.
 */
export function heatmap(initial: number[][], initialOptions: HeatmapOptions): Heatmap {
  let options = { ...initialOptions };
  let values = initial;
  let domain: [number, number] = [0, 1];
  let focus = { row: 0, col: 0 };
  const svg: Svg = svgFrame(1, 1, options.title, options.description, options.focusable ? 'group' : 'img');
  svg.classed('rb-heatmap', true);
  // Shows through the 1-unit gaps between cells as grid lines.
  const background = svg.append('rect').attr('fill', 'var(--rb-border)').attr('aria-hidden', 'true');
  const grid = svg.append('g').attr('class', 'rb-heatmap-cells');
  const legend = svg.append('g').attr('class', 'rb-plot-legend').attr('aria-hidden', 'true');

  const label = (row: number, col: number) => (options.cellLabel ?? ((i, j) => `row ${i + 1}, column ${j + 1}`))(row, col);
  const format = (v: number) => (options.format ?? formatNumber)(v);
  const cellAt = (row: number, col: number) => ({ row, col, value: values[row]?.[col] ?? NaN });

  function moveFocus(row: number, col: number): void {
    const rows = values.length;
    const cols = rows ? values[0].length : 0;
    focus = { row: Math.max(0, Math.min(rows - 1, row)), col: Math.max(0, Math.min(cols - 1, col)) };
    grid.selectAll<SVGRectElement, unknown>('rect').attr('tabindex', function () {
      return this.dataset.row === String(focus.row) && this.dataset.col === String(focus.col) ? 0 : -1;
    });
  }

  grid.on('keydown', (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [focus.row - 1, focus.col], ArrowDown: [focus.row + 1, focus.col],
      ArrowLeft: [focus.row, focus.col - 1], ArrowRight: [focus.row, focus.col + 1],
      Home: event.ctrlKey ? [0, 0] : [focus.row, 0],
      End: event.ctrlKey ? [values.length - 1, Infinity] : [focus.row, Infinity],
    };
    const target = moves[event.key];
    if (!target) return;
    event.preventDefault();
    moveFocus(target[0], target[1]);
    grid.select<SVGRectElement>(`rect[tabindex="0"]`).node()?.focus();
  });
  const report = (event: Event) => {
    const el = event.target as SVGRectElement;
    if (el.dataset.row === undefined) return;
    const row = Number(el.dataset.row);
    const col = Number(el.dataset.col);
    if (event.type === 'focusin') focus = { row, col };
    options.onCellFocus?.(cellAt(row, col));
  };
  grid.on('focusin', report).on('pointerover', report);

  function draw(): void {
    const size = options.cellSize ?? 18;
    const scheme = options.scheme ?? 'diverging';
    const rows = values.length;
    const cols = rows ? values[0].length : 0;
    domain = options.domain ?? heatmapDomain(values, scheme);
    const showLegend = options.legend ?? true;
    const width = Math.max(cols * size, showLegend ? 180 : 1);
    resize(svg, width, rows * size + (showLegend ? LEGEND_HEIGHT : 0));
    setTitle(svg, options.title, options.description);
    background.attr('x', -1).attr('y', -1).attr('width', cols * size + 1).attr('height', rows * size + 1);

    if (options.focusable) grid.attr('role', 'grid').attr('aria-label', options.title).attr('aria-rowcount', rows).attr('aria-colcount', cols);
    else grid.attr('role', null).attr('aria-label', null);
    const rowGroups = grid.selectAll<SVGGElement, number[]>('g').data(values).join('g')
      .attr('role', options.focusable ? 'row' : null);
    rowGroups.selectAll<SVGRectElement, number>('rect')
      .data((row, i) => row.map((value, j) => ({ value, i, j })))
      .join('rect')
      .attr('class', 'rb-heatmap-cell')
      .attr('x', (c) => c.j * size).attr('y', (c) => c.i * size)
      .attr('width', size - 1).attr('height', size - 1)
      .style('fill', (c) => tintFill(cellTint(c.value, domain, scheme)))
      .attr('data-row', (c) => c.i).attr('data-col', (c) => c.j)
      .attr('role', options.focusable ? 'gridcell' : null)
      .attr('aria-label', options.focusable ? (c) => `${label(c.i, c.j)}: ${format(c.value)}` : null);
    if (options.focusable) moveFocus(focus.row, focus.col);
    else grid.selectAll('rect').attr('tabindex', null);
    drawLegend(showLegend, rows * size, scheme);
  }

  function drawLegend(show: boolean, top: number, scheme: ColourScheme): void {
    legend.selectAll('*').remove();
    if (!show) return;
    const [lo, hi] = domain;
    const swatch = 20;
    const g = legend.attr('transform', `translate(0, ${top + 6})`);
    for (let s = 0; s < LEGEND_STEPS; s++) {
      const v = lo + ((hi - lo) * s) / (LEGEND_STEPS - 1);
      g.append('rect').attr('x', s * swatch).attr('width', swatch).attr('height', 10)
        .attr('stroke', 'var(--rb-border)').style('fill', tintFill(cellTint(v, domain, scheme)));
    }
    const labels: [number, string, string][] = [[0, format(lo), 'start'], [LEGEND_STEPS * swatch, format(hi), 'end']];
    if (scheme === 'diverging') labels.push([(LEGEND_STEPS * swatch) / 2, '0', 'middle']);
    for (const [x, text, anchor] of labels) {
      g.append('text').attr('x', x).attr('y', 24).attr('text-anchor', anchor).attr('class', 'rb-plot-label').text(text);
    }
  }

  draw();
  return {
    element: svg.node()!,
    update(next, changes = {}) {
      values = next;
      options = { ...options, ...changes };
      draw();
    },
    get domain() { return domain; },
  };
}

