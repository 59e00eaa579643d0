import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * `astro preview` of a built site on a free port, in its own process group (so `stop` ends astro and all it
 * started); resolves once it answers. The browser tests and the browser benchmarks (scripts/bench-*) use it.
 */
export async function startPreview(dist = 'dist', waitMs = 120_000): Promise<{ url: string; stop: () => void }> {
  if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}/ is missing: run \`npm run build\` first.`);
  const port = await freePort();
  const child = spawn(process.execPath, ['node_modules/astro/astro.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--outDir', dist],
    { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => { if (child.pid) process.kill(-child.pid); };
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`astro preview did not answer on ${url} within ${waitMs / 1000} s`);
}

let preview: { stop: () => void } | undefined;

/** Serves the built site (dist/) for the browser tests. */
export async function setup(project: TestProject): Promise<void> {
  const server = await startPreview('dist', 60_000);
  preview = server;
  project.provide('baseUrl', server.url);
}

export async function teardown(): Promise<void> {
  preview?.stop();
}
