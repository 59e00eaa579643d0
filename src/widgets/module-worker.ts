/**
 * Starts a module worker from the URL of its bundled script. When widgets.js runs on another site, that URL
 * is on Rankbook's origin, and browsers refuse cross-origin worker scripts; a same-origin blob worker that
 * imports the script (fetched with CORS, like widgets.js itself) works there too.
 */
export function startModuleWorker(scriptUrl: string, name?: string): Worker {
  const url = new URL(scriptUrl, import.meta.url);
  if (url.origin === location.origin) return new Worker(url, { type: 'module', name });
  const shim = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
  return new Worker(shim, { type: 'module', name });
}
