/**
 * Where the site's own files (images, models) live. In the site that is Astro's base path; when widgets
 * run from widgets.js on someone else's page, it is the folder widgets.js was loaded from, which the
 * bundle records before any widget asks.
 */
let base: string = import.meta.env.BASE_URL ?? '/';

export function setAssetBase(url: string): void {
  base = url.endsWith('/') ? url : `${url}/`;
}

/** The URL of a file under public/, e.g. assetUrl('images/camera.png'). */
export function assetUrl(path: string): string {
  return base + path.replace(/^\//, '');
}
