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

  /**
   * Builds the widget once, in its language: at once when the catalogue is loaded (always for English), else when
   * it arrives, the server-rendered fallback staying until then. Later connections (a move in the DOM) do nothing.
   */
  protected startTranslated(build: () => void): void {
    if (this.started) return;
    this.started = true;
    withTranslator(this, (t) => {
      this.t = t;
      build();
    });
  }

  /** Inputs and the figures on show, as plain JSON: the URL, embed code, postMessage and tests read this. */
  get state(): State {
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
    start();
  }, { rootMargin: '100% 0px' });
  observer.observe(el);
}

/** Work waiting for an idle moment, in page order; see whenNearViewOrIdle. */
const idleQueue: (() => void)[] = [];

/**
 * Calls `start` once: when the element comes near the viewport (whenNearView), or else when the page is idle,
 * one element per idle period. Below-the-fold parts (cells, exercises) then add no long task as a lesson
 * opens, and are all ready, for the keyboard too, soon after.
 */
export function whenNearViewOrIdle(el: Element, start: () => void): void {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start();
  };
  whenNearView(el, once);
  if (idleQueue.push(once) > 1) return;
  const idle = window.requestIdleCallback ?? ((f: IdleRequestCallback) => setTimeout(() => f({ didTimeout: true, timeRemaining: () => 8 }), 50));
  // One element a callback, even with time to spare: each swap re-lays out the page, so two in a row would
  // make one long task of two layouts.
  const work = () => {
    idleQueue.shift()?.();
    if (idleQueue.length > 0) idle(work);
  };
  idle(work);
}
