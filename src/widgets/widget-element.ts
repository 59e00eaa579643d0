import { h } from './dom';
import { withTranslator, type Translate } from '../i18n/translate';

/**
 * What every Rankbook widget shares (DESIGN.md, widget contract): a JSON `state`, a `change` event carrying
 * it, a polite live region for results, and messages next to the control that caused them.
 */
export abstract class WidgetElement<State extends object> extends HTMLElement {
  protected abstract currentState(): State;
  private liveRegion: HTMLElement | null = null;
  /** The messages in the widget's language (its `lang`, or the page's): set before startTranslated's `build` runs. */
  protected t!: Translate;
  private started = false;
  /** Builds a lesson widget still waiting for the reader now (once; later calls do nothing). */
  private startNow: () => void = () => {};

  /**
   * Builds the widget once, in its language: at once when the catalogue is loaded (always for English), else when
   * it arrives, the server-rendered fallback staying until then. Later connections (a move in the DOM) do nothing.
   * In a lesson's text the build waits until the reader nears the widget (whenNearView): a lesson opens with its
   * words, not with the work of every figure on it. On an embed page or an instructor's page it builds at once.
   */
  protected startTranslated(build: () => void): void {
    if (this.started) return;
    this.started = true;
    const start = () => withTranslator(this, (t) => {
      this.t = t;
      build();
    });
    this.startNow = whenReaderNears(this, start);
  }

  /** Inputs and the figures on show, as plain JSON: the URL, embed code, postMessage and tests read this. */
  get state(): State {
    this.startNow(); // asked before the reader reached it (a script, a test): the widget builds first
    return structuredClone(this.currentState());
  }

  protected emitChange(): void {
    this.dispatchEvent(new CustomEvent('change', { detail: this.state, bubbles: true }));
  }

  /** A region screen readers announce; results are spoken after the reader stops typing. */
  protected createLiveRegion(): HTMLElement {
    this.liveRegion = h('p', { class: 'rb-visually-hidden', 'aria-live': 'polite', role: 'status' });
    return this.liveRegion;
  }

  protected announce(message: string): void {
    if (this.liveRegion) this.liveRegion.textContent = message;
  }

  /** For a part that reports a change with something to say or '' (the retrain panel): speak it if any, then emit. */
  protected announceAndEmit(message: string): void {
    if (message) this.announce(message);
    this.emitChange();
  }
}

/** Work waiting for the reader to near its element in a lesson (whenReaderNears), by element. */
const waiting = new Map<Element, () => void>();

const fragmentTarget = (hash = location.hash): Element | null =>
  hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;

const precedes = (el: Element, target: Element | null) =>
  target !== null && (el.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

/**
 * Calls `start` once. In a lesson's text, when the reader nears the element (whenNearView): a lesson opens with
 * its words, not with the work of every figure and cell on it. Elsewhere (an embed page, an instructor's page,
 * widgets.js on another site) at once. Returns a function that starts it now (a script asked for its state).
 * A jump to a heading below the element ("On this page", a link, a page opened at a #fragment) starts it first,
 * so that the jump lands where it points instead of being pushed down as the element grows.
 */
export function whenReaderNears(el: Element, start: () => void): () => void {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    waiting.delete(el);
    start();
  };
  if (!el.closest('.sl-markdown-content') || precedes(el, fragmentTarget())) {
    once();
    return once;
  }
  waiting.set(el, once);
  whenNearView(el, once);
  return once;
}

/**
 * Keeps a jump's target where the jump put it for a second and a half, while widgets started above it take their
 * size: a figure replaces its taller fallback a frame or two later, and the browser, clamping the scroll to the
 * shorter page, does not move the view back. Only a change of layout (the target moving in the page) is undone;
 * a scroll (the reader's, or a script's) is followed.
 */
function holdInPlace(target: Element): void {
  let inView = NaN;
  let inPage = NaN;
  let frames = 90;
  const step = () => {
    const top = target.getBoundingClientRect().top;
    if (Number.isNaN(inView)) {
      [inView, inPage] = [top, top + window.scrollY]; // where the jump landed: the first frame after the click
    } else if (Math.abs(top + window.scrollY - inPage) > 1) {
      inPage = top + window.scrollY;
      window.scrollTo(window.scrollX, inPage - inView);
    } else {
      inView = top;
    }
    if (--frames > 0) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

if (typeof document !== 'undefined') {
  document.addEventListener('click', (event) => {
    // The same links as the head script's (src/page/lesson-head.js): any that points into this page.
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a[href*="#"]');
    const target = link && link.pathname === location.pathname ? fragmentTarget(link.hash) : null;
    if (!target) return;
    const above = [...waiting].filter(([el]) => precedes(el, target));
    for (const [, start] of above) start();
    if (above.length > 0) holdInPlace(target);
  }, true);
}

/** Registers a custom element once, so a page that loads a widget module twice does not throw. */
export function defineWidget(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}

/** Shows (or clears, with '') a message in the element given, and marks the control invalid or not. */
export function setMessage(messageEl: HTMLElement, message: string, control?: HTMLElement): void {
  messageEl.textContent = message;
  messageEl.hidden = message === '';
  if (control) {
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
}

/**
 * Calls `start` once, when the element comes within a screen's height of the viewport (at once where
 * IntersectionObserver is missing). A widget that computes a lot on load, low on a long lesson, then costs the
 * page nothing until the reader scrolls towards it.
 */
export function whenNearView(el: Element, start: () => void): void {
  if (typeof IntersectionObserver === 'undefined') {
    start();
    return;
  }
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    startInItsOwnTask(start);
  }, { rootMargin: '100% 0px' });
  observer.observe(el);
}

/** Starts queued by whenNearView, run one per task. */
const queuedStarts: (() => void)[] = [];

/**
 * The browser reports every observer's entries in one task, so the figures and cells near the top of a lesson
 * would all be built in one long task as it opens; one task each lets the page answer input between them.
 */
function startInItsOwnTask(start: () => void): void {
  queuedStarts.push(start);
  if (queuedStarts.length > 1) return;
  const next = () => {
    try {
      queuedStarts[0]();
    } finally {
      queuedStarts.shift();
      if (queuedStarts.length > 0) setTimeout(next, 0);
    }
  };
  setTimeout(next, 0);
}
