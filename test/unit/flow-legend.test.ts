/**
 * Host pressure as classes and the movements in map products (issue 17):
 * round class limits with undefined pressure apart from 0, the commune with the
 * highest pressure, and the product's display list — the arcs' block headed by
 * the period with its widths and categories, the host-pressure classes when
 * shown, the source, and the demo's FICTIONAL mark.
 */
import { describe, expect, it } from 'vitest';
import { highestHostPressure } from '../../src/flows/flow-panel-rows';
import type { FlowPlace } from '../../src/flows/flow-places';
import type { FlowRecord } from '../../src/flows/flow-rows';
import { type FlowState, initialFlowState } from '../../src/flows/flow-state';
import { flowPeriod, hostPressureLegend, legendCounts, productMovements } from '../../src/map/flow-legend';
import {
  FLOW_CATEGORY_COLORS,
  HOST_PRESSURE_BREAKS,
  HOST_PRESSURE_COLORS,
  hostPressureClass,
} from '../../src/map/flow-palette';
import { hostPressureByPcode } from '../../src/map/host-pressure-layer';
import { snapshotContent } from '../../src/map/snapshot-content';
import { initialAppState } from '../../src/state/app-state';
import type { MovementSummary } from '../../workers/analysis/flow-aggregation';

const place = (commune: number): FlowPlace => ({ position: [-72.3, 18.5], commune, entry: -1, label: '' });
const record = (count: number, date: string, category: FlowRecord['category']): FlowRecord => ({
  row: 2,
  origin: place(0),
  destination: place(1),
  count,
  date,
  category,
});
const communes = [
  { pcode: 'HT0111', name: 'Port-au-Prince' },
  { pcode: 'HT0112', name: 'Delmas' },
  { pcode: 'HT0632', name: 'Belladère' },
];
const summary = (hostPressure: number[], arrivals: number[]): MovementSummary => ({
  arrivals: Float64Array.from(arrivals),
  departures: new Float64Array(arrivals.length),
  arrivalsFromOutside: 0,
  recordCount: 0,
  people: 0,
  topPairs: [],
  hostPressure: Float64Array.from(hostPressure),
});
const flows = (patch: Partial<FlowState>): FlowState => ({
  ...initialFlowState(),
  shown: true,
  communes,
  records: [
    record(1200, '2026-09-04', 'internal'),
    record(90, '2026-11-21', 'repatriation_land'),
    record(40, '2026-12-15', 'repatriation_air'),
  ],
  source: 'demo',
  ...patch,
});

describe('host pressure classes', () => {
  it('puts each pressure in the class of its round limits, and an undefined one in none', () => {
    expect(HOST_PRESSURE_BREAKS).toEqual([0.05, 0.1, 0.2, 0.5]);
    expect(HOST_PRESSURE_COLORS).toHaveLength(HOST_PRESSURE_BREAKS.length + 1);
    expect([0, 0.049, 0.05, 0.1, 0.19, 0.2, 0.5, 3].map(hostPressureClass)).toEqual([0, 0, 1, 2, 2, 3, 4, 4]);
    // No one displaced in sites: undefined, never drawn as 0.
    expect(hostPressureClass(Number.NaN)).toBeNull();
    expect(hostPressureClass(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('labels the classes with their limits, then the "no data" entry', () => {
    const labels = hostPressureLegend('en').map((entry) => entry.label);
    expect(labels).toEqual([
      'under 0.05',
      '0.05 – 0.1',
      '0.1 – 0.2',
      '0.2 – 0.5',
      '0.5 or more',
      'No displaced people in sites (undefined)',
    ]);
    expect(hostPressureLegend('fr')[1]?.label).toBe('0,05 – 0,1');
  });

  it('maps the summary to communes by P-code, undefined where no one is displaced', () => {
    const values = hostPressureByPcode({ communes, summary: summary([0.2, 0.07, Number.NaN], [5, 7, 552]) });
    expect(values.get('HT0111')).toBe(0.2);
    expect(values.get('HT0632')).toBeNaN();
  });

  it('names the commune with the highest defined pressure, never one with no displaced people', () => {
    // Belladère has the most arrivals but no one in sites: it cannot win.
    expect(highestHostPressure(summary([0.05, 0.42, Number.NaN], [10, 3, 552]), communes)).toEqual({
      pcode: 'HT0112',
      name: 'Delmas',
      hostPressure: 0.42,
    });
    expect(highestHostPressure(summary([0, Number.NaN, Number.NaN], [0, 0, 9]), communes)).toBeNull();
  });
});

describe('movements in a map product', () => {
  it('heads the arcs with the period, lists the categories and widths, and marks the demo fictional', () => {
    const product = productMovements(
      flows({ filter: { ...initialFlowState().filter, toDate: '2026-11-30' } }),
      'en',
    );
    if (!product) throw new Error('no movements in the product');
    const [arcs, ...rest] = product.legend;
    expect(rest).toEqual([]);
    // From the first record shown to the filter's end.
    expect(arcs?.heading).toBe('Movements 2026-09-04 – 2026-11-30');
    expect(arcs?.entries.map((entry) => entry.label)).toEqual([
      'Repatriation by land',
      'Repatriation by air',
      'Repatriation by sea',
      'Internal displacement',
      'Movement: origin end (light)',
      'Movement: destination end (dark)',
      '1,000 people',
      '200 people',
      '20 people',
    ]);
    const widths = arcs?.entries.flatMap((entry) =>
      entry.key.startsWith('width-') && entry.symbol.kind === 'line' ? [entry.symbol.width] : [],
    );
    expect(widths).toHaveLength(3);
    expect(widths?.[0]).toBeGreaterThan(widths?.[1] ?? Number.POSITIVE_INFINITY);
    expect(arcs?.note).toBeNull();
    expect(product.source).toBe('Movements: FICTIONAL demo data');
    expect(product.synthetic).toBe(true);
  });

  it('lists only the categories shown, each in the colour its arcs are drawn in', () => {
    const filter = {
      ...initialFlowState().filter,
      categories: new Set(['internal', 'repatriation_sea'] as const),
    };
    const entries = productMovements(flows({ filter }), 'en')?.legend[0]?.entries ?? [];
    const categories = entries.filter((entry) => entry.key.startsWith('category-'));
    expect(categories.map((entry) => entry.label)).toEqual(['Repatriation by sea', 'Internal displacement']);
    expect(categories.map((entry) => entry.symbol.kind === 'line' && entry.symbol.color)).toEqual([
      FLOW_CATEGORY_COLORS.repatriation_sea,
      FLOW_CATEGORY_COLORS.internal,
    ]);
    expect(new Set(Object.values(FLOW_CATEGORY_COLORS).map(String)).size).toBe(4);
  });

  it('adds the host-pressure classes when they are shown, and names an imported file as the source', () => {
    const product = productMovements(
      flows({
        pressureShown: true,
        summary: summary([0.1, 0.2, 0], [1, 2, 0]),
        source: { fileName: 'oct.csv' },
      }),
      'fr',
    );
    expect(product?.legend.map((block) => block.key)).toEqual(['movements', 'hostPressure']);
    expect(product?.legend[1]?.entries).toHaveLength(HOST_PRESSURE_COLORS.length + 1);
    expect(product?.legend[1]?.note).toBe(
      'Plus forte pression d’accueil : Delmas (0,2 arrivées par personne déplacée)',
    );
    expect(product?.source).toBe('Mouvements : oct.csv');
    expect(product?.synthetic).toBe(false);
  });

  it('prints nothing of movements that are hidden or not loaded', () => {
    expect(productMovements(flows({ shown: false }), 'en')).toBeNull();
    expect(productMovements(flows({ source: null, records: [] }), 'en')).toBeNull();
  });

  it('goes into the product’s legend, sources and synthetic mark', () => {
    const state = { ...initialAppState('en'), datasets: null };
    const texts = { title: 'Map', subtitle: '', producer: 'IOM', shortName: 'map', includeKeyFigures: false };
    const movements = productMovements(flows({}), 'en');
    const content = snapshotContent(state, texts, new Date(2026, 11, 3), { movements });
    expect(content.legend[0]?.key).toBe('movements');
    expect(content.legend[0]?.heading).toBe('Movements 2026-09-04 – 2026-12-15');
    expect(content.sources).toContain('Movements: FICTIONAL demo data');
    expect(content.synthetic).toBe(true);
    const without = snapshotContent(state, texts, new Date(2026, 11, 3));
    expect(without.legend.some((block) => block.key === 'movements')).toBe(false);
  });

  it('chooses round widths a factor of five apart, up to three', () => {
    expect(legendCounts(1200)).toEqual([1000, 200, 20]);
    expect(legendCounts(60)).toEqual([50, 10]);
    expect(legendCounts(5)).toEqual([]);
    expect(flowPeriod(flows({ records: [] }))).toBeNull();
  });
});
