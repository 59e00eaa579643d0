import type { WidgetEntry } from './catalogue';
import { RESIZE_SNIPPET } from './embed-host';

/** The widget's inputs as query pairs, read from its state (whose names match its attributes). */
export function stateToQuery(entry: WidgetEntry, state: Record<string, unknown>, prefix = ''): URLSearchParams {
  const query = new URLSearchParams();
  for (const { name } of entry.inputs) {
    const value = state[name];
    if (value === undefined || value === null) continue;
    query.set(prefix + name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return query;
}

/** A link to this lesson that reopens the widget (the frame with this id) in its current state. */
export function lessonLink(pageUrl: string, frameId: string, entry: WidgetEntry, state: Record<string, unknown>): string {
  const url = new URL(pageUrl);
  url.search = stateToQuery(entry, state, `${frameId}.`).toString();
  url.hash = frameId;
  return url.toString();
}

export function embedUrl(siteRoot: string, widget: string, entry: WidgetEntry, state: Record<string, unknown>): string {
  const url = new URL(`embed/${widget}/`, siteRoot);
  url.search = stateToQuery(entry, state).toString();
  return url.toString();
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function iframeSnippet(src: string, entry: WidgetEntry): string {
  const height = entry.embedHeight ?? 640;
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(entry.title)} · Rankbook" width="100%" height="${height}" ` +
    `style="border:0;max-width:100%" loading="lazy" data-rankbook></iframe>\n${RESIZE_SNIPPET}`;
}
