import { describe, it, expect } from 'vitest';
import { applyHeightMessage, RESIZE_SNIPPET, type EmbedFrame, type HeightEvent } from '../../../src/widgets/embed-host';
import { FRAME_HEIGHT, HEIGHT_MESSAGE } from '../../../src/widgets/embed';

const HOST = 'https://course.example.edu/week1/';
const SITE = 'https://rankbook.test';
const windowA = { name: 'frame A' };
const windowB = { name: 'frame B' };
const frames = (): EmbedFrame[] => [
  { contentWindow: windowA, src: `${SITE}/embed/rank-explorer/`, style: { height: '640px' } },
  { contentWindow: windowB, src: `${SITE}/embed/svd-compressor/`, style: { height: '900px' } },
];
const message = (height: unknown, source: unknown = windowA, origin = SITE, type = HEIGHT_MESSAGE): HeightEvent =>
  ({ data: { type, height }, source, origin });

/** The pasted snippet run against fake frames: what a host page does with it. */
function runSnippet(event: HeightEvent, list: EmbedFrame[]): void {
  const code = RESIZE_SNIPPET.replace(/^<script>/, '').replace(/<\/script>$/, '');
  let listener: ((e: HeightEvent) => void) | undefined;
  const document = { querySelectorAll: (selector: string) => (selector === 'iframe[data-rankbook]' ? list : []) };
  new Function('addEventListener', 'document', 'location', code)(
    (type: string, fn: (e: HeightEvent) => void) => { if (type === 'message') listener = fn; }, document, { href: HOST });
  listener!(event);
}

// Each case: a message, and the heights of frames A and B after it.
const cases: [string, HeightEvent, [string, string]][] = [
  ['a height from frame A, from its own origin', message(512), ['512px', '900px']],
  ['the same height claimed by another window', message(512, { name: 'stranger' }), ['640px', '900px']],
  ['frame A\'s window, but from another origin (it navigated away)', message(512, windowA, 'https://evil.test'), ['640px', '900px']],
  ['a huge height, clamped', message(1e9), [`${FRAME_HEIGHT.max}px`, '900px']],
  ['a negative height, clamped', message(-50, windowB), ['640px', `${FRAME_HEIGHT.min}px`]],
  ['a height that is not a number', message('1e9'), ['640px', '900px']],
  ['an infinite height', message(Infinity), ['640px', '900px']],
  ['another type of message', message(300, windowA, SITE, 'rankbook:change'), ['640px', '900px']],
  ['a fractional height, rounded', message(300.6, windowB), ['640px', '301px']],
];

describe('a host page applying embed heights', () => {
  it.each(cases)('applyHeightMessage: %s', (_, event, expected) => {
    const list = frames();
    applyHeightMessage(event, list, HOST);
    expect(list.map((f) => f.style.height)).toEqual(expected);
  });

  it.each(cases)('the pasted snippet: %s', (_, event, expected) => {
    const list = frames();
    runSnippet(event, list);
    expect(list.map((f) => f.style.height)).toEqual(expected);
  });

  it('accepts a frame whose src is relative to the host page', () => {
    const list: EmbedFrame[] = [{ contentWindow: windowA, src: '/embed/rank-explorer/', style: { height: '' } }];
    expect(applyHeightMessage(message(400, windowA, 'https://course.example.edu'), list, HOST)).toBe(list[0]);
    expect(list[0].style.height).toBe('400px');
  });
});
