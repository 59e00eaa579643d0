import { svgFrame, setTitle, resize } from '../plots/svg-frame';
import { fitWidth, measuredWidth } from '../plots/fit-width';
import { localeCount, joinSentences } from '../i18n/numbers';
import type { Translate } from '../i18n/translate';

/** A rectangle in SVG units; `tooThin` says it was widened (or heightened) to the minimum to be seen. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  tooThin: boolean;
}

export interface AnatomyLayout {
  /** SVG units per matrix entry, the same for all three rectangles. */
  scale: number;
  W0: Box;
  B: Box;
  A: Box;
  width: number;
  height: number;
}

const DEFAULT_WIDTH = 640;
const MAX_DRAWING = 240; // tallest or widest a matrix may be drawn
const TOP = 26; // room for the names above the rectangles
const GAP = 44; // room for "+" and "×" between them
const MIN_SIDE = 2;

/**
 * W0 (d x k), then B (d x r), then A (r x k), side by side and to one scale: a side of n entries is
 * n * scale long. Only a side shorter than 2 units (B and A at GPT-3 size) is drawn at 2 and flagged.
 * `width` is the figure's width in CSS pixels: the labels stay 12 px, the rectangles shrink to fit.
 */
export function anatomyLayout(d: number, k: number, r: number, width = DEFAULT_WIDTH): AnatomyLayout {
  const scale = Math.max(1e-6, Math.min((width - 40 - 2 * GAP - 60) / (2 * k + r), MAX_DRAWING / d));
  const side = (n: number) => Math.max(MIN_SIDE, n * scale);
  const thin = (n: number) => n * scale < MIN_SIDE;
  const W0: Box = { x: 20, y: TOP, width: side(k), height: side(d), tooThin: thin(k) || thin(d) };
  const B: Box = { x: W0.x + W0.width + GAP, y: TOP, width: side(r), height: side(d), tooThin: thin(r) || thin(d) };
  const A: Box = { x: B.x + B.width + GAP + 20, y: TOP, width: side(k), height: side(r), tooThin: thin(r) || thin(k) };
  return { scale, W0, B, A, width, height: TOP + Math.max(W0.height, A.height + 20) + 28 };
}

/**
 * The to-scale picture of one LoRA layer as an SVG: frozen W0 in grey, trainable B and A in the accent
 * colour; B is drawn as an empty outline while it is all zeros.
 */
export function anatomyFigure(t: Translate) {
  const count = (n: number) => localeCount(t.lang, n);
  const svg = svgFrame(DEFAULT_WIDTH, 300, '', '');
  svg.classed('rb-anatomy-figure', true);
  const g = svg.append('g');
  let last: Parameters<typeof update> | null = null;
  fitWidth(svg.node()!, () => { if (last) update(...last); });

  function update(d: number, k: number, r: number, bIsZero: boolean): AnatomyLayout {
    last = [d, k, r, bIsZero];
    const layout = anatomyLayout(d, k, r, measuredWidth(svg.node()!, DEFAULT_WIDTH));
    const { W0, B, A } = layout;
    resize(svg, layout.width, layout.height);
    const description = t('loraAnatomy.figureDescription', { full: d * k, lora: r * (d + k) });
    setTitle(svg, t('loraAnatomy.figureTitle', { d, k, r }),
      joinSentences(t.lang, [description, bIsZero ? t('loraAnatomy.figureBZero') : '']));
    g.selectAll('*').remove();
    const rect = (box: Box, kind: string) => g.append('rect').attr('class', `rb-anatomy-${kind}`)
      .attr('x', box.x).attr('y', box.y).attr('width', box.width).attr('height', box.height);
    const text = (x: number, y: number, content: string, anchor = 'middle') => g.append('text')
      .attr('class', 'rb-plot-label').attr('x', x).attr('y', y).attr('text-anchor', anchor).text(content);
    rect(W0, 'frozen');
    rect(B, bIsZero ? 'zero' : 'trainable');
    rect(A, 'trainable');
    text(W0.x + W0.width / 2, TOP - 8, t('loraAnatomy.frozen'));
    text(B.x + B.width / 2, TOP - 8, bIsZero ? 'B = 0' : 'B');
    text(A.x + A.width / 2, TOP - 8, 'A');
    const middle = TOP + Math.min(W0.height, 60) / 2 + 6;
    text(W0.x + W0.width + GAP / 2, middle, '+').attr('class', 'rb-plot-label rb-anatomy-operator');
    text(B.x + B.width + GAP / 2 + 10, TOP + Math.min(A.height, 60) / 2 + 6, '×').attr('class', 'rb-plot-label rb-anatomy-operator');
    text(W0.x + W0.width / 2, W0.y + W0.height + 18, `${count(d)} × ${count(k)}`);
    // B is tall and thin: its size runs down its right-hand side.
    text(0, 0, `${count(d)} × ${count(r)}`).attr('text-anchor', 'start')
      .attr('transform', `translate(${B.x + B.width + 6}, ${B.y + 4}) rotate(90)`);
    text(A.x, A.y + A.height + 16, `${count(r)} × ${count(k)}`, 'start');
    return layout;
  }

  return { element: svg.node()!, update };
}
