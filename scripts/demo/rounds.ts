/**
 * Three synthetic DTM rounds of the demo site list (issue 17), as CSV files a
 * coordinator imports to try the round comparison and the timeline: round 24
 * is the demo sites as of AS_OF; round 23, three months earlier, is drawn from
 * them, and round 22, three months before that, from round 23 — some sites not
 * open yet (opened since), some that have closed since, fewer or more people
 * per site, a few sites at another place (moved more than 250 m) or under
 * another name. Most sites of a round are assessed on its
 * date, a few in the days before, so the import reads the round's date from
 * the "lastAssessment" column. Every figure is FICTIONAL, like the rest.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteCollection, SiteFeature } from '../../src/domain/types';
import { writeCsv } from '../../src/io/write-csv';
import { roundNumber } from './coordinates';
import { randomIsoDate } from './dates';
import { createRandom, type Random } from './random';

/** Where the rounds go, under data/. */
export const ROUNDS_DIRECTORY = 'rounds';

export interface DemoRound {
  label: string;
  asOf: string;
  fileName: string;
  sites: SiteFeature[];
}

/** A round drawn from the next one: its label, date, first assessment day and how its closed sites are named. */
interface EarlierRound {
  label: string;
  asOf: string;
  firstDay: string;
  /** Letter of the closed sites' ids (HTI-SITE-C001…), so two rounds' closed sites never share an id. */
  closedLetter: string;
  /** Added to the seed: each earlier round has its own random stream, so adding one changes no other file. */
  stream: number;
}

const EARLIER: EarlierRound = {
  label: 'Round 23',
  asOf: '2026-08-15',
  firstDay: '2026-08-10',
  closedLetter: 'C',
  stream: 0x5eed,
};
const EARLIEST: EarlierRound = {
  label: 'Round 22',
  asOf: '2026-05-15',
  firstDay: '2026-05-10',
  closedLetter: 'B',
  stream: 0x22,
};
const LATER = { label: 'Round 24', firstDay: '2026-11-10' };
/** Shares of the later round's sites not open yet in the earlier one, and of sites closed since. */
const OPENED_SHARE = 0.08;
const CLOSED_SHARE = 0.05;
const MOVED = 4;
const RENAMED = 3;
/** Metres in a degree of latitude, near enough for shifting a synthetic site. */
const METRES_PER_DEGREE = 111_320;

const fileNameOf = (label: string) => `DEMO_FICTIONAL_${label.replace(' ', '_')}_sites.csv`;

/** Most sites on the round's day, a fifth in the days before. */
function assessedOn(random: Random, firstDay: string, asOf: string): string {
  return random.next() < 0.8 ? asOf : randomIsoDate(random, firstDay, asOf);
}

/** A site `metres` away in a random direction (coordinates rounded as in every demo file). */
function shifted(random: Random, site: SiteFeature, metres: number): [number, number] {
  const [longitude = 0, latitude = 0] = site.geometry.coordinates;
  const angle = random.between(0, 2 * Math.PI);
  const north = (metres * Math.sin(angle)) / METRES_PER_DEGREE;
  const east = (metres * Math.cos(angle)) / (METRES_PER_DEGREE * Math.cos((latitude * Math.PI) / 180));
  return [roundNumber(longitude + east), roundNumber(latitude + north)];
}

const withSite = (
  site: SiteFeature,
  properties: Partial<SiteFeature['properties']>,
  coordinates = site.geometry.coordinates,
): SiteFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties: { ...site.properties, ...properties },
});

/** The sites of the round before `later`: its openings undone, closures added, people changed. */
function earlierSites(random: Random, later: readonly SiteFeature[], round: EarlierRound): SiteFeature[] {
  const earlier: SiteFeature[] = [];
  later.forEach((site, index) => {
    if (random.next() < OPENED_SHARE) return;
    // Sites mostly grew over the quarter (new arrivals from the metro's violence); some emptied.
    const factor = random.between(0.7, 1.3);
    const people = Math.max(5, Math.round(site.properties.individuals * factor));
    const households = Math.max(1, Math.round(site.properties.households * factor));
    const properties = {
      individuals: people,
      households,
      lastAssessment: assessedOn(random, round.firstDay, round.asOf),
      ...(index % 97 === 5 && index / 97 < RENAMED ? { name: `${site.properties.name} (provisoire)` } : {}),
    };
    const moved = index % 89 === 7 && index / 89 < MOVED;
    earlier.push(
      withSite(site, properties, moved ? shifted(random, site, random.between(400, 900)) : undefined),
    );
  });
  const closedCount = Math.round(later.length * CLOSED_SHARE);
  // Round 23 keeps the names it was first published with; older rounds' closed sites say which round.
  const closedName = (number: number) =>
    round === EARLIER
      ? `Site spontané fermé ${number} (fictif)`
      : `Site spontané fermé ${number}, ${round.label} (fictif)`;
  for (let number = 1; number <= closedCount; number += 1) {
    const near = random.pick(later);
    earlier.push(
      withSite(
        near,
        {
          id: `HTI-SITE-${round.closedLetter}${String(number).padStart(3, '0')}`,
          name: closedName(number),
          individuals: random.integer(40, 900),
          households: random.integer(10, 200),
          lastAssessment: assessedOn(random, round.firstDay, round.asOf),
        },
        shifted(random, near, random.between(300, 1500)),
      ),
    );
  }
  return earlier;
}

/** The three rounds, earliest first, from the demo sites (which are the latest round). */
export function buildDemoRounds(sites: SiteCollection, asOf: string, seed: number): DemoRound[] {
  const random = createRandom((seed + EARLIER.stream) >>> 0);
  const later = sites.features.map((site) =>
    withSite(site, { lastAssessment: assessedOn(random, LATER.firstDay, asOf) }),
  );
  const earlier = earlierSites(random, later, EARLIER);
  const earliest = earlierSites(createRandom((seed + EARLIEST.stream) >>> 0), earlier, EARLIEST);
  const round = ({ label, asOf }: EarlierRound, roundSites: SiteFeature[]): DemoRound => ({
    label,
    asOf,
    fileName: fileNameOf(label),
    sites: roundSites,
  });
  return [
    round(EARLIEST, earliest),
    round(EARLIER, earlier),
    { label: LATER.label, asOf, fileName: fileNameOf(LATER.label), sites: later },
  ];
}

/** A round as the CSV a DTM extract would be: model columns, HXL tags, coordinates. */
export function demoRoundCsv(round: DemoRound): string {
  return writeCsv({ type: 'FeatureCollection', features: round.sites }, 'sites', '');
}

/** data/rounds/README.md: what the files are, and that they are fictional. */
function roundsReadme(rounds: readonly DemoRound[], seed: number): string {
  const lines = rounds.map(
    (round) => `- \`${round.fileName}\`: ${round.label}, as of ${round.asOf}, ${round.sites.length} sites.`,
  );
  return [
    '# Demo DTM rounds — SYNTHETIC, FICTIONAL',
    '',
    `Three rounds of the demo site list, made by \`scripts/demo/rounds.ts\` (seed ${seed}); not real DTM data.`,
    'Import them (Import button, or drop them on the map) and open "Compare rounds": the date of each',
    'round is read from its `lastAssessment` column (its most common date), the label from the file name.',
    '',
    ...lines,
    '',
  ].join('\n');
}

/** Writes the rounds into data/rounds/ (called by the generator's entry point). */
export function writeDemoRounds(
  dataDirectory: string,
  sites: SiteCollection,
  asOf: string,
  seed: number,
): void {
  const directory = join(dataDirectory, ROUNDS_DIRECTORY);
  mkdirSync(directory, { recursive: true });
  const rounds = buildDemoRounds(sites, asOf, seed);
  writeFileSync(join(directory, 'README.md'), roundsReadme(rounds, seed));
  for (const round of rounds) {
    writeFileSync(join(directory, round.fileName), demoRoundCsv(round));
    console.log(
      `${ROUNDS_DIRECTORY}/${round.fileName.padEnd(40)} ${round.sites.length} sites, as of ${round.asOf}`,
    );
  }
}
