/**
 * Real data in, as information-management officers have it (issue 12): DTM
 * workbooks and pre-1.0 HXL lists, Windows-1252 CSV, COD-AB sections,
 * TopoJSON, KMZ with non-data — and nothing silently wrong: no people read
 * as 0, no invented P-codes, levels or service types.
 */

import { utils, write } from '@e965/xlsx';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate';
import { decodeText } from '../../src/io/bytes';
import { mapFields } from '../../src/io/field-mapping';
import { createImportSessions, type ImportChoice } from '../../src/io/import-pipeline';
import { readAnyFile } from '../../src/io/read-any-file';
import { blockedMessage, defaultsSummary, failureHeading } from '../../src/ui/import-messages';
import { loadFixture } from '../fixtures/io/load-fixture';
import { WORKBOOK_SITES } from '../fixtures/io/make-real-data-fixtures';

function sessionsForTest() {
  return createImportSessions((fileName, bytes, options) => readAnyFile(fileName, bytes, options));
}

async function open(name: string, bytes: Uint8Array = loadFixture(name)) {
  const sessions = sessionsForTest();
  const summary = await sessions.read(name, bytes);
  if (!summary.ok) throw new Error(`${name} unreadable: ${summary.problems[0]?.code}`);
  const choice = (role = summary.guessedRole, extra: Partial<ImportChoice> = {}): ImportChoice => ({
    role,
    mapping: mapFields(role, summary.columns),
    repairs: [],
    ...extra,
  });
  return { sessions, summary, choice, id: summary.sessionId };
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

const peopleOf = (collection: FeatureCollection) =>
  collection.features.reduce((sum, feature) => sum + Number(feature.properties?.individuals ?? 0), 0);

const point = (coordinates: number[], properties: Record<string, unknown>): Feature =>
  ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates } }) as Feature;

describe('DTM workbooks', () => {
  const fileTotal = WORKBOOK_SITES.reduce((sum, site) => sum + site[8], 0);

  it('reads the sites sheet past the read-me sheet and the title rows, from French headers and the HXL row, with no manual mapping', async () => {
    const { sessions, summary, choice, id } = await open('dtm-sites-round.xlsx');
    expect(summary).toMatchObject({ format: 'spreadsheet', sheets: ['Lisez-moi', 'Sites'], sheet: 'Sites' });
    expect(summary.guessedRole).toBe('sites');
    const review = sessions.review(id, choice());
    expect(review).toMatchObject({
      featureCount: 6,
      validCount: 6,
      missing: [],
      unresolved: [],
      defaulted: [],
    });
    const built = sessions.build(id, choice());
    expect(fileTotal).toBe(40_675);
    expect(peopleOf(built.collection)).toBe(fileTotal);
    expect(built.collection.features[4]?.properties).toMatchObject({
      id: 'HT-FIC-005',
      siteType: 'planned_camp',
      individuals: 36_010,
      households: 9002,
      admin2Name: 'Cité Soleil',
      lastAssessment: '2026-03-15',
    });
    expect(built.collection.features[0]?.geometry).toEqual({
      type: 'Point',
      coordinates: [-72.3364, 18.5392],
    });
  });

  it('reads another sheet on request, and a sheet with no coordinates is refused as read, not as unreadable', async () => {
    const { sessions, id } = await open('dtm-sites-round.xlsx');
    const readMe = await sessions.readSheet(id, 'Lisez-moi');
    expect(readMe.ok).toBe(false);
    if (readMe.ok) return;
    expect(readMe.problems[0]?.code).toBe('csv-no-coordinate-columns');
    const t = translator('en');
    expect(failureHeading(readMe.problems, t)).toBe(t('import.refused'));
    expect(failureHeading([{ code: 'invalid-json' }], t)).toBe(t('import.failed'));
    const back = await sessions.readSheet(id, 'Sites');
    expect(back.ok && back.featureCount).toBe(6);
  });

  it('reads the older .xls workbooks too', async () => {
    const book = utils.book_new();
    utils.book_append_sheet(
      book,
      utils.aoa_to_sheet([
        ['Camp Name', 'Lat', 'Lon', 'Number of Individuals', 'SSID', 'Type of Site'],
        ['Camp fictif', 18.55, -72.3, 1234, 'X-1', 'Spontaneous site'],
      ]),
      'Sheet1',
    );
    const bytes = new Uint8Array(write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    const { sessions, choice, id, summary } = await open('round-old.xls', bytes);
    expect(summary.format).toBe('spreadsheet');
    expect(peopleOf(sessions.build(id, choice()).collection)).toBe(1234);
  });
});

describe('field recognition that does not guess silently', () => {
  it('maps a pre-1.0 HXL list (#loc, #lat_deg, #lon_deg, #people_num) and keeps every person', async () => {
    const { sessions, summary, choice, id } = await open('dtm-sites-pre-hxl.csv');
    expect(choice().mapping.fields).toMatchObject({
      id: 'SSID',
      name: 'Camp Name',
      individuals: 'Number of Individuals',
      households: 'Number of Households',
      admin2Name: 'Commune',
      managementAgency: 'Organization',
      lastAssessment: 'Report date',
    });
    expect(summary.featureCount).toBe(3);
    expect(peopleOf(sessions.build(id, choice()).collection)).toBe(1402 + 588 + 173);
  });

  it('recognises English, French and Spanish names accent-, case- and punctuation-insensitively', () => {
    expect(mapFields('sites', ['NOMBRE D’INDIVIDUS', 'Nom du site', 'SSID']).fields).toMatchObject({
      individuals: 'NOMBRE D’INDIVIDUS',
      name: 'Nom du site',
      id: 'SSID',
    });
    expect(mapFields('sites', ['Número de individuos', 'Nombre del sitio']).fields).toMatchObject({
      individuals: 'Número de individuos',
      name: 'Nombre del sitio',
    });
    // A households-only tag is never taken for people: the broad #affected+idps tag matches exactly only.
    const households = mapFields('sites', [{ name: 'HH', hxlTag: '#affected+idps+hh' }]);
    expect(households.fields).toEqual({ households: 'HH' });
    expect(households.missing).toEqual(['id', 'name', 'individuals']);
  });

  it('says why the import is blocked and, after it, which values the user chose for how many rows', () => {
    const t = translator('en');
    expect(
      blockedMessage({ missing: ['individuals'], unresolved: [{ field: 'siteType', count: 12 }] }, t),
    ).toBe(
      'Import blocked: choose a column for Individuals in “Field mapping” below. Import blocked: choose a value for the rows without Site type (12) (below).',
    );
    expect(blockedMessage({ missing: [], unresolved: [] }, t)).toBe('');
    expect(defaultsSummary([{ field: 'serviceType', value: 'health', count: 161 }], t)).toBe(
      'Values you chose for rows without one: Service type = Health facility (161).',
    );
  });

  it('blocks the import of sites whose people column is not mapped (278,945 IDPs became 0)', async () => {
    const csv = 'SSID,Site,Lat,Lon,Personnes déplacées (total)\nA-1,Camp A,18.55,-72.3,1200\n';
    const { sessions, choice, id } = await open('unrecognised.csv', new TextEncoder().encode(csv));
    expect(sessions.review(id, choice()).missing).toEqual(['individuals']);
    expect(() => sessions.build(id, choice())).toThrow(/individuals/);
    const mapped = choice('sites', { defaults: { siteType: 'spontaneous_site' } });
    mapped.mapping.fields.individuals = 'Personnes déplacées (total)';
    expect(peopleOf(sessions.build(id, mapped).collection)).toBe(1200);
  });

  it('never reads a blank people cell as 0: the row is kept and says its people are unknown', async () => {
    const csv =
      'SSID,Camp Name,Lat,Lon,Number of Individuals,Type of Site\nA,Camp A,18.55,-72.3,,Spontaneous\n';
    const { sessions, choice, id } = await open('blank.csv', new TextEncoder().encode(csv));
    const review = sessions.review(id, choice());
    expect(review.problems).toContainEqual(expect.objectContaining({ code: 'count-missing', row: 2 }));
    expect(sessions.build(id, choice()).collection.features[0]?.properties?.individuals).toBeUndefined();
  });

  it('asks for the service type of health facilities instead of making them distribution points (161 of 319 did)', async () => {
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        point([-72.3, 18.55], { id: 'H1', name: 'Centre de santé fictif', operator: 'MSPP' }),
        point([-72.31, 18.56], { id: 'H2', name: 'Clinique fictive', service: 'Clinique' }),
      ],
    };
    const { sessions, choice, id } = await open('facilities.geojson', json(collection));
    const review = sessions.review(id, choice('services'));
    expect(review.unresolved).toEqual([{ field: 'serviceType', count: 1 }]);
    expect(() => sessions.build(id, choice('services'))).toThrow(/serviceType/);
    const accepted = sessions.build(id, choice('services', { defaults: { serviceType: 'health' } }));
    expect(accepted.collection.features.map((feature) => feature.properties?.serviceType)).toEqual([
      'health',
      'health',
    ]);
    expect(accepted.defaulted).toEqual([{ field: 'serviceType', value: 'health', count: 1 }]);
  });

  it('gives admin areas without a P-code no invented code "1, 2, 3" and no invented level', async () => {
    const outline: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Haïti' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [-74, 18.2],
                [-72, 18.2],
                [-72, 19.8],
                [-74, 18.2],
              ],
            ],
          },
        },
      ],
    };
    const { sessions, choice, id } = await open('outline.geojson', json(outline));
    const review = sessions.review(id, choice('admin'));
    expect(review.missing).toEqual(['pcode']);
    expect(review.unresolved).toEqual([{ field: 'level', count: 1 }]);
    expect(() => sessions.build(id, choice('admin'))).toThrow(/pcode/);
  });

  it('reads COD-AB communal sections at level 3 under their commune, leaving out the one without a P-code', async () => {
    const { sessions, choice, id } = await open('admin-sections-cod-ab.geojson');
    expect(choice().mapping).toMatchObject({
      fields: { pcode: 'ADM3_PCODE', name: 'ADM3_FR', parentPcode: 'ADM2_PCODE', parentName: 'ADM2_FR' },
      constants: { level: 3 },
    });
    const review = sessions.review(id, choice());
    expect(review.validCount).toBe(2);
    expect(review.problems).toContainEqual(
      expect.objectContaining({ code: 'identity-missing', featureIndex: 2, field: 'ADM3_PCODE' }),
    );
    expect(
      sessions.build(id, choice()).collection.features.map((feature) => feature.properties?.pcode),
    ).toEqual(['HT0111-01', 'HT0111-02']);
  });
});

describe('encodings', () => {
  it('decodes a Windows-1252 CSV from French Excel, says so, and reads "Centre latitude" as coordinates', async () => {
    const { sessions, summary, choice, id } = await open('sites-windows-1252.csv');
    expect(summary.encoding).toBe('windows-1252');
    const built = sessions.build(id, choice());
    expect(built.collection.features[0]?.properties).toMatchObject({
      name: 'École Pétion-Ville (fictif)',
      individuals: 410,
      siteType: 'collective_centre',
    });
    expect(built.collection.features[0]?.geometry).toEqual({
      type: 'Point',
      coordinates: [-72.2856, 18.5125],
    });
  });

  it('names UTF-8 with and without a mark and UTF-16 with a mark', () => {
    const text = 'Nom;Latitude\nÉcole;18,5\n';
    const utf8 = new TextEncoder().encode(text);
    const utf16le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])]);
    const utf16be = new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [0, c.charCodeAt(0)])]);
    const decoded = [utf8, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), utf16le, utf16be].map(decodeText);
    expect(decoded.map((result) => result.ok && result.encoding)).toEqual([
      'utf-8',
      'utf-8-bom',
      'utf-16le',
      'utf-16be',
    ]);
    expect(decoded.every((result) => result.ok && result.text === text)).toBe(true);
  });
});

describe('boundaries and KML', () => {
  it('reads TopoJSON communes and names the object it left out', async () => {
    const { sessions, summary, choice, id } = await open('admin-communes.topojson');
    expect(summary.guessedRole).toBe('admin');
    expect(summary.problems).toContainEqual(
      expect.objectContaining({ code: 'topology-several-objects', field: 'communes', value: 'departements' }),
    );
    const built = sessions.build(id, choice());
    expect(built.collection.features.map((feature) => feature.properties?.pcode)).toEqual([
      'HT0111',
      'HT0112',
    ]);
    expect(built.collection.features[1]?.properties).toMatchObject({ level: 2, parentPcode: 'HT01' });
  });

  it('counts KML overlays, models and outside links as not imported, and follows a link inside the KMZ', async () => {
    const { sessions, summary, choice, id } = await open('hazards-overlay.kmz');
    expect(summary.featureCount).toBe(2);
    const counts = Object.fromEntries(
      summary.problems
        .filter((problem) => problem.code.startsWith('not-imported'))
        .map((p) => [p.code, p.value]),
    );
    expect(counts).toEqual({
      'not-imported-image-overlay': '1',
      'not-imported-model': '1',
      'not-imported-network-link': '1',
    });
    const built = sessions.build(
      id,
      choice('hazards', { defaults: { id: 'numbered', hazardType: 'flood', severity: 'medium' } }),
    );
    expect(built.collection.features.map((feature) => feature.properties?.name)).toEqual([
      'Zone inondable fictive A',
      'Zone inondable fictive B',
    ]);
    expect(built.defaulted).toContainEqual({ field: 'id', value: 'numbered', count: 2 });
  });
});

describe('lenient where harmless', () => {
  const ring3d = [
    [-72.3, 18.5, 0],
    [-72.2, 18.5, 0],
    [-72.2, 18.6, 0],
    [-72.3, 18.5, 12],
  ];

  it('splits a MultiPoint site into one site per point with a reported id suffix', async () => {
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'M', name: 'Deux entrées', individuals: 10, siteType: 'planned camp' },
          geometry: {
            type: 'MultiPoint',
            coordinates: [
              [-72.3, 18.55],
              [-72.31, 18.56],
            ],
          },
        },
        point([-72.32, 18.57], { id: 'P', name: 'Un point', individuals: 5, siteType: 'planned camp' }),
      ],
    };
    const { sessions, choice, id } = await open('multipoint.geojson', json(collection));
    const review = sessions.review(id, choice('sites'));
    expect(review.problems).toContainEqual(
      expect.objectContaining({ code: 'multipoint-split', featureIndex: 0, value: '2' }),
    );
    expect(review.validCount).toBe(3);
    const built = sessions.build(id, choice('sites'));
    expect(built.collection.features.map((feature) => feature.properties?.id)).toEqual(['M-1', 'M-2', 'P']);
    // As hazard zones, the refusal names the geometry.
    expect(sessions.review(id, choice('hazards')).problems).toContainEqual(
      expect.objectContaining({ code: 'wrong-geometry-for-role', value: 'MultiPoint' }),
    );
  });

  it('ignores a malformed bbox with a warning, accepts a ring closed in 2-D and unwraps a one-member collection', async () => {
    const collection = {
      type: 'FeatureCollection',
      bbox: 'whole island',
      features: [
        {
          type: 'Feature',
          bbox: [1, 2],
          properties: { id: 'Z1', name: 'Zone', hazardType: 'flood', severity: 'high' },
          geometry: { type: 'Polygon', coordinates: [ring3d] },
        },
        {
          type: 'Feature',
          properties: { id: 'Z2', name: 'Zone 2', hazardType: 'flood', severity: 'low' },
          geometry: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [ring3d] }] },
        },
      ],
    };
    const { sessions, summary, choice, id } = await open('lenient.geojson', json(collection));
    expect(summary.problems.filter((problem) => problem.code === 'bbox-ignored')).toHaveLength(2);
    const review = sessions.review(id, choice('hazards'));
    expect(review.validCount).toBe(2);
    expect(review.repairOffers).toEqual([]);
  });

  it('gives a line file no polygon-ring advice and no close-ring repair', async () => {
    const lines: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Route' },
          geometry: {
            type: 'MultiLineString',
            coordinates: [
              [
                [-72.3, 18.5],
                [-72.2, 18.6],
                [-72.1, 18.5],
              ],
            ],
          },
        },
      ],
    };
    const { sessions, choice, id } = await open('roads.geojson', json(lines));
    const review = sessions.review(id, choice('hazards'));
    expect(review.problems.map((problem) => problem.code)).not.toContain('ring-unclosed');
    expect(review.repairOffers).toEqual([]);
    expect(review.problems).toContainEqual(expect.objectContaining({ code: 'wrong-geometry-for-role' }));
  });

  it('counts rows, not messages: a row with a bad latitude and a bad longitude is one skipped row', async () => {
    const csv = 'SSID,Camp Name,Lat,Lon,Number of Individuals\nA,a,x,y,1\nB,b,18.5,-72.3,2\n';
    const { sessions, choice, id } = await open('rows.csv', new TextEncoder().encode(csv));
    const review = sessions.review(id, choice());
    expect(review.problems.filter((problem) => problem.row === 2)).toHaveLength(2);
    expect(review).toMatchObject({ skippedCount: 1, errorCount: 1, validCount: 1 });
  });
});

describe('out-of-area files', () => {
  it('warns once for the file, before import, when most of it lies outside Haiti', async () => {
    const europe: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        point([2.35, 48.85], { id: 'a', name: 'Paris', individuals: 1, siteType: 'camp' }),
        point([4.35, 50.85], { id: 'b', name: 'Bruxelles', individuals: 1, siteType: 'camp' }),
        point([-72.3, 18.55], { id: 'c', name: 'Delmas', individuals: 1, siteType: 'camp' }),
      ],
    };
    const { sessions, summary, choice, id } = await open('europe.geojson', json(europe));
    expect(summary.problems[0]).toMatchObject({ code: 'file-outside-haiti', value: '2 / 3' });
    const review = sessions.review(id, choice('sites'));
    expect(review.problems.filter((problem) => problem.code === 'outside-haiti')).toEqual([]);
    const haiti = await open('haiti.geojson', json({ ...europe, features: europe.features.slice(2) }));
    expect(haiti.summary.problems.map((problem) => problem.code)).not.toContain('file-outside-haiti');
  });
});
