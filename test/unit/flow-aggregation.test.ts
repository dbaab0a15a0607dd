/**
 * Movement records aggregated (issue 17): the period and categories filter,
 * arrivals and departures per area, arrivals from abroad, the top pairs, and
 * host pressure undefined (not zero) where no one is displaced.
 */
import { describe, expect, it } from 'vitest';
import { aggregateFlows, type FlowColumns, hostPressure } from '../../workers/analysis/flow-aggregation';

const LAND = 0;
const AIR = 1;
const INTERNAL = 2;
/** Areas: 0 Ouanaminthe, 1 Delmas, 2 Croix-des-Bouquets; −1 abroad. */
const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

function flows(records: Array<[number, number, number, string, number]>): FlowColumns {
  return {
    origins: Int32Array.from(records, (record) => record[0]),
    destinations: Int32Array.from(records, (record) => record[1]),
    counts: Float64Array.from(records, (record) => record[2]),
    days: Int32Array.from(records, (record) => day(record[3])),
    categories: Uint8Array.from(records, (record) => record[4]),
  };
}

const records = flows([
  [-1, 0, 300, '2026-10-02', LAND],
  [-1, 0, 120, '2026-10-20', LAND],
  [-1, 1, 80, '2026-10-05', AIR],
  [1, 2, 500, '2026-10-10', INTERNAL],
  [1, 2, 250, '2026-11-03', INTERNAL],
  [2, 1, 40, '2026-10-12', INTERNAL],
]);
const october = { fromDay: day('2026-10-01'), toDay: day('2026-10-31') };

describe('aggregating movements', () => {
  it('sums arrivals and departures per area over the period and categories', () => {
    const all = aggregateFlows(records, { ...october, categories: new Set([LAND, AIR, INTERNAL]) }, 3);
    expect([...all.arrivals]).toEqual([420, 120, 500]);
    expect([...all.departures]).toEqual([0, 500, 40]);
    expect(all.arrivalsFromOutside).toBe(500);
    expect(all.recordCount).toBe(5);
    expect(all.people).toBe(1040);
  });

  it('keeps only the categories chosen', () => {
    const repatriations = aggregateFlows(records, { ...october, categories: new Set([LAND, AIR]) }, 3);
    expect([...repatriations.arrivals]).toEqual([420, 80, 0]);
    expect([...repatriations.departures]).toEqual([0, 0, 0]);
  });

  it('lists the largest origin–destination pairs first, abroad as origin −1', () => {
    const all = aggregateFlows(records, { ...october, categories: new Set([LAND, AIR, INTERNAL]) }, 3, 3);
    expect(all.topPairs).toEqual([
      { origin: 1, destination: 2, count: 500 },
      { origin: -1, destination: 0, count: 420 },
      { origin: -1, destination: 1, count: 80 },
    ]);
  });

  it('gives host pressure as arrivals per displaced person, undefined where no one is displaced', () => {
    const pressure = hostPressure(Float64Array.of(420, 120, 500), Float64Array.of(0, 2400, 1000));
    expect([...pressure]).toEqual([Number.NaN, 0.05, 0.5]);
  });
});
