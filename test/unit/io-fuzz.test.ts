import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LAYER_IDS } from '../../src/domain/types';
import { readAnyFile } from '../../src/io/read-any-file';
import { applyRepairs } from '../../src/io/repair';
import { validateCollection } from '../../src/io/validate';
import { parseXmlForTests } from '../fixtures/io/minimal-xml-dom';

const options = { parseXml: parseXmlForTests };
const names = fc.constantFrom('a.geojson', 'a.csv', 'a.kml', 'a.kmz', 'a.zip', 'a.json', 'a', 'a.txt');
const roles = fc.constantFrom(...LAYER_IDS);

/** Reads, validates and repairs; any exception fails the property. */
async function survives(fileName: string, bytes: Uint8Array | string): Promise<void> {
  const read = await readAnyFile(fileName, bytes, options);
  expect(Array.isArray(read.problems)).toBe(true);
  if (read.ok) {
    for (const role of LAYER_IDS) {
      const validated = validateCollection(read.collection, role, fileName);
      applyRepairs(read.collection, validated.problems, ['swap-coordinates', 'close-ring']);
    }
  }
}

describe('never throws', () => {
  it('on random bytes under any name', async () => {
    await fc.assert(fc.asyncProperty(names, fc.uint8Array({ maxLength: 600 }), survives), { numRuns: 300 });
  });

  it('on random strings, including CSV- and XML-looking ones', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc
        .array(
          fc.constantFrom(
            'lat',
            'lon',
            ',',
            ';',
            '\t',
            '\n',
            '"',
            '18,5',
            '-72.3',
            '#geo+lat',
            '#geo+lon',
            'x',
          ),
          { maxLength: 60 },
        )
        .map((parts) => parts.join('')),
      fc
        .array(
          fc.constantFrom(
            '<kml>',
            '</kml>',
            '<Placemark>',
            '</Placemark>',
            '<Point>',
            '<coordinates>',
            '-72,18',
            '</coordinates>',
            '</Point>',
            '&amp;',
            '<![CDATA[x]]>',
          ),
          { maxLength: 30 },
        )
        .map((parts) => parts.join('')),
    );
    await fc.assert(fc.asyncProperty(names, text, survives), { numRuns: 300 });
  });

  it('on random JSON values, bare and wrapped as features or geometries', async () => {
    const json = fc.jsonValue({ maxDepth: 6 });
    const wrapped = fc.oneof(
      json,
      json.map((value) => ({ type: 'FeatureCollection', features: value })),
      json.map((value) => ({
        type: 'FeatureCollection',
        features: [value, { type: 'Feature', geometry: value, properties: value }],
      })),
      fc
        .tuple(
          fc.constantFrom(
            'Point',
            'MultiPoint',
            'LineString',
            'Polygon',
            'MultiPolygon',
            'GeometryCollection',
          ),
          json,
        )
        .map(([type, value]) => ({
          type: 'Feature',
          properties: {},
          geometry: { type, coordinates: value, geometries: value },
        })),
    );
    await fc.assert(
      fc.asyncProperty(wrapped, roles, async (value, role) => {
        await survives('fuzz.geojson', JSON.stringify(value));
        validateCollection(value, role, 'direct');
      }),
      { numRuns: 400 },
    );
  });

  it('on deeply nested junk and zips holding junk', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    await survives('deep.geojson', deep);
    let nested: unknown = { type: 'Point', coordinates: [-72.3, 18.5] };
    for (let level = 0; level < 5_000; level++) nested = { type: 'GeometryCollection', geometries: [nested] };
    expect(
      validateCollection(
        { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: nested }] },
        'sites',
        'x',
      ).validFeatures,
    ).toEqual([]);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('doc.kml', 'layer.shp', 'layer.dbf', 'x.txt'),
        fc.uint8Array({ maxLength: 300 }),
        async (entry, bytes) => {
          await survives('fuzz.zip', zipSync({ [entry]: bytes }));
        },
      ),
      { numRuns: 100 },
    );
  });
});
