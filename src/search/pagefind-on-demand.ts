/**
 * Starlight builds Pagefind's search box as soon as a page is idle: a large script parsed and run while a
 * lesson is still opening, for a dialog most readers never open. astro.config.mjs points Starlight's import of
 * '@pagefind/default-ui' here: the same class, built the first time the reader reaches for search (pointer
 * over or focus on the search button, a click, or Ctrl/Cmd+K).
 */
type PagefindOptions = Record<string, unknown> & { element: string };

export class PagefindUI {
  constructor(options: PagefindOptions) {
    const button = document.querySelector<HTMLButtonElement>('site-search button[data-open-modal]');
    const triggers = ['pointerenter', 'focus', 'click'] as const;
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key === 'k') load();
    };
    let loading = false;
    // What the reader types between opening search and the box existing, put into the box once it does.
    let typed = '';
    const keep = (event: KeyboardEvent) => {
      if (event.key.length === 1 && !event.metaKey && !event.ctrlKey && !event.altKey) typed += event.key;
    };
    const load = () => {
      if (loading) return;
      loading = true;
      for (const type of triggers) button?.removeEventListener(type, load);
      window.removeEventListener('keydown', onKey);
      window.addEventListener('keydown', keep);
      // @ts-expect-error: the package ships no types (Starlight's own import says the same).
      void import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs').then(({ PagefindUI: Real }) => {
        const box = document.querySelector(options.element); // before: Pagefind deletes the options it reads
        new Real(options);
        // Opened before the box existed: Starlight's focus call found no input, so focus it when it appears.
        const focusWhenReady = (tries: number) => {
          const input = box?.querySelector('input');
          if (!input) return void (tries > 0 && requestAnimationFrame(() => focusWhenReady(tries - 1)));
          window.removeEventListener('keydown', keep);
          if (!box?.closest('dialog')?.open) return;
          input.focus();
          if (typed) {
            input.value += typed;
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }
        };
        focusWhenReady(120);
      });
    };
    // Starlight makes this object once the page is idle: the reader may have opened search before that.
    if (!button || document.querySelector(options.element)?.closest('dialog')?.open) {
      load();
      return;
    }
    for (const type of triggers) button.addEventListener(type, load);
    window.addEventListener('keydown', onKey);
  }
}
