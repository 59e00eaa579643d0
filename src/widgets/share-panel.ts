import { h, uniqueId } from './dom';
import { defineWidget } from './widget-element';
import { widgetCatalogue } from './catalogue';
import { readEmbedQuery } from './embed-query';
import { lessonLink, embedUrl, iframeSnippet } from './share-links';
import { withTranslator, type Translate } from '../i18n/translate';

/**
 * `<rankbook-share widget="rank-explorer" frame="rank-explorer" root="/">` inside a lesson's widget frame:
 * a "Share / Embed" panel with a link to the lesson in the widget's current state and an iframe snippet
 * of its embed page, each copied with one click.
 */
class SharePanel extends HTMLElement {
  private fields: { link: HTMLInputElement; snippet: HTMLTextAreaElement } | null = null;
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    withTranslator(this, (t) => this.build(t));
  }

  private build(t: Translate): void {
    const entry = widgetCatalogue[this.getAttribute('widget') ?? ''];
    const target = this.closest('figure')?.querySelector<HTMLElement & { state?: object }>(entry?.tag ?? 'none');
    if (!entry || !target) return;
    const linkId = uniqueId('share-link');
    const snippetId = uniqueId('share-snippet');
    const status = h('p', { class: 'rb-note', 'aria-live': 'polite' });
    const link = h('input', { id: linkId, type: 'text', readOnly: true, class: 'rb-share-field' });
    const snippet = h('textarea', { id: snippetId, readOnly: true, rows: 4, class: 'rb-share-field' });
    this.fields = { link, snippet };
    const copy = (field: HTMLInputElement | HTMLTextAreaElement, copied: string, selected: string) => async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        status.textContent = copied;
      } catch {
        field.select();
        status.textContent = selected;
      }
    };
    const details = h('details', { class: 'rb-share' },
      h('summary', {}, t('share.summary')),
      h('label', { for: linkId }, t('share.linkLabel')),
      h('div', { class: 'rb-row' }, link, h('button', { type: 'button',
        onclick: copy(link, t('share.linkCopied'), t('share.linkSelected')) }, t('share.copyLink'))),
      h('label', { for: snippetId }, t('share.snippetLabel')),
      snippet,
      h('div', { class: 'rb-row' }, h('button', { type: 'button',
        onclick: copy(snippet, t('share.snippetCopied'), t('share.snippetSelected')) }, t('share.copySnippet'))),
      status);
    const refresh = () => {
      if (!details.open || !target.state) return;
      const state = target.state as Record<string, unknown>;
      const frame = this.getAttribute('frame') ?? '';
      const root = new URL(this.getAttribute('root') ?? '/', location.href).toString();
      link.value = lessonLink(location.href, frame, entry, state);
      snippet.value = iframeSnippet(embedUrl(root, this.getAttribute('widget')!, entry, state), entry);
    };
    details.addEventListener('toggle', refresh);
    target.addEventListener('change', refresh);
    this.replaceChildren(details);
  }
}

defineWidget('rankbook-share', SharePanel);

/**
 * On a lesson page, reopens widgets from a shared link: `?FRAME.NAME=value` sets input NAME of the widget
 * in the frame with id FRAME, checked exactly as an embed page checks its query.
 */
export function applySharedState(): void {
  const query = new URLSearchParams(location.search);
  for (const frame of document.querySelectorAll<HTMLElement>('figure[data-widget][id]')) {
    const entry = widgetCatalogue[frame.dataset.widget ?? ''];
    const prefix = `${frame.id}.`;
    const own = new URLSearchParams([...query].filter(([name]) => name.startsWith(prefix)).map(([n, v]) => [n.slice(prefix.length), v]));
    if (!entry || [...own].length === 0) continue;
    const element = frame.querySelector(entry.tag);
    const settings = readEmbedQuery(entry, own);
    for (const [name, value] of settings.attributes) element?.setAttribute(name, value);
    // What the link asked for but could not be used as given (a value clamped into range, an unknown name) is
    // said above the widget, as an embed page says it, rather than changed silently.
    if (element && settings.notes.length > 0) {
      element.before(Object.assign(document.createElement('p'), { className: 'rb-note', textContent: `From the link: ${settings.notes.slice(0, 6).join(' ')}` }));
    }
  }
}
