/**
 * The "On this page" highlighter, in place of Starlight's own (astro.config.mjs points Starlight's import of
 * './TableOfContents/starlight-toc' here). Starlight's observes every block of the page and finds the heading
 * above each with `:has()` queries: over a lesson's thousands of KaTeX nodes that query alone is a long task as
 * the page opens, twice (desktop and mobile lists). This one observes only the headings the list links to:
 * the current section is the last heading scrolled past a line under the header, read from the observer's
 * own entries, so scrolling reads no layout either.
 */
const onIdle = (f: () => void) => (window.requestIdleCallback ? window.requestIdleCallback(f) : setTimeout(f, 1));

export class StarlightTOC extends HTMLElement {
  #current = this.querySelector<HTMLAnchorElement>('a[aria-current="true"]');

  protected set current(link: HTMLAnchorElement) {
    if (link === this.#current) return;
    this.#current?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this.#current = link;
  }

  constructor() {
    super();
    onIdle(() => this.#start());
  }

  #start(): void {
    const sections = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]
      .map((link) => ({ link, heading: document.getElementById(decodeURIComponent(link.hash.slice(1))) }))
      .filter((s): s is { link: HTMLAnchorElement; heading: HTMLElement } => s.heading !== null);
    if (sections.length === 0) return;
    const reached = new Map<Element, boolean>();
    let observer: IntersectionObserver | null = null;
    const observe = () => {
      const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
      const summary = this.querySelector('summary')?.getBoundingClientRect().height ?? 0;
      const top = header + summary + 32;
      // The observed area is everything above a line 53 px under the header (Starlight's band), however far up:
      // a heading crosses it when it scrolls past that line, either way, even in one jump.
      const line = document.documentElement.clientHeight - top - 53;
      observer = new IntersectionObserver((entries) => {
        for (const entry of entries) reached.set(entry.target, entry.isIntersecting);
        const last = sections.filter((s) => reached.get(s.heading)).pop() ?? sections[0];
        this.current = last.link;
      }, { rootMargin: `1000000px 0px -${Math.max(0, line)}px 0px` });
      for (const { heading } of sections) observer.observe(heading);
    };
    observe();
    let resized = 0;
    window.addEventListener('resize', () => {
      observer?.disconnect();
      observer = null;
      clearTimeout(resized);
      resized = window.setTimeout(() => onIdle(observe), 200);
    });
  }
}

customElements.define('starlight-toc', StarlightTOC);
