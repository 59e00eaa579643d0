import { widgetCatalogue } from './catalogue';
import { readEmbedQuery } from './embed-query';

/** Messages an embed page posts to the page around its iframe. */
export const HEIGHT_MESSAGE = 'rankbook:height';
export const CHANGE_MESSAGE = 'rankbook:change';

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
  for (const [name, value] of settings.attributes) element?.setAttribute(name, value);
  // Control names come from the catalogue, never from the URL as typed, so they are safe in a selector.
  const hidden = settings.hide.map((name) => `[data-control="${name}"]`).join(',');
  if (hidden) document.head.append(Object.assign(document.createElement('style'), { textContent: `${hidden}{display:none!important}` }));
  const note = host.querySelector<HTMLElement>('[data-embed-note]');
  if (note && settings.notes.length > 0) {
    note.textContent = `Note: ${settings.notes.slice(0, 6).join(' ')}`;
    note.hidden = false;
  }
  const toParent = (message: object) => {
    if (window.parent !== window) window.parent.postMessage(message, '*');
  };
  const widget = host.dataset.embedWidget;
  new ResizeObserver(() => toParent({ type: HEIGHT_MESSAGE, widget, height: Math.ceil(document.documentElement.scrollHeight) }))
    .observe(document.body);
  element?.addEventListener('change', (event) => toParent({ type: CHANGE_MESSAGE, widget, state: (event as CustomEvent).detail }));
}
