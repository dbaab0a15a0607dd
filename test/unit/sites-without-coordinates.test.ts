/**
 * Issue 12: real DTM lists have sites with a commune P-code or name and no
 * coordinates. They were refused by the reader; now they are imported as
 * sites without coordinates (null geometry, never invented coordinates),
 * counted by admin area, left out of the distance analyses (which say how
 * many were not analysed) and of KML, and a row with no place at all is
 * still refused with its row number.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { adminAnalysis } from '../../src/analyses/admin';
import type { FigureContext } from '../../src/analyses/analysis-descriptor';
import { figureContext, keyFiguresOf, sitesWithoutCoordinates } from '../../src/analyses/key-figures';
import { defaultParameters } from '../../src/analyses/parameters';
import type { AnalysisAnswers } from '../../src/analyses/registry';
import type { AdminAreaCollection, Datasets, ServicePointCollection } from '../../src/domain/types';
import { mapFields } from '../../src/io/field-mapping';
import { createImportSessions, type ImportChoice } from '../../src/io/import-pipeline';
import { readAnyFile } from '../../src/io/read-any-file';
import { readCsv } from '../../src/io/read-csv';
import { validateCollection } from '../../src/io/validate';
import { writeCsv } from '../../src/io/write-csv';
import { writeGeoJson } from '../../src/io/write-geojson';
import { writeKml } from '../../src/io/write-kml';
import { COMMUNE_DASH, communeDashes, SECTION_DASH, sectionDashes } from '../../src/map/admin-parts';
import { sitesInDrawOrder } from '../../src/map/draw-order';
import { accessConstraints } from '../../workers/analysis/access-constraints';
import { adminTotals } from '../../workers/analysis/admin-aggregation';
import { hazardExposure } from '../../workers/analysis/hazard-exposure';
import {
  prepareAdminLayer,
  prepareControlLayer,
  prepareHazardLayer,
  prepareServiceLayer,
} from '../../workers/analysis/prepared-layers';
import { coverageFromNearest, nearestServices } from '../../workers/analysis/service-coverage';
import { siteTableOf } from '../../workers/analysis/site-table';
import { loadFixture } from '../fixtures/io/load-fixture';

const LIST = 'dtm-sites-without-coordinates.csv';

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

/** Four fictional commune squares around the list's two sites with coordinates. */
const COMMUNES = {
  type: 'FeatureCollection',
  features: [
    ['HT0112', 'Delmas', square(-72.32, 18.54, 0.03)],
    ['HT0118', 'Tabarre', square(-72.29, 18.57, 0.03)],
    ['HT0113', 'Carrefour', square(-72.4, 18.5, 0.03)],
    ['HT0117', 'Cité Soleil', square(-72.35, 18.57, 0.03)],
  ].map(([pcode, name, geometry]) => ({
    type: 'Feature',
    properties: { pcode, name, level: 2, parentPcode: 'HT01', approximate: false },
    geometry,
  })),
} as unknown as AdminAreaCollection;

async function importedList() {
  const sessions = createImportSessions(readAnyFile);
  const summary = await sessions.read(LIST, loadFixture(LIST));
  if (!summary.ok) throw new Error('the list was refused');
  const choice: ImportChoice = { role: 'sites', mapping: mapFields('sites', summary.columns), repairs: [] };
  return {
    review: sessions.review(summary.sessionId, choice),
    sites: sessions.build(summary.sessionId, choice).collection as unknown as Datasets['sites'],
  };
}

describe('reading rows without coordinates', () => {
  it('keeps a row whose latitude and longitude are both blank as a feature with no geometry', async () => {
    const result = await readCsv('name,lat,lon,ADM2 Pcode\nA,18.5,-72.3,HT0112\nB,,,HT0113\n', 'list.csv');
    expect(result.ok && result.collection.features.map((feature) => feature.geometry)).toEqual([
      { type: 'Point', coordinates: [-72.3, 18.5] },
      null,
    ]);
  });

  it('still refuses a row with one coordinate only, by its row', async () => {
    const result = await readCsv('name,lat,lon\nA,18.5,\n', 'half.csv');
    expect(result.ok && result.problems).toMatchObject([{ code: 'csv-missing-coordinates', row: 2 }]);
  });

  it('reads a list with P-codes and counts but no coordinate columns (a DTM extract)', async () => {
    const result = await readCsv(
      'Site Name,#adm2+code,#affected+idps+ind\nCamp A,HT0112,12\n',
      'extract.csv',
    );
    expect(result.ok && result.collection.features).toEqual([
      {
        type: 'Feature',
        properties: { 'Site Name': 'Camp A', '#adm2+code': 'HT0112', '#affected+idps+ind': '12' },
        geometry: null,
      },
    ]);
  });

  it('refuses a list with neither coordinates nor any admin column, as before', async () => {
    const result = await readCsv('name,households\nA,3\n', 'no-coordinates.csv');
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'csv-no-coordinate-columns' }] });
  });
});

describe('validating sites without coordinates', () => {
  const collection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: 'HT0112', people: '5' }, geometry: null },
      { type: 'Feature', properties: { code: '', people: '7' }, geometry: null },
    ],
  };

  it('keeps a site that declares its commune, and refuses one with no place, naming the problem', () => {
    const mapping = { role: 'sites' as const, fields: { admin2Pcode: 'code' }, missing: [], constants: {} };
    const result = validateCollection(collection, 'sites', 'list.csv', { mapping, sourceRows: [3, 4] });
    expect(result.validFeatures).toHaveLength(1);
    expect(result.withoutCoordinates).toBe(1);
    expect(result.problems).toMatchObject([{ severity: 'error', code: 'no-location', row: 4 }]);
  });

  it('refuses a service point without coordinates: only sites may be placed by their area', () => {
    const mapping = { role: 'services' as const, fields: {}, missing: [], constants: {} };
    const result = validateCollection(collection, 'services', 'services.csv', { mapping });
    expect(result.validFeatures).toEqual([]);
    expect(result.problems.map((problem) => problem.code)).toEqual(['null-geometry', 'null-geometry']);
  });
});

describe('a DTM-style list with sites lacking coordinates, end to end', () => {
  it('counts them in the review and refuses only the row with no place', async () => {
    const { review } = await importedList();
    expect(review).toMatchObject({ featureCount: 6, validCount: 5, withoutCoordinates: 3, errorCount: 1 });
    expect(review.problems).toMatchObject([{ code: 'no-location', row: 8 }]);
  });

  it('places them by commune P-code or name in the totals, never in the unassigned row', async () => {
    const { sites } = await importedList();
    expect(sites.features.map((feature) => feature.geometry?.type ?? null)).toEqual([
      'Point',
      'Point',
      null,
      null,
      null,
    ]);
    const totals = adminTotals(siteTableOf(sites), prepareAdminLayer(COMMUNES));
    expect(totals.communes.map((row) => [row.name, row.sites, row.individuals])).toEqual([
      ['Delmas', 2, 1400],
      ['Carrefour', 1, 250],
      ['Cité Soleil', 1, 150],
      ['Tabarre', 1, 500],
    ]);
    expect(totals.placedByPcode).toEqual([2, 3, 4]);
    expect(totals.unassigned.sites).toBe(0);
    const context: FigureContext = figureContext('en', defaultParameters(), {
      sites,
      admin: COMMUNES,
    } as unknown as Datasets);
    const summary = JSON.stringify(adminAnalysis.summary?.(totals, context));
    expect(summary).toContain('3 sites (800 people) have no coordinates: counted in the area they declare');
    expect(summary).toContain('Site fictif commune seule — Cité Soleil (HT0117) (no coordinates)');
  });

  it('leaves them out of coverage (no flag, not in the share) and the figures say how many were not analysed', async () => {
    const { sites } = await importedList();
    const services = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'W1', name: 'W1', serviceType: 'water', waterPointType: 'tap', operator: '' },
          geometry: { type: 'Point', coordinates: [-72.3012, 18.5565] },
        },
      ],
    } as ServicePointCollection;
    const table = siteTableOf(sites);
    const layer = prepareServiceLayer(services);
    const coverage = coverageFromNearest(nearestServices(table, layer), table, layer);
    expect([...coverage.waterBeyondSphere]).toEqual([0, 1, 0, 0, 0]);
    expect([...coverage.healthBeyondReach]).toEqual([1, 1, 0, 0, 0]);
    expect(coverage.individualsTotal).toBe(1500);
    expect(coverage.shareCovered).toBeCloseTo(1000 / 1500);

    const datasets = { sites, services, admin: COMMUNES } as unknown as Datasets;
    expect(sitesWithoutCoordinates(sites)).toEqual({ sites: 3, individuals: 800 });
    const context = figureContext('en', defaultParameters(), datasets);
    const figures = keyFiguresOf('coverage', { coverage } as unknown as AnalysisAnswers, context);
    expect(figures.at(-1)).toMatchObject({
      label: 'Sites not analysed (no coordinates)',
      value: 3,
      context: '800 people, counted by admin area only',
    });
    // Totals by admin area count them: no such line there.
    const totals = adminTotals(table, prepareAdminLayer(COMMUNES));
    const adminFigures = keyFiguresOf('admin', { admin: totals } as unknown as AnalysisAnswers, context);
    expect(adminFigures.map((figure) => figure.label)).not.toContain('Sites not analysed (no coordinates)');
  });

  it('is neither exposed nor access-constrained, even with every commune under a zone', async () => {
    const { sites } = await importedList();
    const table = siteTableOf(sites);
    const everywhere = (properties: object) =>
      ({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties, geometry: square(-73, 18, 2) }],
      }) as never;
    const access = accessConstraints(
      table,
      prepareControlLayer(everywhere({ id: 'C', name: 'C', controlLevel: 'controlled' })),
    );
    expect([...access.siteLevel]).toEqual([0, 0, -1, -1, -1]);
    const exposure = hazardExposure(
      table,
      prepareHazardLayer(everywhere({ id: 'H', name: 'H', hazardType: 'flood', severity: 'high' })),
    );
    const flooded = exposure.summary.find((row) => row.hazardType === 'flood' && row.severity === 'high');
    expect(flooded).toMatchObject({ sites: 2, individuals: 1500 });
  });

  it('is never drawn, keeps a null geometry in GeoJSON, empty lat/lon in CSV, and is left out of KML', async () => {
    const { sites } = await importedList();
    expect(sitesInDrawOrder(sites).map((site) => site.properties.id)).toEqual(['HT-NC-001', 'HT-NC-002']);
    const geojson = JSON.parse(writeGeoJson(sites, 'sites', 'SENSITIVE')) as FeatureCollection;
    expect(geojson.features.filter((feature) => feature.geometry === null)).toHaveLength(3);
    const csv = writeCsv(sites, 'sites', 'SENSITIVE');
    const header =
      csv
        .split('\r\n')[0]
        ?.replace(/^\uFEFF/, '')
        .split(',') ?? [];
    const row =
      csv
        .split('\r\n')
        .find((line) => line.includes('HT-NC-003'))
        ?.split(',') ?? [];
    expect(row[header.indexOf('latitude')]).toBe('');
    expect(row[header.indexOf('longitude')]).toBe('');
    const kml = writeKml(sites, { role: 'sites', sensitivityLabel: 'SENSITIVE' });
    expect(kml.match(/<Placemark/g)).toHaveLength(2);
  });
});

describe('communal sections on the map', () => {
  it('are cut into finer dashes than communes', () => {
    const admin = {
      type: 'FeatureCollection',
      features: [
        { properties: { pcode: 'HT0112', name: 'Delmas', level: 2 }, geometry: square(0, 0, 0.1) },
        { properties: { pcode: 'HT0112-01', name: 'S1', level: 3 }, geometry: square(0, 0, 0.1) },
      ].map((feature) => ({ type: 'Feature', ...feature })),
    } as unknown as AdminAreaCollection;
    expect(SECTION_DASH.dash + SECTION_DASH.gap).toBeLessThan(COMMUNE_DASH.dash + COMMUNE_DASH.gap);
    const communes = communeDashes(admin, 12);
    const sections = sectionDashes(admin, 12);
    expect(communes.map((dashes) => dashes.properties.pcode)).toEqual(['HT0112']);
    expect(sections.map((dashes) => dashes.properties.pcode)).toEqual(['HT0112-01']);
    // The same outline: finer dashes make more of them.
    expect(sections[0]?.geometry.coordinates.length).toBeGreaterThan(
      communes[0]?.geometry.coordinates.length ?? 0,
    );
  });
});
