/**
 * npx tsx scripts/svd-energy.ts [-- --images astronaut,noise --mode grey]
 *
 * Lesson 3's measures, raw against centred, for each sample image as the widget decomposes it (downscaled
 * to a long side of at most 512; grey images in grey, colour ones per channel unless --mode grey): the
 * energy share kept at k = 1, the ranks that keep 90/95/99% of the energy, and the PSNR at those ranks.
 */
import { join } from 'node:path';
import { channelsFromRgba, downscaleRgba, type ColourMode } from '../src/linalg/image';
import { decomposeChannels } from '../src/linalg/image-svd';
import { compressionFigures } from '../src/linalg/compression';
import { decodePng } from './decode-png';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const images = option('images', 'astronaut,camera,coffee,chelsea,noise').split(',');
const forcedMode = option('mode', '');

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
const db = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} dB` : 'exact');

console.log('image      size       mode    measure   energy@k=1  PSNR@k=1   k90 (PSNR)        k95 (PSNR)        k99 (PSNR)');
for (const name of images) {
  const png = decodePng(join(import.meta.dirname, '..', 'public', 'images', `${name}.png`));
  const image = downscaleRgba({ width: png.width, height: png.height, data: png.rgba });
  const grey = png.rgba.every((x, i) => i % 4 === 3 || x === png.rgba[i - (i % 4)]);
  const mode: ColourMode = forcedMode === 'grey' || grey ? 'grey' : 'colour';
  const channels = channelsFromRgba(image, mode);
  for (const centred of [false, true]) {
    const svd = decomposeChannels(channels, image.width, image.height, { centred });
    const values = svd.channels.map((f) => f.values);
    const f = compressionFigures(values, 1, image.width, image.height, { centred });
    const at = (level: '0.9' | '0.95' | '0.99') => `${String(f.kForEnergy[level]).padStart(3)} (${db(f.psnrForEnergy[level])})`.padEnd(18);
    console.log(`${name.padEnd(10)} ${`${image.width}x${image.height}`.padEnd(10)} ${mode.padEnd(7)} ${(centred ? 'centred' : 'raw').padEnd(9)} ` +
      `${percent(f.energyKept).padStart(10)}  ${db(f.psnr).padEnd(9)}  ${at('0.9')}${at('0.95')}${at('0.99')}`);
  }
}
