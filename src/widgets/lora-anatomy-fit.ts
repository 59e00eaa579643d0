import { scaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import { sizePixelSvg, type PixelSvg } from './pixel-svg';
import { localeValue } from '../i18n/numbers';
import type { Translate } from '../i18n/translate';

/** Bars drawn at most: past this the singular values are summarised in words. */
export const BARS_MAX = 32;

export interface FitPicture {
  /** (step, relative error) after each batch of steps, the first at step 0 with error 1. */
  history: [number, number][];
  /** The best relative error any rank-r Delta W can reach (Eckart-Young). */
  floor: number;
  /** Delta W's singular values, largest first (may be shorter than min(d, k): the rest are zero). */
  sigma: number[];
  /** The target's singular values. */
  target: number[];
  r: number;
  /** min(d, k): how many singular values a d x k matrix has. */
  full: number;
}

/**
 * Two small charts side by side (stacked below 560 px): the fit's relative error against steps, with the best
 * a rank-r matrix can do dashed; and Delta W's singular values as bars beside the target's as ticks, with a line
 * after the r-th: every bar past it is zero. In CSS pixels, text at 12-13 px.
 */
export function drawFit(svg: PixelSvg, fit: FitPicture, areaWidth: number, t: Translate): void {
  const format = (x: number, digits = 3) => localeValue(t.lang, x, digits);
  const width = Math.min(areaWidth, 720);
  const stacked = width < 560;
  const panelW = stacked ? width : (width - 24) / 2;
  const panelH = 170;
  const height = stacked ? 2 * panelH + 24 : panelH;
  sizePixelSvg(svg, width, height);
  svg.selectAll('g').remove();
  const margin = { left: 44, right: 10, top: 22, bottom: 34 };

  // Relative error against steps.
  const loss = svg.append('g') as unknown as Group;
  const lastStep = Math.max(10, ...fit.history.map(([s]) => s));
  const x = scaleLinear().domain([0, lastStep]).range([margin.left, panelW - margin.right]);
  const y = scaleLinear().domain([0, 1.05]).range([panelH - margin.bottom, margin.top]);
  axes(loss, x, y, panelW, panelH, margin, t('loraAnatomy.axisSteps'), [0, 0.5, 1], format);
  loss.append('text').attr('x', margin.left).attr('y', 14).text(t('loraAnatomy.axisError'));
  if (fit.floor > 0.005) {
    loss.append('line').attr('class', 'rb-fit-floor').attr('x1', x(0)).attr('x2', x(lastStep)).attr('y1', y(fit.floor)).attr('y2', y(fit.floor));
    loss.append('text').attr('class', 'rb-picture-muted').attr('x', x(lastStep)).attr('y', y(fit.floor) - 5).attr('text-anchor', 'end')
      .text(t('loraAnatomy.bestAt', { r: fit.r, floor: format(fit.floor, 2) }));
  }
  loss.append('polyline').attr('class', 'rb-fit-loss').attr('fill', 'none')
    .attr('points', fit.history.map(([s, e]) => `${x(s)},${y(Math.min(1.05, e))}`).join(' '));

  // Singular values.
  const bars = svg.append('g').attr('transform', stacked ? `translate(0, ${panelH + 24})` : `translate(${panelW + 24}, 0)`) as unknown as Group;
  const count = Math.min(fit.full, BARS_MAX);
  const top = Math.max(fit.target[0] ?? 1, fit.sigma[0] ?? 0) * 1.1;
  const bx = scaleLinear().domain([0, count]).range([margin.left, panelW - margin.right]);
  const by = scaleLinear().domain([0, top]).range([panelH - margin.bottom, margin.top]);
  axes(bars, bx, by, panelW, panelH, margin, 'i', [0, top / 2, top].map((v) => Number(v.toPrecision(2))), format, count);
  bars.append('text').attr('x', margin.left).attr('y', 14).text(t('loraAnatomy.barsTitle'));
  const w = Math.max(1, (bx(1) - bx(0)) * 0.7);
  for (let i = 0; i < count; i++) {
    const s = fit.sigma[i] ?? 0;
    bars.append('rect').attr('class', 'rb-fit-bar').attr('x', bx(i + 0.5) - w / 2).attr('width', w)
      .attr('y', by(s)).attr('height', Math.max(0, by(0) - by(s)));
    const t = fit.target[i];
    if (t !== undefined) {
      bars.append('line').attr('class', 'rb-fit-target').attr('x1', bx(i + 0.5) - w / 2 - 2).attr('x2', bx(i + 0.5) + w / 2 + 2)
        .attr('y1', by(t)).attr('y2', by(t));
    }
  }
  if (fit.r < count) {
    bars.append('line').attr('class', 'rb-fit-r').attr('x1', bx(fit.r)).attr('x2', bx(fit.r)).attr('y1', margin.top).attr('y2', by(0));
    bars.append('text').attr('x', bx(fit.r) + 4).attr('y', margin.top + 12).text(t('loraAnatomy.zeroPastR', { r: fit.r }));
  }
}

type Scale = ReturnType<typeof scaleLinear<number, number>>;
type Group = Selection<SVGGElement, undefined, null, undefined>;

/** Two axis lines, a few y ticks with their values and the x axis's name, all at 12 px or more. */
function axes(g: Group, x: Scale, y: Scale, width: number, height: number, margin: { left: number; bottom: number }, xName: string, yTicks: number[], format: (x: number, digits?: number) => string, xMax?: number): void {
  g.append('line').attr('class', 'rb-fit-axis').attr('x1', margin.left).attr('x2', width - 10).attr('y1', y(0)).attr('y2', y(0));
  g.append('line').attr('class', 'rb-fit-axis').attr('x1', margin.left).attr('x2', margin.left).attr('y1', y(0)).attr('y2', y(y.domain()[1]));
  for (const t of yTicks) {
    g.append('text').attr('class', 'rb-picture-muted').attr('x', margin.left - 6).attr('y', y(t)).attr('text-anchor', 'end')
      .attr('dominant-baseline', 'middle').text(format(t, 2));
  }
  const [, last] = x.domain();
  g.append('text').attr('class', 'rb-picture-muted').attr('x', x(0)).attr('y', height - margin.bottom + 16).attr('text-anchor', 'start').text(xMax ? '1' : '0');
  g.append('text').attr('class', 'rb-picture-muted').attr('x', x(last)).attr('y', height - margin.bottom + 16).attr('text-anchor', 'end').text(format(xMax ?? last));
  g.append('text').attr('class', 'rb-picture-muted').attr('x', (x(0) + x(last)) / 2).attr('y', height - 4).attr('text-anchor', 'middle').text(xName);
}
