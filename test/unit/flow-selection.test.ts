/**
 * From placed movements to what the map draws and the panel shows (issue 17):
 * the category and period filter, the engine's columns (a repatriation comes
 * from abroad), the panel's rows with host pressure, and the demo movements
 * (fictional, from the fixed seed, every row placed on the demo communes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoFlowsCsv } from '../../scripts/demo/flows';
import { DEMO_SEED } from '../../scripts/demo/generate';
import type { AdminAreaCollection, SiteCollection } from '../../src/domain/types';
import { readFlowTable } from '../../src/flows/flow-file';
import { movementRows } from '../../src/flows/flow-panel-rows';
import type { FlowPlace } from '../../src/flows/flow-places';
import { createFlowGazetteer } from '../../src/flows/flow-places';
import { type FlowRecord, placeFlowTable } from '../../src/flows/flow-rows';
import {
  ALL_FLOWS,
  displacedByArea,
  flowAreaCount,
  flowColumns,
  flowSelection,
  selectedFlows,
} from '../../src/flows/flow-selection';
import { flowWidth } from '../../src/map/flow-palette';
import { summariseMovements } from '../../workers/analysis/flow-aggregation';

const DATA = join(import.meta.dirname, '..', '..', 'data');
const communes = [
  { pcode: 'HT0111', name: 'Port-au-Prince' },
  { pcode: 'HT0112', name: 'Delmas' },
  { pcode: 'HT0632', name: 'Belladère' },
];
const at = (commune: number, label: string, entry = -1): FlowPlace => ({
  position: [-72, 18.5],
  commune,
  entry,
  label,
});
const record = (
  row: number,
  origin: FlowPlace,
  destination: FlowPlace,
  count: number,
  date: string,
  category: FlowRecord['category'],
): FlowRecord => ({ row, origin, destination, count, date, category });

const records: FlowRecord[] = [
  // Through the Belladère crossing (point of entry 1).
  record(2, at(2, 'Belladère', 1), at(1, 'Delmas'), 300, '2026-10-02', 'repatriation_land'),
  record(3, at(0, 'Port-au-Prince'), at(1, 'Delmas'), 500, '2026-10-10', 'internal'),
  record(4, at(1, 'Delmas'), at(0, 'Port-au-Prince'), 40, '2026-11-12', 'internal'),
  // From a place no commune or point of entry holds: from outside.
  record(5, at(-1, 'Somewhere abroad'), at(0, 'Port-au-Prince'), 80, '2026-10-05', 'repatriation_air'),
];

describe('filtering movements', () => {
  it('keeps the chosen categories within the period, both ends included', () => {
    const filter = {
      categories: new Set(['internal'] as const),
      fromDate: '2026-10-10',
      toDate: '2026-11-12',
    };
    expect(selectedFlows(records, filter).map((kept) => kept.row)).toEqual([3, 4]);
    expect(selectedFlows(records, { ...ALL_FLOWS, toDate: '2026-10-31' }).map((kept) => kept.row)).toEqual([
      2, 3, 5,
    ]);
  });

  it('counts a repatriation as an arrival from abroad, never a departure from the commune of its point of entry', () => {
    const areas = new Float64Array(flowAreaCount(communes));
    const summary = summariseMovements(
      flowColumns(records, communes.length),
      flowSelection(ALL_FLOWS),
      areas,
    );
    expect([...summary.arrivals.slice(0, 3)]).toEqual([120, 800, 0]);
    expect([...summary.departures.slice(0, 3)]).toEqual([500, 40, 0]);
    // The Belladère crossing (area 3 + 1) is where the 300 repatriated people left from.
    expect(summary.departures[4]).toBe(300);
    expect(summary.arrivalsFromOutside).toBe(80);
    expect(movementRows(summary, communes).arrivalsFromAbroad).toBe(380);
  });

  it('draws a wider arc for a larger count, the largest at the widest', () => {
    expect(flowWidth(500, 500)).toBe(12);
    expect(flowWidth(125, 500)).toBeCloseTo(6.5);
    expect(flowWidth(1, 0)).toBe(1);
  });
});

describe('the panel rows', () => {
  const sites = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: null, properties: { admin2Pcode: 'HT0112', individuals: 1000 } },
      { type: 'Feature', geometry: null, properties: { admin2Pcode: 'HT0112', individuals: 600 } },
      { type: 'Feature', geometry: null, properties: { admin2Pcode: 'HT9999', individuals: 50 } },
    ],
  } as unknown as SiteCollection;

  it('lists communes by arrivals with their host pressure, undefined where no one is in sites', () => {
    const displaced = displacedByArea(sites, communes);
    expect(displaced.length).toBe(flowAreaCount(communes));
    expect([...displaced.slice(0, 3)]).toEqual([0, 1600, 0]);
    const octoberRepatriations = flowSelection({ ...ALL_FLOWS, toDate: '2026-10-31' });
    const rows = movementRows(
      summariseMovements(flowColumns(records, communes.length), octoberRepatriations, displaced),
      communes,
    );
    expect(rows.communes).toEqual([
      { pcode: 'HT0112', name: 'Delmas', arrivals: 800, departures: 0, hostPressure: 0.5 },
      { pcode: 'HT0111', name: 'Port-au-Prince', arrivals: 80, departures: 500, hostPressure: Number.NaN },
    ]);
    expect(rows.pairs).toEqual([
      { origin: 'Port-au-Prince', destination: 'Delmas', count: 500 },
      { origin: 'Belladère', destination: 'Delmas', count: 300 },
      { origin: null, destination: 'Port-au-Prince', count: 80 },
    ]);
    expect(rows.arrivalsFromAbroad).toBe(380);
  });
});

describe('the demo movements', () => {
  const text = readFileSync(join(DATA, 'flows.csv'), 'utf8');

  it('are the generator’s, from the fixed seed, and say they are fictional', () => {
    expect(text).toBe(buildDemoFlowsCsv(DEMO_SEED));
    expect(text.split('\n')[0]).toMatch(/^FICTIONAL/);
  });

  it('place every row on the demo communes and points of entry', async () => {
    const admin = JSON.parse(readFileSync(join(DATA, 'admin-areas.geojson'), 'utf8')) as AdminAreaCollection;
    const table = await readFlowTable('flows.csv', new TextEncoder().encode(text));
    if (!table) throw new Error('not a movements table');
    const reading = placeFlowTable(table, createFlowGazetteer(admin));
    if (!reading.ok) throw new Error('not read');
    expect(reading.problems).toEqual([]);
    expect(reading.records.length).toBe(text.trim().split('\n').length - 3);
    expect(new Set(reading.records.map((movement) => movement.category))).toEqual(
      new Set(['repatriation_land', 'repatriation_air', 'repatriation_sea', 'internal']),
    );
    expect(reading.records.every((movement) => movement.destination.commune >= 0)).toBe(true);
  });
});
