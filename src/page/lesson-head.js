// Inlined into every page's <head> (astro.config.mjs): a plain script, run before the body is parsed.
{
  const root = document.documentElement;

  // Display math and tables too wide for a phone scroll inside their own box (rankbook.css); a box that does
  // scroll becomes a Tab stop with a name, so the keyboard can scroll it too (axe's scrollable-region-focusable).
  // Boxes that fit stay out of the Tab order.
  const label = { de: 'Gleichung, seitlich scrollbar', vi: 'Phương trình, cuộn ngang', 'zh-CN': '公式，可横向滚动' }[root.lang]
    ?? 'Equation, scrolls sideways';
  const mark = (el) => {
    // A box in a lesson block the browser skips for now (content-visibility, rankbook.css) is measured once the
    // block is shown: measuring it now would lay the block out as the page opens.
    if (el.checkVisibility?.({ contentVisibilityAuto: true }) === false) return;
    const scrolls = el.scrollWidth > el.clientWidth + 1;
    if (scrolls && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0; el.dataset.rbScrolls = '';
      // A table keeps its own role; an equation's span needs one to carry a name.
      if (!el.matches('table')) { el.setAttribute('role', 'group'); el.setAttribute('aria-label', label); }
    } else if (!scrolls && 'rbScrolls' in el.dataset) {
      for (const a of ['tabindex', 'role', 'aria-label', 'data-rb-scrolls']) el.removeAttribute(a);
    } };
  // Measured when the browser has laid them out anyway (a ResizeObserver's callback): after the first layout,
  // when their width changes, and when watched again.
  const boxes = new ResizeObserver((entries) => { for (const entry of entries) mark(entry.target); });
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
