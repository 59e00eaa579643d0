// Inlined into every page's <head> (astro.config.mjs): a plain script, run before the body is parsed.
{
  const root = document.documentElement;

  // Display math and tables too wide for a phone scroll inside their own box (rankbook.css); a box that does
  // scroll becomes a Tab stop with a name, so the keyboard can scroll it too (axe's scrollable-region-focusable).
  // Boxes that fit stay out of the Tab order.
  const label = { de: 'Gleichung, seitlich scrollbar', vi: 'Phương trình, cuộn ngang', 'zh-CN': '公式，可横向滚动' }[root.lang]
    ?? 'Equation, scrolls sideways';
  // Lesson blocks whose contents the browser skips for now (content-visibility, rankbook.css): a box inside one
  // is measured when the block is shown, since measuring it earlier would lay the block out as the page opens.
  let skipped = new WeakSet();
  const mark = () => { for (const el of document.querySelectorAll('.katex-display, .sl-markdown-content table')) {
    if (skipped.has(el.closest('.sl-markdown-content > *'))) continue;
    const scrolls = el.scrollWidth > el.clientWidth + 1;
    if (scrolls && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0; el.dataset.rbScrolls = '';
      // A table keeps its own role; an equation's span needs one to carry a name.
      if (!el.matches('table')) { el.setAttribute('role', 'group'); el.setAttribute('aria-label', label); }
    } else if (!scrolls && 'rbScrolls' in el.dataset) {
      for (const a of ['tabindex', 'role', 'aria-label', 'data-rb-scrolls']) el.removeAttribute(a);
    } } };
  let queued = 0;
  const later = () => { queued ||= requestAnimationFrame(() => { queued = 0; mark(); }); };
  addEventListener('DOMContentLoaded', later); addEventListener('resize', later);
  // KaTeX's fonts arrive after the first layout and widen formulas: measure again when each batch is in.
  addEventListener('load', later); document.fonts?.addEventListener('loadingdone', later);
  addEventListener('contentvisibilityautostatechange', (event) => {
    if (event.skipped) skipped.add(event.target);
    else { skipped.delete(event.target); later(); }
  }, true);

  // A jump within a lesson (On this page, a link to a #heading, a page opened at a #fragment) lays out the blocks
  // still skipped first, so that it lands where it points rather than where their stand-in heights put it.
  const layOutWholePage = () => { root.setAttribute('data-rb-whole-page', ''); skipped = new WeakSet(); later(); };
  if (location.hash.length > 1) layOutWholePage();
  addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a[href*="#"]');
    if (link && link.pathname === location.pathname && link.hash.length > 1) layOutWholePage();
  }, true);
}
