// Inlined into every page's <head> (astro.config.mjs): a plain script, run before the body is parsed.
{
  const root = document.documentElement;

  // Display math and tables too wide for a phone scroll inside their own box (rankbook.css); a box that does
  // scroll becomes a Tab stop with a name, so the keyboard can scroll it too (axe's scrollable-region-focusable).
  // Boxes that fit stay out of the Tab order.
  const label = { de: 'Gleichung, seitlich scrollbar', vi: 'Phương trình, cuộn ngang', 'zh-CN': '公式，可横向滚动' }[root.lang]
    ?? 'Equation, scrolls sideways';
  // Whether a box scrolls sideways; null while the browser skips its content (content-visibility, rankbook.css),
  // in a lesson block or as one: it is measured once shown, as measuring now would lay it out as the page opens.
  const scrollsSideways = (el) => ((el.querySelector('.katex, tr') ?? el).checkVisibility?.({ contentVisibilityAuto: true }) === false
    ? null : el.scrollWidth > el.clientWidth + 1);
  const mark = (el, scrolls) => {
    if (scrolls && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0; el.dataset.rbScrolls = '';
      // A table keeps its own role; an equation's span needs one to carry a name.
      if (!el.matches('table')) { el.setAttribute('role', 'group'); el.setAttribute('aria-label', label); }
    } else if (scrolls === false && 'rbScrolls' in el.dataset) {
      for (const a of ['tabindex', 'role', 'aria-label', 'data-rb-scrolls']) el.removeAttribute(a);
    } };
  // Measured when the browser has laid them out anyway (a ResizeObserver's callback): after the first layout,
  // when their width changes, and when watched again. All are measured before any is marked, as a mark between
  // two measurements would make the browser lay the page out again for the second.
  const boxes = new ResizeObserver((entries) => {
    const measured = entries.map(({ target }) => [target, scrollsSideways(target)]);
    for (const [el, scrolls] of measured) mark(el, scrolls);
  });
  const boxSelector = '.katex-display, .sl-markdown-content table';
  // `within` itself may be such a box: a display equation or table that is a lesson block of its own.
  const watch = (within) => {
    const found = [...within.querySelectorAll(boxSelector)];
    if (within instanceof Element && within.matches(boxSelector)) found.push(within);
    for (const el of found) { boxes.unobserve(el); boxes.observe(el); }
  };
  addEventListener('DOMContentLoaded', () => watch(document));
  // KaTeX's fonts arrive after the first layout and widen formulas inside boxes that keep their size.
  document.fonts?.addEventListener('loadingdone', () => watch(document));
  addEventListener('contentvisibilityautostatechange', (event) => { if (!event.skipped) watch(event.target); }, true);

  // A jump within a lesson (On this page, a link to a #heading, a page opened at a #fragment) lays out the blocks
  // still skipped first, so that it lands where it points rather than where their stand-in heights put it.
  const layOutWholePage = () => { root.setAttribute('data-rb-whole-page', ''); if (document.readyState !== 'loading') watch(document); };
  if (location.hash.length > 1) layOutWholePage();
  addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a[href*="#"]');
    if (link && link.pathname === location.pathname && link.hash.length > 1) layOutWholePage();
  }, true);
}
