import { defineConfig } from 'vite';

// Builds dist/widgets.js, the single module hosts load to use widgets outside this site (after astro build).
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    lib: { entry: 'src/widgets/all-widgets.ts', formats: ['es'], fileName: () => 'widgets.js' },
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
  worker: { format: 'es' },
});
