import { describe, expect, it } from 'vitest';
import { readGeoJson } from '../../src/io/read-geojson';
import { loadFixture } from '../fixtures/io/load-fixture';

describe('readGeoJson', () => {
  it('reads a FeatureCollection with COD-AB fields', async () => {
    const result = await readGeoJson(loadFixture('admin-cod-ab.geojson'), 'admin-cod-ab.geojson');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.collection.features).toHaveLength(2);
    expect(result.collection.features[0]?.properties?.ADM2_PCODE).toBe('HT0111');
  });

  it('wraps a single Feature and a bare geometry', async () => {
    const feature = await readGeoJson(
      '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[-72.3,18.5]}}',
      'f.geojson',
    );
    const geometry = await readGeoJson('{"type":"Point","coordinates":[-72.3,18.5]}', 'g.geojson');
    for (const result of [feature, geometry]) {
      expect(result.ok && result.collection.features.length).toBe(1);
    }
  });

  it('strips a byte-order mark', async () => {
    const result = await readGeoJson('\uFEFF{"type":"FeatureCollection","features":[]}', 'bom.geojson');
    expect(result.ok).toBe(true);
    expect(result.problems.map((problem) => problem.code)).toEqual(['no-features']);
  });

  it('points at the line and column of broken JSON', async () => {
    const result = await readGeoJson(loadFixture('broken-not-json.geojson'), 'broken-not-json.geojson');
    expect(result).toEqual({
      ok: false,
      problems: [
        { severity: 'error', code: 'invalid-json', fileName: 'broken-not-json.geojson', line: 4, column: 4 },
      ],
    });
  });

  it('reports truncated JSON at its end', async () => {
    const result = await readGeoJson('{"type":"FeatureCollection",\n"features":[', 'cut.geojson');
    expect(result.problems[0]).toMatchObject({ code: 'invalid-json', line: 2, column: 13 });
  });

  it('refuses JSON that is not GeoJSON', async () => {
    for (const text of [
      '[1,2]',
      '"text"',
      '{"type":"Topology"}',
      '{"type":"FeatureCollection","features":{}}',
    ]) {
      const result = await readGeoJson(text, 'x.json');
      expect(result.ok).toBe(false);
      expect(result.problems[0]?.code).toBe('not-geojson');
    }
  });

  it('refuses binary content and empty files', async () => {
    expect((await readGeoJson(new Uint8Array([0, 1, 2, 255]), 'x.geojson')).problems[0]?.code).toBe(
      'not-text',
    );
    expect((await readGeoJson('  \n', 'x.geojson')).problems[0]?.code).toBe('empty-file');
  });
});
