import { svgFrame, setTitle, resize, type Svg } from './svg-frame';
import { fitWidth, measuredWidth } from './fit-width';
import { cellTint, tintFill, heatmapDomain, type ColourScheme } from './scales';
import { localeValue } from '../i18n/numbers';

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
  /** Largest side of a cell in CSS pixels (default 18); cells narrow so the grid fits the SVG's width. */
  cellSize?: number;
  /** The grid is at least this tall in CSS pixels: cells grow taller than wide (a strip of 8 x 64). */
  minHeight?: number;
  /** Names of the row and column axes ("i", "j"): ticks with 1-based indices are drawn along both. */
  axes?: { rows: string; cols: string };
  /** Says what the colour key measures ("φ, overlap of the two subspaces"), above the key. */
  legendTitle?: string;
  /** Cells become one Tab stop: arrow keys, Home and End move between them, each read with its value. */
  focusable?: boolean;
  /** How a cell is named in its label and readout. Default "row i, column j" (1-based). */
  cellLabel?: (row: number, col: number) => string;
  /** How a value is written. Default: 3 significant figures, a true minus sign, in `lang`. */
  format?: (value: number) => string;
  /** The language values are written in by default (separators: 0.25 or 0,25); default 'en'. */
  lang?: string;
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

const LEGEND_STEPS = 7;
const SWATCH = { width: 26, height: 12 };
/** Room for row tick labels and the row axis name on the left, column ticks and name below. */
const AXES = { left: 46, bottom: 40, top: 8 };
/** Column (or row) labels at least this far apart, in CSS pixels. */
const TICK_SPACING = 30;

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
  const axes = svg.append('g').attr('class', 'rb-plot-axis rb-heatmap-axes').attr('aria-hidden', 'true');

  const label = (row: number, col: number) => (options.cellLabel ?? ((i, j) => `row ${i + 1}, column ${j + 1}`))(row, col);
  const format = (v: number) => (options.format ? options.format(v) : localeValue(options.lang ?? 'en', v));
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
    const maxCell = options.cellSize ?? 18;
    const scheme = options.scheme ?? 'diverging';
    const rows = values.length;
    const cols = rows ? values[0].length : 0;
    domain = options.domain ?? heatmapDomain(values, scheme);
    const showLegend = options.legend ?? true;
    const margin = options.axes ? AXES : { left: 0, bottom: 0, top: 0 };
    const width = measuredWidth(svg.node()!, margin.left + cols * maxCell + 4);
    // Cells as wide as fit (at most maxCell), and square unless minHeight asks for taller ones.
    const cellWidth = Math.max(1, Math.min(maxCell, (width - margin.left - 4) / Math.max(1, cols)));
    const cellHeight = Math.max(cellWidth, (options.minHeight ?? 0) / Math.max(1, rows));
    const gap = cellWidth >= 4 ? 1 : 0;
    const gridWidth = cols * cellWidth;
    const gridHeight = rows * cellHeight;
    const legendHeight = showLegend ? (options.legendTitle ? 18 : 0) + SWATCH.height + 22 : 0;
    const legendTop = margin.top + gridHeight + margin.bottom + 10;
    resize(svg, width, legendTop + legendHeight);
    setTitle(svg, options.title, options.description);
    background.attr('x', margin.left - gap).attr('y', margin.top - gap).attr('width', gridWidth + gap).attr('height', gridHeight + gap);
    grid.attr('transform', `translate(${margin.left}, ${margin.top})`);

    if (options.focusable) grid.attr('role', 'grid').attr('aria-label', options.title).attr('aria-rowcount', rows).attr('aria-colcount', cols);
    else grid.attr('role', null).attr('aria-label', null);
    const rowGroups = grid.selectAll<SVGGElement, number[]>('g').data(values).join('g')
      .attr('role', options.focusable ? 'row' : null);
    rowGroups.selectAll<SVGRectElement, number>('rect')
      .data((row, i) => row.map((value, j) => ({ value, i, j })))
      .join('rect')
      .attr('class', 'rb-heatmap-cell')
      .attr('x', (c) => c.j * cellWidth).attr('y', (c) => c.i * cellHeight)
      .attr('width', cellWidth - gap).attr('height', cellHeight - gap)
      .style('fill', (c) => tintFill(cellTint(c.value, domain, scheme)))
      .attr('data-row', (c) => c.i).attr('data-col', (c) => c.j)
      .attr('role', options.focusable ? 'gridcell' : null)
      .attr('aria-label', options.focusable ? (c) => `${label(c.i, c.j)}: ${format(c.value)}` : null);
    if (options.focusable) moveFocus(focus.row, focus.col);
    else grid.selectAll('rect').attr('tabindex', null);
    drawAxes(rows, cols, cellWidth, cellHeight, margin);
    drawLegend(showLegend, legendTop, scheme, width);
  }

  function drawAxes(rows: number, cols: number, cellWidth: number, cellHeight: number, margin: typeof AXES): void {
    axes.selectAll('*').remove();
    if (!options.axes) return;
    const text = (x: number, y: number, content: string, anchor: string) => axes.append('text')
      .attr('x', x).attr('y', y).attr('text-anchor', anchor).text(content);
    for (const i of tickIndices(rows, cellHeight)) {
      text(margin.left - 6, margin.top + (i + 0.5) * cellHeight + 4, String(i + 1), 'end');
    }
    for (const j of tickIndices(cols, cellWidth)) {
      text(margin.left + (j + 0.5) * cellWidth, margin.top + rows * cellHeight + 15, String(j + 1), 'middle');
    }
    text(10, margin.top + (rows * cellHeight) / 2 + 4, options.axes.rows, 'middle').attr('class', 'rb-plot-label');
    text(margin.left + (cols * cellWidth) / 2, margin.top + rows * cellHeight + 34, options.axes.cols, 'middle').attr('class', 'rb-plot-label');
  }

  function drawLegend(show: boolean, top: number, scheme: ColourScheme, width: number): void {
    legend.selectAll('*').remove();
    if (!show) return;
    const [lo, hi] = domain;
    const left = Math.min(options.axes ? AXES.left : 0, Math.max(0, width - LEGEND_STEPS * SWATCH.width - 16));
    const g = legend.attr('transform', `translate(${left}, ${top})`);
    let y = 0;
    if (options.legendTitle) {
      g.append('text').attr('class', 'rb-plot-label').attr('y', 12).text(options.legendTitle);
      y = 18;
    }
    for (let s = 0; s < LEGEND_STEPS; s++) {
      const v = lo + ((hi - lo) * s) / (LEGEND_STEPS - 1);
      g.append('rect').attr('x', s * SWATCH.width).attr('y', y).attr('width', SWATCH.width).attr('height', SWATCH.height)
        .attr('stroke', 'var(--rb-border)').style('fill', tintFill(cellTint(v, domain, scheme)));
    }
    const end = LEGEND_STEPS * SWATCH.width;
    const middle = scheme === 'diverging' ? 0 : (lo + hi) / 2;
    const labels: [number, string, string][] = [[0, format(lo), 'start'], [end / 2, format(middle), 'middle'], [end, format(hi), 'end']];
    for (const [x, text, anchor] of labels) {
      g.append('text').attr('x', x).attr('y', y + SWATCH.height + 15).attr('text-anchor', anchor).attr('class', 'rb-plot-label').text(text);
    }
  }

  draw();
  fitWidth(svg.node()!, draw);
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


/**
 * Which of n rows or columns (0-based) get an index label, when each is `size` px: all of them if they
 * are far enough apart, else the first and every multiple of a power-of-two step (1, 8, 16, ... 64).
 */
export function tickIndices(n: number, size: number): number[] {
  if (n <= 0) return [];
  let step = 1;
  while (step * size < TICK_SPACING && step < n) step *= 2;
  if (step === 1) return Array.from({ length: n }, (_, i) => i);
  const ticks = [0];
  for (let k = step; k <= n; k += step) if ((k - 1) * size >= TICK_SPACING / 2 + size) ticks.push(k - 1);
  return ticks;
}
