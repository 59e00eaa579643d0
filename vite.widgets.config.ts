import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// What someone who opens widgets.js (or finds it blocked) needs to know first. "/*!" marks it a legal comment,
// which the build keeps (it drops all others).
const WIDGETS_BANNER = `/*! Rankbook widgets.js: <script type="module" src="https://RANKBOOK-SITE/widgets.js"></script>, then
 * <rankbook-rank-explorer matrix="[[1,2],[2,4]]">text shown until it starts</rankbook-rank-explorer>.
 * Loaded from another site, this module runs only if that site sends Access-Control-Allow-Origin (CORS);
 * if the browser blocks it, the text inside each tag stays. Serve the site with CORS, copy widgets.js and
 * widgets/ to your own server, or embed the widget's iframe (/embed/NAME/), which needs no CORS. */`;

// Builds dist/widgets.js, the single module hosts load to use widgets outside this site (after astro build).
export default defineConfig({
  publicDir: false,
  resolve: {
    // The LoRA trainer's WebAssembly fallback stays out: a library build inlines its two binaries as base64
    // (about 1 MB) into the one file every host page loads. Without it the trainer falls back to plain JavaScript.
    alias: [{ find: /^\.\/tf-backend-wasm$/, replacement: fileURLToPath(new URL('./src/widgets/tf-backend-wasm-absent.ts', import.meta.url)) }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    lib: { entry: 'src/widgets/all-widgets.ts', formats: ['es'], fileName: () => 'widgets.js' },
    // Widgets and what they load later (tfjs, workers) are chunks beside widgets.js, fetched on demand.
    rollupOptions: { output: { banner: (chunk) => (chunk.isEntry ? WIDGETS_BANNER : ''), chunkFileNames: 'widgets/[name]-[hash].js', assetFileNames: 'widgets/[name]-[hash][extname]' } },
  },
  worker: { format: 'es' },
});
