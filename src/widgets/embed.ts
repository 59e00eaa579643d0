import { widgetCatalogue, inputsFromQuery } from './catalogue';

/**
 * Runs on an embed page: copies the query's known inputs onto the widget as attributes (the widget
 * validates them like any attribute) and notes, as text, any names it does not know.
 */
export function applyEmbedQuery(): void {
  const host = document.querySelector<HTMLElement>('[data-embed-widget]');
  const widget = host && widgetCatalogue[host.dataset.embedWidget ?? ''];
  if (!host || !widget) return;
  const element = host.querySelector(widget.tag);
  const { known, unknown } = inputsFromQuery(widget, new URLSearchParams(location.search));
  for (const [name, value] of known) element?.setAttribute(name, value);
  const note = host.querySelector<HTMLElement>('[data-embed-note]');
  if (note && unknown.length > 0) {
    note.textContent = `Ignored unknown setting${unknown.length > 1 ? 's' : ''}: ${unknown.slice(0, 5).map((n) => n.slice(0, 30)).join(', ')}.`;
    note.hidden = false;
  }
}
