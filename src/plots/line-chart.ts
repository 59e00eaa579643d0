import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { line } from 'd3-shape';
import { axisBottom, axisLeft } from 'd3-axis';
import { extent } from 'd3-array';
import { svgFrame, setTitle, resize, textWidth, type Svg } from './svg-frame';
import { fitWidth, measuredWidth } from './fit-width';
import { chooseYScale, logTickFormat, plotColours, seriesDashes } from './scales';
import { localeValue } from '../i18n/numbers';

/** One line: a label for the legend and (x, y) points in x order. */
export interface LineSeries {
  label: string;
  points: ReadonlyArray<readonly [number, number]>;
  /** A colour for this line where its label names one (σ of the red channel); by default the series palette. */
  colour?: string;
}

export interface LineChartOptions {
  /** Names the chart (the SVG's <title>). */
  title: string;
  /** Says what it shows, ideally with the numbers that matter (the SVG's <desc>). */
  description: string;
  xLabel: string;
  yLabel: string;
  /** 'auto' (default) picks log when all y > 0 and they span two or more decades (chooseYScale). */
  yScale?: 'linear' | 'log' | 'auto';
  /** Fixed axis ranges; by default the data's extent (y made "nice"). */
  xDomain?: [number, number];
  yDomain?: [number, number];
  /** A dashed vertical line with a label, e.g. the chosen rank or the current training step. */
  marker?: { x: number; label: string } | null;
  /** Height of the plot in CSS pixels (default 300). The width is the width CSS gives the SVG, measured. */
  height?: number;
  /** The width drawn at before the SVG is on screen and measured (default 560). */
  width?: number;
  /** The language tick labels are written in (separators: 10,000 or 10.000); default 'en'. */
  lang?: string;
  formatX?: (value: number) => string;
  formatY?: (value: number) => string;
  /** Draw a dot at each point too (for short series). */
  dots?: boolean;
}

export interface LineChart {
  element: SVGSVGElement;
  /** Redraws with new series and, optionally, changed options (a moved marker, a new title). */
  update(series: LineSeries[], changes?: Partial<LineChartOptions>): void;
  /** Moves only the marker (and, optionally, rewrites the description): cheap enough for every slider step. */
  setMarker(marker: LineChartOptions['marker'], description?: string): void;
  /** The y scale in use after 'auto' was resolved. */
  readonly yScale: 'linear' | 'log';
}

const MARGIN = { right: 16, bottom: 46, left: 60 };
/** Height of a legend row and of the marker's label row above the plot. */
const ROW = 18;

/**
 * One or more series against a shared x axis, linear or log y, SVG only. Series differ by colour and
 * dash pattern; a legend names them; a log y axis drops points at or below zero rather than failing.
 * Laid out in CSS pixels at the SVG's measured width: the legend wraps into rows and the marker's label
 * gets a row of its own above the plot, so nothing overlaps on a phone.
 */
export function lineChart(initial: LineSeries[], initialOptions: LineChartOptions): LineChart {
  let options = { ...initialOptions };
  let series = initial;
  let kind: 'linear' | 'log' = 'linear';
  const svg: Svg = svgFrame(1, 1, options.title, options.description);
  svg.classed('rb-line-chart', true);
  const gridLines = svg.append('g').attr('class', 'rb-plot-grid').attr('aria-hidden', 'true');
  const xAxis = svg.append('g').attr('class', 'rb-plot-axis');
  const yAxis = svg.append('g').attr('class', 'rb-plot-axis');
  const lines = svg.append('g').attr('class', 'rb-plot-lines');
  const marker = svg.append('g').attr('class', 'rb-plot-marker');
  const legend = svg.append('g').attr('class', 'rb-plot-legend');
  const xTitle = svg.append('text').attr('class', 'rb-plot-label').attr('text-anchor', 'middle');
  const yTitle = svg.append('text').attr('class', 'rb-plot-label').attr('text-anchor', 'middle');

  const colour = (i: number) => series[i]?.colour ?? plotColours.series[i % plotColours.series.length];
  const dash = (i: number) => seriesDashes[i % seriesDashes.length] || null;
  // Where the last full draw put things, so the marker can move without redrawing the lines.
  let placed: { x: (v: number) => number; innerWidth: number; innerHeight: number; plot: string } | null = null;

  function drawMarker(): void {
    if (!placed) return;
    const { x, innerWidth, innerHeight, plot } = placed;
    marker.attr('transform', plot).selectAll('*').remove();
    const m = options.marker;
    if (m && Number.isFinite(m.x)) {
      const mx = x(m.x);
      marker.append('line').attr('x1', mx).attr('x2', mx).attr('y2', innerHeight).attr('stroke-dasharray', '4 3');
      marker.append('text').attr('class', 'rb-plot-label').attr('x', mx).attr('y', -6)
        .attr('text-anchor', mx > innerWidth * 0.7 ? 'end' : 'start').text(m.label);
    }
  }

  function draw(): void {
    const width = measuredWidth(svg.node()!, options.width ?? 560);
    const height = options.height ?? 300;
    setTitle(svg, options.title, options.description);
    const legendRows = drawLegend(width);
    const top = legendRows * ROW + ROW + 6; // the legend, then a row for the marker's label
    const innerHeight = Math.max(60, height - top - MARGIN.bottom);
    resize(svg, width, top + innerHeight + MARGIN.bottom);
    const allY = series.flatMap((s) => s.points.map((p) => p[1]));
    kind = !options.yScale || options.yScale === 'auto' ? chooseYScale(allY) : options.yScale;
    const usable = (p: readonly [number, number]) => Number.isFinite(p[0]) && Number.isFinite(p[1]) && (kind === 'linear' || p[1] > 0);

    const ys = extent(allY.filter((v) => Number.isFinite(v) && (kind === 'linear' || v > 0)));
    const yDefault: [number, number] = ys[0] === undefined ? (kind === 'log' ? [1, 10] : [0, 1]) : widen(ys as [number, number]);
    const y: ScaleContinuousNumeric<number, number> = (kind === 'log' ? scaleLog() : scaleLinear())
      .domain(options.yDomain ?? yDefault).range([innerHeight, 0]);
    if (!options.yDomain) y.nice();

    const lang = options.lang ?? 'en';
    const plain = (v: number) => localeValue(lang, v);
    const formatX = options.formatX ?? plain;
    let yTicks = y.ticks(kind === 'log' ? 10 : 5);
    const logTick = logTickFormat(yTicks, lang);
    let formatY = options.formatY ?? (kind === 'log' ? logTick : plain);
    // Fewer than two decades on a forced log axis leaves too few powers of ten to label: label them all.
    if (kind === 'log' && !options.formatY && yTicks.filter((t) => logTick(t) !== '').length < 2) {
      yTicks = y.ticks(4);
      formatY = plain;
    }
    // Room on the left for the longest y tick label (12 px text) and the rotated y axis title.
    const left = Math.max(MARGIN.left - 12, 36 + 7 * Math.max(0, ...yTicks.map((t) => formatY(t).length)));
    const inner = { w: Math.max(40, width - left - MARGIN.right), h: innerHeight };
    const xs = extent(series.flatMap((s) => s.points.filter(usable).map((p) => p[0])));
    const x = scaleLinear().domain(options.xDomain ?? (xs[0] === undefined ? [0, 1] : widen(xs as [number, number]))).range([0, inner.w]);
    const plot = `translate(${left},${top})`;
    xAxis.attr('transform', `translate(${left},${top + inner.h})`)
      .call(axisBottom(x).ticks(Math.max(2, Math.floor(inner.w / 70))).tickFormat((v) => formatX(Number(v))));
    yAxis.attr('transform', plot).call(axisLeft(y).tickValues(yTicks).tickFormat((v) => formatY(Number(v))));
    // Grid lines only at labelled ticks: a log axis's unlabelled 2, 3, ... 9 ticks would crowd the plot.
    gridLines.attr('transform', plot).selectAll('line').data(yTicks.filter((t) => formatY(t) !== '')).join('line')
      .attr('x2', inner.w).attr('y1', (t) => y(t)).attr('y2', (t) => y(t));

    const path = line<readonly [number, number]>().defined(usable).x((p) => x(p[0])).y((p) => y(p[1]));
    const groups = lines.attr('transform', plot).selectAll<SVGGElement, LineSeries>('g').data(series).join('g');
    groups.selectAll('path').data((s, i) => [{ s, i }]).join('path')
      .attr('fill', 'none').attr('stroke-width', 2).attr('stroke', (d) => colour(d.i)).attr('stroke-dasharray', (d) => dash(d.i))
      .attr('d', (d) => path(d.s.points) ?? '');
    groups.selectAll('circle').data((s, i) => (options.dots ? s.points.filter(usable).map((p) => ({ p, i })) : []))
      .join('circle').attr('r', 3).attr('fill', (d) => colour(d.i)).attr('cx', (d) => x(d.p[0])).attr('cy', (d) => y(d.p[1]));

    placed = { x, innerWidth: inner.w, innerHeight: inner.h, plot };
    drawMarker();
    xTitle.attr('x', left + inner.w / 2).attr('y', top + inner.h + MARGIN.bottom - 8).text(options.xLabel);
    yTitle.attr('transform', `translate(14, ${top + inner.h / 2}) rotate(-90)`).text(options.yLabel);
  }

  /** The legend across the top, wrapping onto new rows as the width runs out; returns how many rows. */
  function drawLegend(width: number): number {
    legend.selectAll('*').remove();
    let x = MARGIN.left;
    let row = 0;
    series.forEach((s, i) => {
      const item = legend.append('g');
      item.append('line').attr('x2', 22).attr('stroke', colour(i)).attr('stroke-width', 2).attr('stroke-dasharray', dash(i));
      const text = item.append('text').attr('class', 'rb-plot-label').attr('x', 28).attr('y', 4).text(s.label);
      const itemWidth = 28 + textWidth(text.node()!, s.label);
      if (x > MARGIN.left && x + itemWidth > width - 4) {
        row += 1;
        x = MARGIN.left;
      }
      // A label too long even for a row of its own starts at the left edge.
      const start = x + itemWidth > width - 4 ? 4 : x;
      item.attr('transform', `translate(${start}, ${12 + row * ROW})`);
      x = start + itemWidth + 18;
    });
    return series.length ? row + 1 : 0;
  }

  draw();
  fitWidth(svg.node()!, draw);
  return {
    element: svg.node()!,
    update(next, changes = {}) {
      series = next;
      options = { ...options, ...changes };
      draw();
    },
    setMarker(next, description) {
      options = { ...options, marker: next, ...(description === undefined ? {} : { description }) };
      if (description !== undefined) setTitle(svg, options.title, options.description);
      drawMarker();
    },
    get yScale() { return kind; },
  };
}

/** A one-point extent [a, a] becomes a small range around a, so the scale has room to draw. */
function widen([lo, hi]: [number, number]): [number, number] {
  if (lo !== hi) return [lo, hi];
  return lo === 0 ? [-1, 1] : [lo - Math.abs(lo) / 2, hi + Math.abs(hi) / 2];
}
