import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { line } from 'd3-shape';
import { axisBottom, axisLeft } from 'd3-axis';
import { extent } from 'd3-array';
import { svgFrame, setTitle, resize, type Svg } from './svg-frame';
import { chooseYScale, formatNumber, formatLogTick, plotColours, seriesDashes } from './scales';

/** One line: a label for the legend and (x, y) points in x order. */
export interface LineSeries {
  label: string;
  points: ReadonlyArray<readonly [number, number]>;
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
  /** Size in SVG units; the SVG scales to its container's width. Default 560 × 300. */
  width?: number;
  height?: number;
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

const MARGIN = { top: 30, right: 16, bottom: 44, left: 60 };

/**
 * One or more series against a shared x axis, linear or log y, SVG only. Series differ by colour and
 * dash pattern; a legend names them; a log y axis drops points at or below zero rather than failing.
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
      marker.append('text').attr('class', 'rb-plot-label').attr('x', mx).attr('y', -4)
        .attr('text-anchor', mx > innerWidth * 0.7 ? 'end' : 'start').text(m.label);
    }
  }

  function draw(): void {
    const width = options.width ?? 560;
    const height = options.height ?? 300;
    const inner = { w: width - MARGIN.left - MARGIN.right, h: height - MARGIN.top - MARGIN.bottom };
    resize(svg, width, height);
    setTitle(svg, options.title, options.description);
    const allY = series.flatMap((s) => s.points.map((p) => p[1]));
    kind = !options.yScale || options.yScale === 'auto' ? chooseYScale(allY) : options.yScale;
    const usable = (p: readonly [number, number]) => Number.isFinite(p[0]) && Number.isFinite(p[1]) && (kind === 'linear' || p[1] > 0);

    const xs = extent(series.flatMap((s) => s.points.filter(usable).map((p) => p[0])));
    const x = scaleLinear().domain(options.xDomain ?? (xs[0] === undefined ? [0, 1] : widen(xs as [number, number]))).range([0, inner.w]);
    const ys = extent(allY.filter((v) => Number.isFinite(v) && (kind === 'linear' || v > 0)));
    const yDefault: [number, number] = ys[0] === undefined ? (kind === 'log' ? [1, 10] : [0, 1]) : widen(ys as [number, number]);
    const y: ScaleContinuousNumeric<number, number> = (kind === 'log' ? scaleLog() : scaleLinear())
      .domain(options.yDomain ?? yDefault).range([inner.h, 0]);
    if (!options.yDomain) y.nice();

    const formatX = options.formatX ?? ((v: number) => formatNumber(v));
    let yTicks = y.ticks(kind === 'log' ? 10 : 5);
    let formatY = options.formatY ?? (kind === 'log' ? formatLogTick : (v: number) => formatNumber(v));
    // Fewer than two decades on a forced log axis leaves too few powers of ten to label: label them all.
    if (kind === 'log' && !options.formatY && yTicks.filter((t) => formatLogTick(t) !== '').length < 2) {
      yTicks = y.ticks(4);
      formatY = (v: number) => formatNumber(v);
    }
    const plot = `translate(${MARGIN.left},${MARGIN.top})`;
    xAxis.attr('transform', `translate(${MARGIN.left},${MARGIN.top + inner.h})`)
      .call(axisBottom(x).ticks(Math.max(2, Math.floor(inner.w / 80))).tickFormat((v) => formatX(Number(v))));
    yAxis.attr('transform', plot).call(axisLeft(y).tickValues(yTicks).tickFormat((v) => formatY(Number(v))));
    // Grid lines only at labelled ticks: a log axis's unlabelled 2, 3, ... 9 ticks would crowd the plot.
    gridLines.attr('transform', plot).selectAll('line').data(yTicks.filter((t) => formatY(t) !== '')).join('line')
      .attr('x2', inner.w).attr('y1', (t) => y(t)).attr('y2', (t) => y(t));

    const path = line<readonly [number, number]>().defined(usable).x((p) => x(p[0])).y((p) => y(p[1]));
    const colour = (i: number) => plotColours.series[i % plotColours.series.length];
    const dash = (i: number) => seriesDashes[i % seriesDashes.length] || null;
    const groups = lines.attr('transform', plot).selectAll<SVGGElement, LineSeries>('g').data(series).join('g');
    groups.selectAll('path').data((s, i) => [{ s, i }]).join('path')
      .attr('fill', 'none').attr('stroke-width', 2).attr('stroke', (d) => colour(d.i)).attr('stroke-dasharray', (d) => dash(d.i))
      .attr('d', (d) => path(d.s.points) ?? '');
    groups.selectAll('circle').data((s, i) => (options.dots ? s.points.filter(usable).map((p) => ({ p, i })) : []))
      .join('circle').attr('r', 3).attr('fill', (d) => colour(d.i)).attr('cx', (d) => x(d.p[0])).attr('cy', (d) => y(d.p[1]));

    placed = { x, innerWidth: inner.w, innerHeight: inner.h, plot };
    drawMarker();
    legend.selectAll('*').remove();
    let lx = MARGIN.left;
    series.forEach((s, i) => {
      const item = legend.append('g').attr('transform', `translate(${lx}, 12)`);
      item.append('line').attr('x2', 22).attr('stroke', colour(i)).attr('stroke-width', 2).attr('stroke-dasharray', dash(i));
      item.append('text').attr('class', 'rb-plot-label').attr('x', 28).attr('y', 4).text(s.label);
      lx += 40 + 7 * s.label.length;
    });
    xTitle.attr('x', MARGIN.left + inner.w / 2).attr('y', height - 6).text(options.xLabel);
    yTitle.attr('transform', `translate(14, ${MARGIN.top + inner.h / 2}) rotate(-90)`).text(options.yLabel);
  }

  draw();
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
