import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

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
    rollupOptions: { output: { chunkFileNames: 'widgets/[name]-[hash].js', assetFileNames: 'widgets/[name]-[hash][extname]' } },
  },
  worker: { format: 'es' },
});
