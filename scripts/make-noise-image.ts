/**
 * npx tsx scripts/make-noise-image.ts  ->  public/images/noise.png
 *
 * The noise sample for lesson 3: every pixel and channel drawn independently and uniformly from 0..255
 * (mulberry32, seed 1, so the file is reproducible byte for byte). Independent noise has no low-rank
 * structure: centred, its energy spreads over all layers, while the raw measure credits the first layer
 * (the mean grey) with about 3/4 of it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/linalg/seeded-random';
import { encodePng } from './encode-png';

const SIDE = 256;
const SEED = 1;
const next = seededRandom(SEED);
const rgb = new Uint8Array(SIDE * SIDE * 3);
for (let i = 0; i < rgb.length; i++) rgb[i] = Math.floor(256 * next());
const path = join(import.meta.dirname, '..', 'public', 'images', 'noise.png');
writeFileSync(path, encodePng(SIDE, SIDE, rgb, 3));
console.log(`wrote ${path}: ${SIDE} x ${SIDE} RGB uniform noise, seed ${SEED}`);
