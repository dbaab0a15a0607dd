import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findFieldMapping } from '../../src/io/field-mapping';
import type { Problem } from '../../src/io/problem';
import { readCsv } from '../../src/io/read-csv';
import { readGeoJson } from '../../src/io/read-geojson';
import { applyRepairs } from '../../src/io/repair';
import { validateCollection } from '../../src/io/validate';
import { checkGeometry } from '../../src/io/validate-geometry';
import { loadFixture } from '../fixtures/io/load-fixture';

async function geoJsonFixture(name: string): Promise<FeatureCollection> {
  const result = await readGeoJson(loadFixture(name), name);
  if (!result.ok) throw new Error(`${name} unreadable`);
  return result.collection;
}

const codes = (problems: readonly Pick<Problem, 'code'>[]) => problems.map((problem) => problem.code);

describe('geometry rules', () => {
  it('accepts a point in Haiti for sites', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [-72.33, 18.54] }, 'sites')).toEqual([]);
  });

  it('flags swapped latitude/longitude with a repair', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [18.54, -72.33] }, 'sites')).toEqual([
      { severity: 'error', code: 'coordinates-swapped', value: '18.54, -72.33', repair: 'swap-coordinates' },
    ]);
  });

  it('warns about a position outside Haiti and rejects impossible ones', () => {
    expect(codes(checkGeometry({ type: 'Point', coordinates: [2.35, 48.85] }, 'sites'))).toEqual([
      'outside-haiti',
    ]);
    expect(codes(checkGeometry({ type: 'Point', coordinates: [-272, 98] }, 'sites'))).toEqual([
      'coordinate-out-of-range',
    ]);
  });

  it('rejects strings, NaN and nulls as coordinates', () => {
    for (const coordinates of [
      ['-72.3', '18.5'],
      [Number.NaN, 18.5],
      [null, 18.5],
    ]) {
      expect(codes(checkGeometry({ type: 'Point', coordinates }, 'sites'))).toEqual([
        'coordinate-not-number',
      ]);
    }
  });

  it('flags null, empty and unknown geometries', () => {
    expect(codes(checkGeometry(null, 'hazards'))).toEqual(['null-geometry']);
    expect(codes(checkGeometry({ type: 'Polygon', coordinates: [] }, 'hazards'))).toEqual(['empty-geometry']);
    expect(codes(checkGeometry({ type: 'Polygon', coordinates: [[]] }, 'hazards'))).toEqual([
      'empty-geometry',
    ]);
    expect(codes(checkGeometry({ type: 'Circle', coordinates: [1, 2] }, 'hazards'))).toEqual([
      'unsupported-geometry',
    ]);
  });

  it('flags unclosed rings (repairable) and degenerate rings (not)', () => {
    const open = [
      [
        [-72.35, 18.53],
        [-72.33, 18.53],
        [-72.33, 18.55],
      ],
    ];
    expect(checkGeometry({ type: 'Polygon', coordinates: open }, 'hazards')).toEqual([
      { severity: 'error', code: 'ring-unclosed', repair: 'close-ring' },
    ]);
    const degenerate = [
      [
        [-72.35, 18.53],
        [-72.33, 18.53],
        [-72.35, 18.53],
      ],
    ];
    expect(codes(checkGeometry({ type: 'Polygon', coordinates: degenerate }, 'hazards'))).toEqual([
      'ring-degenerate',
    ]);
  });

  it('wants points for sites and services, polygons for the others', () => {
    const polygon: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [-72.35, 18.53],
          [-72.33, 18.53],
          [-72.33, 18.55],
          [-72.35, 18.53],
        ],
      ],
    };
    expect(codes(checkGeometry(polygon, 'services'))).toEqual(['wrong-geometry-for-role']);
    expect(codes(checkGeometry({ type: 'Point', coordinates: [-72.3, 18.5] }, 'admin'))).toEqual([
      'wrong-geometry-for-role',
    ]);
    expect(checkGeometry(polygon, 'control')).toEqual([]);
  });
});

describe('validateCollection on broken fixtures', () => {
  it('broken-unclosed-ring: one repairable, one not', async () => {
    const result = validateCollection(
      await geoJsonFixture('broken-unclosed-ring.geojson'),
      'hazards',
      'ring.geojson',
    );
    expect(result.problems).toMatchObject([
      { code: 'ring-unclosed', featureIndex: 0, repair: 'close-ring' },
      { code: 'ring-degenerate', featureIndex: 1 },
    ]);
    expect(result.validFeatures).toEqual([]);
    expect(result.repairable).toHaveLength(1);
  });

  it('broken-string-coordinates and out-of-range', async () => {
    const result = validateCollection(
      await geoJsonFixture('broken-string-coordinates.geojson'),
      'sites',
      'strings.geojson',
    );
    expect(codes(result.problems)).toEqual(['coordinate-not-number', 'coordinate-out-of-range']);
  });

  it('broken-duplicate-ids: the second occurrence is an error naming the column', async () => {
    const result = validateCollection(
      await geoJsonFixture('broken-duplicate-ids.geojson'),
      'sites',
      'dup.geojson',
    );
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'duplicate-id',
        fileName: 'dup.geojson',
        featureIndex: 2,
        field: 'site_id',
        value: 'FIC-1',
      },
    ]);
    expect(result.validFeatures).toHaveLength(2);
  });

  it('broken-empty-geometry: null, [], [[]] and [[[]]] never throw', async () => {
    const result = validateCollection(
      await geoJsonFixture('broken-empty-geometry.geojson'),
      'hazards',
      'empty.geojson',
    );
    expect(codes(result.problems)).toEqual([
      'null-geometry',
      'empty-geometry',
      'empty-geometry',
      'empty-geometry',
    ]);
  });

  it('broken-wrong-geometry-for-role', async () => {
    const result = validateCollection(
      await geoJsonFixture('broken-wrong-geometry-for-role.geojson'),
      'sites',
      'wrong.geojson',
    );
    expect(result.problems).toMatchObject([
      { code: 'wrong-geometry-for-role', value: 'LineString', featureIndex: 0 },
      { code: 'wrong-geometry-for-role', value: 'Polygon', featureIndex: 1 },
    ]);
  });

  it('broken-swapped-coordinates.csv: reported with its spreadsheet row, then repaired', async () => {
    const read = await readCsv(loadFixture('broken-swapped-coordinates.csv'), 'swapped.csv');
    if (!read.ok) throw new Error('fixture unreadable');
    const result = validateCollection(read.collection, 'sites', 'swapped.csv', {
      sourceRows: read.sourceRows,
    });
    expect(result.problems).toMatchObject([
      { code: 'coordinates-swapped', featureIndex: 1, row: 3, repair: 'swap-coordinates' },
    ]);
    const repaired = applyRepairs(read.collection, result.problems, ['swap-coordinates']);
    expect(repaired.features[1]?.geometry).toEqual({ type: 'Point', coordinates: [-72.31, 18.55] });
    expect(read.collection.features[1]?.geometry).toEqual({ type: 'Point', coordinates: [18.55, -72.31] });
    expect(validateCollection(repaired, 'sites', 'swapped.csv').problems).toEqual([]);
  });

  it('broken-bad-numbers.csv: unparseable counts are warnings, a negative count is an error (totals went negative)', async () => {
    const read = await readCsv(loadFixture('broken-bad-numbers.csv'), 'numbers.csv');
    if (!read.ok) throw new Error('fixture unreadable');
    const mapping = findFieldMapping(read.collection, 'sites', read.columns);
    const result = validateCollection(read.collection, 'sites', 'numbers.csv', {
      mapping,
      sourceRows: read.sourceRows,
    });
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        code: 'number-unparseable',
        fileName: 'numbers.csv',
        featureIndex: 0,
        row: 2,
        field: 'households',
        value: '12O',
      },
      {
        severity: 'error',
        code: 'number-negative',
        fileName: 'numbers.csv',
        featureIndex: 1,
        row: 3,
        field: 'individuals',
        value: '-7',
      },
      {
        severity: 'warning',
        code: 'number-unparseable',
        fileName: 'numbers.csv',
        featureIndex: 2,
        row: 6,
        field: 'households',
        value: 'n/a',
      },
      // A blank people count is reported, never read as 0 (a DTM list imported with 0 people everywhere).
      {
        severity: 'warning',
        code: 'count-missing',
        fileName: 'numbers.csv',
        featureIndex: 2,
        row: 6,
        field: 'individuals',
      },
    ]);
    expect(result.validFeatures).toHaveLength(2);
  });

  it('closes rings on request, returning a new collection', async () => {
    const collection = await geoJsonFixture('broken-unclosed-ring.geojson');
    const before = structuredClone(collection);
    const { problems } = validateCollection(collection, 'hazards', 'ring.geojson');
    const repaired = applyRepairs(collection, problems, ['close-ring']);
    expect(collection).toEqual(before);
    expect(repaired).not.toBe(collection);
    expect(codes(validateCollection(repaired, 'hazards', 'ring.geojson').problems)).toEqual([
      'ring-degenerate',
    ]);
    expect(applyRepairs(collection, problems, [])).toEqual(collection);
  });

  it('reports non-features and non-collections instead of throwing', () => {
    expect(
      codes(
        validateCollection({ type: 'FeatureCollection', features: [1, null, 'x'] }, 'sites', 'x').problems,
      ),
    ).toEqual(['not-a-feature', 'not-a-feature', 'not-a-feature']);
    expect(codes(validateCollection(42, 'sites', 'x').problems)).toEqual(['not-geojson']);
  });
});
