/**
 * Synthetic movements (issue 17), FICTIONAL like every demo layer: monthly
 * repatriation arrivals at Haiti's real points of entry (land crossings,
 * Port-au-Prince and Cap-Haïtien airports and ports) going on to plausible
 * communes, and internal moves between the Port-au-Prince metropolitan
 * communes. Written as a movements CSV with HXL tags, so the app reads the
 * demo through the same reader as an imported file.
 */
import { createRandom, type Random } from './random';

/** Origin code (a point of entry id), category, and where people go on to, most likely first. */
const REPATRIATION_ROUTES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['poe-ouanaminthe', 'repatriation_land', ['HT0421', 'HT0311', 'HT0511']],
  ['poe-belladere', 'repatriation_land', ['HT0632', 'HT0131', 'HT0112']],
  ['poe-malpasse', 'repatriation_land', ['HT0131', 'HT0112', 'HT0111']],
  ['poe-anse-a-pitres', 'repatriation_land', ['HT0234', 'HT0211']],
  ['poe-port-au-prince-airport', 'repatriation_air', ['HT0112', 'HT0114', 'HT0118']],
  ['poe-cap-haitien-airport', 'repatriation_air', ['HT0311']],
  ['poe-cap-haitien-port', 'repatriation_sea', ['HT0311', 'HT0911']],
  ['poe-port-au-prince-port', 'repatriation_sea', ['HT0111', 'HT0113']],
];

/** Port-au-Prince metropolitan communes: where gang violence drives most internal moves. */
const METRO = ['HT0111', 'HT0112', 'HT0113', 'HT0114', 'HT0117', 'HT0118', 'HT0131'] as const;

const MONTHS = ['2026-08', '2026-09', '2026-10', '2026-11'] as const;

/** A title row above the header: whoever opens the file sees the movements are made up. */
const TITLE = 'FICTIONAL demo movements - synthetic data from the Katsit generator - not IOM DTM data';
const HEADER = 'Origin code,Destination code,Individuals,Date,Category';
const TAGS = '#loc+code+origin,#adm2+code+dest,#affected+ind,#date,#category';

const day = (random: Random, month: string) =>
  `${month}-${String(1 + Math.floor(random.next() * 28)).padStart(2, '0')}`;

/** The demo movements CSV for a seed: same seed, same bytes. */
export function buildDemoFlowsCsv(seed: number): string {
  const random = createRandom((seed + 17 * 0x9e3779b9) >>> 0);
  const lines = [TITLE, HEADER, TAGS];
  for (const month of MONTHS) {
    for (const [origin, category, destinations] of REPATRIATION_ROUTES) {
      destinations.forEach((destination, rank) => {
        const people = Math.round((40 + random.next() * 260) / (rank + 1));
        lines.push(`${origin},${destination},${people},${day(random, month)},${category}`);
      });
    }
    for (const origin of METRO) {
      for (const destination of METRO) {
        if (origin === destination || random.next() < 0.6) continue;
        const people = Math.round(20 + random.next() * 480);
        lines.push(`${origin},${destination},${people},${day(random, month)},internal`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
