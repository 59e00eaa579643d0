import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts and .astro file in src/ and components/ but those under `skip` (a catalogue's own folder), joined. */
export function sourceTextOutside(skip: string): string {
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (path !== skip) walk(path);
      } else if (/\.(ts|astro)$/.test(name)) sources.push(readFileSync(path, 'utf8'));
    }
  };
  walk('src');
  walk('components');
  return sources.join('\n');
}
