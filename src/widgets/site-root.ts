/**
 * The address the site is served from, for the snippets instructors copy. At build it is SITE (astro.config.mjs
 * reads it into `site`); without it the build writes a placeholder, and either way the page puts its own address
 * in as it loads, since the page a reader copies from is served from the real one.
 */
// Lower case: URL() lower-cases host names, and snippets are built through URL().
export const SITE_PLACEHOLDER = 'https://your-rankbook-site/';

export function siteRoot(site: URL | undefined, base = import.meta.env.BASE_URL): string {
  return site ? new URL(base, site).toString() : SITE_PLACEHOLDER;
}

/** Rewrites every `[data-site-root]` element's text from its build-time root to this page's site root. */
export function useRuntimeSiteRoot(base = import.meta.env.BASE_URL): void {
  const root = new URL(base, location.href).toString();
  for (const el of document.querySelectorAll<HTMLElement>('[data-site-root]')) {
    const built = el.dataset.siteRoot!;
    if (built !== root && el.textContent) el.textContent = el.textContent.split(built).join(root);
    el.dataset.siteRoot = root;
  }
}
