// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

// Lessons live in top-level content/ (see src/content.config.ts); widgets are custom elements in src/widgets.
export default defineConfig({
  site: 'https://rankbook.example',
  // The site has no analytics, fonts or CDNs: everything it loads is served from its own origin.
  markdown: {
    remarkPlugins: [remarkMath],
    // 'htmlAndMathml' keeps MathML next to the visual HTML so screen readers read the formulas.
    rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml' }]],
  },
  integrations: [
    starlight({
      title: 'Rankbook',
      description: 'Learn the linear algebra behind LoRA by touching it.',
      customCss: ['katex/dist/katex.min.css', './src/styles/rankbook.css'],
      sidebar: [{ label: 'Lessons', autogenerate: { directory: 'lessons' } }],
      lastUpdated: false,
      pagination: true,
    }),
    mdx(),
  ],
});
