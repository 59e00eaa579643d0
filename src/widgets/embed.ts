import { widgetCatalogue } from './catalogue';
import { readEmbedQuery } from './embed-query';
import { withTranslator, type MessageKey } from '../i18n/translate';

/** Messages an embed page posts to the page around its iframe. */
export const HEIGHT_MESSAGE = 'rankbook:height';
export const CHANGE_MESSAGE = 'rankbook:change';
/** The heights a host page accepts from an embed, in CSS pixels: anything outside is clamped to this range. */
export const FRAME_HEIGHT = { min: 100, max: 8000 } as const;

/**
 * The height the embed's content needs: the bottom of its main element, margin included. Not
 * documentElement.scrollHeight, which never drops below the iframe's own height, so a frame could only grow.
 */
export function contentHeight(main: HTMLElement): number {
  const margin = parseFloat(getComputedStyle(main).marginBottom) || 0;
  return Math.ceil(main.getBoundingClientRect().bottom + window.scrollY + margin);
}

/** Each widget's title in the catalogue: an embed page is built in English and retitled in the lang= language. */
const TITLES: Record<string, MessageKey> = {
  'rank-explorer': 'rankExplorer.title', 'rank-geometry': 'geometry.title', 'factor-shapes': 'factorShapes.title',
  'svd-compressor': 'svd.title', 'lora-anatomy': 'loraAnatomy.title', 'lora-bypass': 'loraBypass.title',
  'lora-trainer': 'trainer.title', 'subspace-overlap': 'subspace.title', 'delta-w': 'deltaW.title', 'rank-sweep': 'rankSweep.title',
};

/** The frame's caption, the page's heading and its tab title in the page's language (the credit line stays English). */
function retitle(host: HTMLElement, key: MessageKey): void {
  withTranslator(document.documentElement, (t, lang) => {
    if (lang === 'en') return;
    const title = t(key);
    host.querySelector('.rb-frame-title')?.replaceChildren(title);
    const heading = host.querySelector('h1');
    if (heading) Object.assign(heading, { textContent: title, lang });
    host.setAttribute('aria-label', title);
    document.title = `${title} · Rankbook`;
  });
}

/**
 * Runs on an embed page: applies the query's validated settings to the widget, hides the controls named
 * in `hide=`, sets the theme, notes what it ignored, and tells the host page its height and state.
 */
export function startEmbedPage(): void {
  const host = document.querySelector<HTMLElement>('[data-embed-widget]');
  const entry = host && widgetCatalogue[host.dataset.embedWidget ?? ''];
  if (!host || !entry) return;
  const element = host.querySelector<HTMLElement>(entry.tag);
  const settings = readEmbedQuery(entry, new URLSearchParams(location.search));
  if (settings.theme) document.documentElement.dataset.theme = settings.theme;
  // The layout's head script set <html lang> before any widget started (widgets read it once, as they start).
  if (settings.lang) document.documentElement.lang = settings.lang;
  const titleKey = TITLES[host.dataset.embedWidget ?? ''];
  if (titleKey) retitle(host, titleKey);
  for (const [name, value] of settings.attributes) element?.setAttribute(name, value);
  // Control names come from the catalogue, never from the URL as typed, so they are safe in a selector.
  const hidden = settings.hide.map((name) => `[data-control="${name}"]`).join(',');
  if (hidden) document.head.append(Object.assign(document.createElement('style'), { textContent: `${hidden}{display:none!important}` }));
  const note = host.querySelector<HTMLElement>('[data-embed-note]');
  // In the widget's language: the notes are read again once its catalogue is here.
  if (note && settings.notes.length > 0) {
    withTranslator(document.documentElement, (t, lang) => {
      const notes = readEmbedQuery(entry, new URLSearchParams(location.search), t).notes;
      note.lang = lang;
      note.textContent = t('embed.note', { notes: notes.slice(0, 6).join(' ') });
      note.hidden = false;
    });
  }
  const toParent = (message: object) => {
    if (window.parent !== window) window.parent.postMessage(message, '*');
  };
  const widget = host.dataset.embedWidget;
  new ResizeObserver(() => toParent({ type: HEIGHT_MESSAGE, widget, height: contentHeight(host) })).observe(host);
  // Only the widget's own change leaves the frame, with its state: a control's native `change` bubbles up
  // through the element too, and carries nothing.
  element?.addEventListener('change', (event) => {
    if (event.target !== element) return;
    const state = (element as HTMLElement & { state?: object }).state;
    if (state) toParent({ type: CHANGE_MESSAGE, widget, state });
  });
}
