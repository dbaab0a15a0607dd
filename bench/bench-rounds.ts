/**
 * Rounds and movements (issue 17): two rounds of 100k sites compared, and
 * 1M movement records aggregated for a period and two categories, against
 * the straightforward code a developer would write (an object per site or
 * record, a Map by id, string keys per pair). Disagreements are counted on
 * every site, area and top pair.
 */
import { aggregateFlows, type FlowColumns } from '../workers/analysis/flow-aggregation';
import { compareRounds, type RoundColumns } from '../workers/analysis/round-comparison';
import { type BenchRow, measure, type Timing } from './measure';
import { seededRandom } from './workloads';

const AREAS = 140;

interface SiteRecord {
  id: string;
  name: string;
  longitude: number;
  latitude: number;
  individuals: number;
  households: number;
  adminCode: string;
}

function roundPair(size: number): [SiteRecord[], SiteRecord[]] {
  const random = seededRandom(17);
  const before: SiteRecord[] = [];
  for (let index = 0; index < size; index += 1)
    before.push({
      id: `S${index}`,
      name: `Site ${index}`,
      longitude: -74 + random() * 2.5,
      latitude: 18 + random() * 2,
      individuals: Math.floor(random() * 3000),
      households: Math.floor(random() * 600),
      adminCode: `HT${Math.floor(random() * AREAS)}`,
    });
  // 10 % close, the rest change their counts (a few move or are renamed), 12 % open.
  const after = before
    .filter(() => random() >= 0.1)
    .map((site) => ({
      ...site,
      individuals: Math.max(0, site.individuals + Math.floor((random() - 0.5) * 400)),
      name: random() < 0.02 ? `${site.name} (bis)` : site.name,
      longitude: random() < 0.01 ? site.longitude + 0.01 : site.longitude,
    }));
  for (let index = 0; index < size * 0.12; index += 1)
    after.push({ ...(before[index] as SiteRecord), id: `N${index}`, adminCode: `HT${index % AREAS}` });
  return [before, after];
}

function columnsOf(sites: readonly SiteRecord[]): RoundColumns {
  return {
    ids: sites.map((site) => site.id),
    names: sites.map((site) => site.name),
    longitudes: Float64Array.from(sites, (site) => site.longitude),
    latitudes: Float64Array.from(sites, (site) => site.latitude),
    individuals: Float64Array.from(sites, (site) => site.individuals),
    households: Float64Array.from(sites, (site) => site.households),
    adminCodes: sites.map((site) => site.adminCode),
  };
}

/** The straightforward comparison: a Map by id, objects per area. */
function naiveCompare(before: readonly SiteRecord[], after: readonly SiteRecord[]) {
  const earlier = new Map(before.map((site) => [site.id, site]));
  const later = new Map(after.map((site) => [site.id, site]));
  const byAdmin: Record<
    string,
    { opened: number; closed: number; peopleBefore: number; peopleAfter: number }
  > = {};
  const entry = (code: string) => {
    byAdmin[code] ??= { opened: 0, closed: 0, peopleBefore: 0, peopleAfter: 0 };
    return byAdmin[code];
  };
  const changes = new Map<string, number>();
  for (const site of earlier.values()) {
    entry(site.adminCode).peopleBefore += site.individuals;
    const match = later.get(site.id);
    if (match) changes.set(site.id, match.individuals - site.individuals);
    else entry(site.adminCode).closed += 1;
  }
  for (const site of later.values()) {
    entry(site.adminCode).peopleAfter += site.individuals;
    if (!earlier.has(site.id)) entry(site.adminCode).opened += 1;
  }
  return { byAdmin, changes };
}

interface FlowRecord {
  origin: number;
  destination: number;
  count: number;
  day: number;
  category: string;
}

function flowRecords(size: number): FlowRecord[] {
  const random = seededRandom(29);
  const categories = ['land', 'air', 'sea', 'internal'];
  return Array.from({ length: size }, () => {
    const category = categories[Math.floor(random() * categories.length)] ?? 'internal';
    return {
      origin: category === 'internal' ? Math.floor(random() * AREAS) : -1,
      destination: Math.floor(random() * AREAS),
      count: 1 + Math.floor(random() * 200),
      day: 20_300 + Math.floor(random() * 365),
      category,
    };
  });
}

function flowColumnsOf(records: readonly FlowRecord[]): FlowColumns {
  const codes: Record<string, number> = { land: 0, air: 1, sea: 2, internal: 3 };
  return {
    origins: Int32Array.from(records, (record) => record.origin),
    destinations: Int32Array.from(records, (record) => record.destination),
    counts: Float64Array.from(records, (record) => record.count),
    days: Int32Array.from(records, (record) => record.day),
    categories: Uint8Array.from(records, (record) => codes[record.category] ?? 0),
  };
}

/** The straightforward aggregation: filter, then objects keyed by strings. */
function naiveAggregate(
  records: readonly FlowRecord[],
  fromDay: number,
  toDay: number,
  categories: string[],
) {
  const chosen = records.filter(
    (record) => record.day >= fromDay && record.day <= toDay && categories.includes(record.category),
  );
  const arrivals: Record<number, number> = {};
  const pairs: Record<string, number> = {};
  for (const record of chosen) {
    arrivals[record.destination] = (arrivals[record.destination] ?? 0) + record.count;
    const key = `${record.origin}|${record.destination}`;
    pairs[key] = (pairs[key] ?? 0) + record.count;
  }
  const top = Object.entries(pairs)
    .sort((first, second) => second[1] - first[1])
    .slice(0, 10);
  return { arrivals, top };
}

function rows(analysis: string, workload: string, timings: Timing[], disagreements: string): BenchRow[] {
  const ours = timings.find((timing) => timing.name === 'Katsit') as Timing;
  return timings.map((timing) => ({
    analysis,
    workload,
    timing,
    oursMilliseconds: ours.medianMilliseconds,
    oursCpuMilliseconds: ours.medianCpuMilliseconds,
    disagreements,
  }));
}

/** Two rounds of `size` sites compared, ours against the naive comparison. */
export function benchRoundComparison(size: number): BenchRow[] {
  const [before, after] = roundPair(size);
  const columns = [columnsOf(before), columnsOf(after)] as const;
  const { timings, results } = measure([
    { name: 'Katsit', mode: 'no index', run: () => compareRounds(columns[0], columns[1]) },
    { name: 'Map by id + objects', mode: 'no index', run: () => naiveCompare(before, after) },
  ]);
  const ours = results.get('Katsit no index') as ReturnType<typeof compareRounds>;
  const naive = results.get('Map by id + objects no index') as ReturnType<typeof naiveCompare>;
  let disagreements = 0;
  for (const area of ours.byAdmin) {
    const reference = naive.byAdmin[area.code];
    if (
      !reference ||
      reference.opened !== area.opened ||
      reference.closed !== area.closed ||
      reference.peopleBefore !== area.peopleBefore ||
      reference.peopleAfter !== area.peopleAfter
    )
      disagreements += 1;
  }
  for (let pair = 0; pair < ours.continuingBefore.length; pair += 1) {
    const id = columns[0].ids[ours.continuingBefore[pair] ?? 0] ?? '';
    if (naive.changes.get(id) !== ours.peopleChange[pair]) disagreements += 1;
  }
  if (naive.changes.size !== ours.continuingBefore.length) disagreements += 1;
  const checked = ours.byAdmin.length + ours.continuingBefore.length;
  return rows(
    'round comparison',
    `2 rounds × ${size.toLocaleString('en-US')} sites`,
    timings,
    `${disagreements} of ${checked.toLocaleString('en-US')}`,
  );
}

/** `size` movement records aggregated for one quarter and two categories. */
export function benchFlowAggregation(size: number): BenchRow[] {
  const records = flowRecords(size);
  const columns = flowColumnsOf(records);
  const fromDay = 20_400;
  const toDay = 20_490;
  const { timings, results } = measure([
    {
      name: 'Katsit',
      mode: 'no index',
      run: () => aggregateFlows(columns, { fromDay, toDay, categories: new Set([0, 3]) }, AREAS),
    },
    {
      name: 'filter + string keys',
      mode: 'no index',
      run: () => naiveAggregate(records, fromDay, toDay, ['land', 'internal']),
    },
  ]);
  const ours = results.get('Katsit no index') as ReturnType<typeof aggregateFlows>;
  const naive = results.get('filter + string keys no index') as ReturnType<typeof naiveAggregate>;
  let disagreements = 0;
  for (let area = 0; area < AREAS; area += 1)
    if ((naive.arrivals[area] ?? 0) !== ours.arrivals[area]) disagreements += 1;
  ours.topPairs.forEach((pair, index) => {
    const reference = naive.top[index];
    if (!reference || reference[0] !== `${pair.origin}|${pair.destination}` || reference[1] !== pair.count)
      disagreements += 1;
  });
  return rows(
    'movement aggregation',
    `${size.toLocaleString('en-US')} records, a quarter, 2 categories`,
    timings,
    `${disagreements} of ${AREAS + ours.topPairs.length}`,
  );
}
