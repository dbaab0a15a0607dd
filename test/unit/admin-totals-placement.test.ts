/**
 * Totals by admin area place every site: by polygon, else by its declared
 * P-code or commune name, else in the visible "unassigned" row — never
 * dropped — at whatever levels the boundaries provide.
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { adminAnalysis } from '../../src/analyses/admin';
import type { FigureContext } from '../../src/analyses/analysis-descriptor';
import { defaultParameters } from '../../src/analyses/parameters';
import type { AdminAreaCollection, Datasets } from '../../src/domain/types';
import { translator } from '../../src/i18n/translate';
import { adminTotals } from '../../workers/analysis/admin-aggregation';
import { prepareAdminLayer } from '../../workers/analysis/prepared-layers';
import { siteTableOf } from '../../workers/analysis/site-table';

const square = (west: number, south: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

interface AreaSpec {
  pcode: string;
  name: string;
  level: number;
  parentPcode?: string;
  geometry: Polygon;
}

const boundaries = (areas: AreaSpec[]): AdminAreaCollection =>
  ({
    type: 'FeatureCollection',
    features: areas.map(({ geometry, ...properties }) => ({
      type: 'Feature',
      properties: { ...properties, approximate: false },
      geometry,
    })),
  }) as AdminAreaCollection;

interface SiteSpec {
  name: string;
  at?: [number, number];
  individuals: number;
  admin2Pcode?: string;
  admin2Name?: string;
  admin3Pcode?: string;
}

const siteCollection = (sites: SiteSpec[]) =>
  ({
    type: 'FeatureCollection',
    features: sites.map(({ at, ...properties }) => ({
      type: 'Feature',
      properties: { id: properties.name, households: properties.individuals / 5, ...properties },
      geometry: at ? { type: 'Point', coordinates: at } : null,
    })),
  }) as never;

const OUEST_AND_TWO_COMMUNES = boundaries([
  { pcode: 'HT01', name: 'Ouest', level: 1, geometry: square(0, 0, 2) },
  { pcode: 'HT0111', name: 'Port-au-Prince', level: 2, parentPcode: 'HT01', geometry: square(0, 0, 1) },
  { pcode: 'HT0114', name: 'Pétion-Ville', level: 2, parentPcode: 'HT01', geometry: square(1, 0, 1) },
]);

function run(admin: AdminAreaCollection, sites: SiteSpec[]) {
  const collection = siteCollection(sites);
  const totals = adminTotals(siteTableOf(collection), prepareAdminLayer(admin));
  const context: FigureContext = {
    t: translator('en'),
    language: 'en',
    parameters: defaultParameters(),
    datasets: { admin, sites: collection } as unknown as Datasets,
    totals: {
      sites: sites.length,
      households: 0,
      individuals: sites.reduce((total, site) => total + site.individuals, 0),
    },
  };
  return { totals, context };
}

const summaryText = (totals: ReturnType<typeof run>['totals'], context: FigureContext) =>
  JSON.stringify(adminAnalysis.summary?.(totals, context));

describe('sites outside every polygon', () => {
  it('counts a site in the sea with no P-code in the unassigned row and names it with its people', () => {
    const { totals, context } = run(OUEST_AND_TWO_COMMUNES, [
      { name: 'Inside', at: [0.5, 0.5], individuals: 100 },
      { name: 'Bay site', at: [-3, 0.5], individuals: 36010 },
    ]);
    expect(totals.unassignedSites).toEqual([1]);
    expect(totals.unassigned).toMatchObject({ sites: 1, individuals: 36010 });
    expect(totals.placedByPcode).toEqual([]);
    const summary = summaryText(totals, context);
    expect(summary).toContain('Site Bay site, 36,010 people, lies outside every commune — in the sea?');
    expect(summary).toContain('Unassigned (in no area)');
    // No false claim of P-code placement.
    expect(summary).not.toContain('declared P-code');
    const people = adminAnalysis
      .keyFigures(totals, context)
      .find((figure) => figure.label === 'Displaced people');
    expect(people?.value).toBe(36110);
  });

  it('joins a site with a P-code and no coordinates to its commune, and says so', () => {
    const { totals, context } = run(OUEST_AND_TWO_COMMUNES, [
      { name: 'Listed only', individuals: 40, admin2Pcode: 'HT0114' },
    ]);
    expect(totals.placedByPcode).toEqual([0]);
    expect(totals.communes).toEqual([
      { pcode: 'HT0114', name: 'Pétion-Ville', level: 2, sites: 1, households: 8, individuals: 40 },
    ]);
    expect(totals.departments.map((row) => [row.pcode, row.individuals])).toEqual([['HT01', 40]]);
    expect(totals.unassigned.sites).toBe(0);
    const summary = summaryText(totals, context);
    expect(summary).toContain('1 sites placed by their declared P-code or commune');
    expect(summary).toContain('Listed only — Pétion-Ville (HT0114)');
  });

  it('joins a site by its commune name, accents and case aside', () => {
    const { totals } = run(OUEST_AND_TWO_COMMUNES, [
      { name: 'Named', individuals: 7, admin2Name: 'PETION VILLE' },
    ]);
    expect(totals.siteCommunes).toEqual(['HT0114']);
    expect(totals.placedByPcode).toEqual([0]);
  });

  it('lists a site with neither coordinates nor P-code as having no location', () => {
    const { totals, context } = run(OUEST_AND_TWO_COMMUNES, [{ name: 'Nowhere', individuals: 12 }]);
    expect(totals.unassignedSites).toEqual([0]);
    expect(summaryText(totals, context)).toContain('Site Nowhere, 12 people, has no coordinates');
  });
});

describe('levels the boundaries provide', () => {
  it('gives totals by department when the boundaries hold departments only', () => {
    const departments = boundaries([
      { pcode: 'HT01', name: 'Ouest', level: 1, geometry: square(0, 0, 1) },
      { pcode: 'HT05', name: 'Artibonite', level: 1, geometry: square(0, 1, 1) },
    ]);
    const { totals, context } = run(departments, [
      { name: 'A', at: [0.5, 0.5], individuals: 10 },
      { name: 'B', at: [0.5, 1.5], individuals: 20 },
      { name: 'C', at: [0.2, 1.2], individuals: 5 },
    ]);
    expect(totals.levels).toEqual([1]);
    expect(totals.communes).toEqual([]);
    expect(totals.departments.map((row) => [row.pcode, row.sites, row.individuals])).toEqual([
      ['HT01', 1, 10],
      ['HT05', 2, 25],
    ]);
    const figures = adminAnalysis.keyFigures(totals, context);
    expect(figures[0]).toMatchObject({ label: 'Departments with sites', value: 2 });
    expect(figures[1]?.value).toBe(35);
    expect(summaryText(totals, context)).not.toContain('declared P-code');
  });

  it('gives totals by communal section, with their commune and department', () => {
    const sections = boundaries([
      { pcode: 'HT0111-01', name: '1re Turgeau', level: 3, parentPcode: 'HT0111', geometry: square(0, 0, 1) },
      {
        pcode: 'HT0111-02',
        name: '2e Morne l’Hôpital',
        level: 3,
        parentPcode: 'HT0111',
        geometry: square(1, 0, 1),
      },
    ]);
    const { totals, context } = run(sections, [
      { name: 'A', at: [0.5, 0.5], individuals: 10 },
      { name: 'B', at: [1.5, 0.5], individuals: 20 },
      { name: 'C', individuals: 3, admin3Pcode: 'HT0111-02' },
    ]);
    expect(totals.levels).toEqual([3]);
    expect(totals.sections.map((row) => [row.pcode, row.individuals])).toEqual([
      ['HT0111-01', 10],
      ['HT0111-02', 23],
    ]);
    expect(totals.siteCommunes).toEqual(['HT0111', 'HT0111', 'HT0111']);
    expect(totals.siteDepartments).toEqual(['HT01', 'HT01', 'HT01']);
    expect(adminAnalysis.keyFigures(totals, context)[0]).toMatchObject({
      label: 'Communal sections with sites',
      value: 2,
    });
  });

  it('keeps every site in some row: the rows and the unassigned row add up to all people', () => {
    const { totals } = run(OUEST_AND_TWO_COMMUNES, [
      { name: 'A', at: [0.5, 0.5], individuals: 1 },
      { name: 'B', at: [1.5, 1.5], individuals: 2 },
      { name: 'C', at: [9, 9], individuals: 4 },
      { name: 'D', individuals: 8, admin2Pcode: 'HT0111' },
    ]);
    const inCommunes = totals.communes.reduce((total, row) => total + row.individuals, 0);
    expect(inCommunes + totals.unassigned.individuals).toBe(15);
    // B is inside Ouest but in no commune polygon: unassigned at the commune level, not listed as in the sea.
    expect(totals.unassigned).toMatchObject({ sites: 2, individuals: 6 });
    expect(totals.unassignedSites).toEqual([2]);
  });
});
