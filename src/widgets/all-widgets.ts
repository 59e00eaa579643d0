/**
 * widgets.js: one ES module that registers every Rankbook widget on any page that loads it.
 *   <script type="module" src="https://SITE/widgets.js"></script>
 *   <rankbook-rank-explorer matrix="[[1,2],[2,4]]"></rankbook-rank-explorer>
 * Built by `npm run build` (vite.widgets.config.ts) into dist/widgets.js.
 */
import css from '../styles/rankbook.css?inline';
import { setAssetBase } from './asset-url';

setAssetBase(new URL(/* @vite-ignore */ './', import.meta.url).toString());
if (!document.querySelector('style[data-rankbook]')) {
  const style = document.createElement('style');
  style.dataset.rankbook = '';
  // Cells typeset with KaTeX, whose stylesheet a host page will not have: show the MathML KaTeX writes beside
  // its HTML instead, which browsers render natively.
  style.textContent = `${css}\n.katex .katex-html{display:none}.katex .katex-mathml{position:static!important;clip:auto!important;` +
    'width:auto!important;height:auto!important;overflow:visible!important}';
  document.head.append(style);
}

// A widget whose code cannot be fetched (its chunk blocked by CORS, or not copied beside widgets.js) keeps the
// text its tag holds; the console says why and what to do, and every other widget still starts.
const results = await Promise.allSettled([
  import('./rank-explorer'),
  import('./rank-geometry'),
  import('./factor-shapes'),
  import('./cell'),
  import('./svd-compressor'),
  import('./lora-anatomy'),
  import('./lora-bypass'),
  import('./lora-trainer'),
  import('./subspace-overlap'),
  import('./delta-w'),
  import('./rank-sweep'),
  import('./exercise/exercise'),
]);
const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
if (failed.length > 0) {
  console.warn(`Rankbook widgets.js: ${failed.length} widget module(s) could not be loaded from ${new URL(/* @vite-ignore */ './', import.meta.url)}: ` +
    `${failed.map((f) => String(f.reason?.message ?? f.reason)).join('; ')}. Serve the widgets/ folder beside widgets.js, from a ` +
    'site that sends Access-Control-Allow-Origin (CORS), or embed the widget as an iframe (/embed/NAME/) instead.');
}
