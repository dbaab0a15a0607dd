/**
 * Writes the synthetic demo datasets to data/ (`npm run generate:data`).
 * All the drawing happens in scripts/demo/generate.ts, which is pure; this
 * entry point only serialises and writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoFlowsCsv } from './demo/flows';
import { DEMO_SEED, type DemoData, FILE_NAMES, generateDemoData } from './demo/generate';
import { renderReadme } from './demo/readme';
import { writeDemoRounds } from './demo/rounds';
import { serializeCollection } from './demo/serialize';

const dataDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');
mkdirSync(dataDirectory, { recursive: true });

const started = performance.now();
const data = generateDemoData(DEMO_SEED);
const sizes = {} as Record<keyof DemoData, number>;
for (const key of Object.keys(FILE_NAMES) as (keyof DemoData)[]) {
  const text = serializeCollection(data[key]);
  writeFileSync(join(dataDirectory, FILE_NAMES[key]), text);
  sizes[key] = Buffer.byteLength(text);
  console.log(
    `${FILE_NAMES[key].padEnd(28)} ${String(data[key].features.length).padStart(4)} features  ${(sizes[key] / 1024).toFixed(1)} KiB`,
  );
}
writeFileSync(join(dataDirectory, 'flows.csv'), buildDemoFlowsCsv(DEMO_SEED));
writeFileSync(join(dataDirectory, 'README.md'), renderReadme(data, sizes));
writeDemoRounds(dataDirectory, data.sites, data.sites.metadata.asOf, DEMO_SEED);
console.log(`data/README.md written; ${Math.round(performance.now() - started)} ms`);
