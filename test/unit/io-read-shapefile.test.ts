import { describe, expect, it } from 'vitest';
import { readShapefile } from '../../src/io/read-shapefile';
import { loadFixture } from '../fixtures/io/load-fixture';

describe('readShapefile', () => {
  it('reads a zipped polygon Shapefile with its UTF-8 attribute table', async () => {
    const result = await readShapefile(loadFixture('admin-communes-shapefile.zip'), 'admin.zip');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.collection.features).toHaveLength(3);
    expect(result.collection.features[2]?.properties).toMatchObject({
      ADM2_PCODE: 'HT0114',
      ADM2_FR: 'Pétion-Ville',
    });
    expect(result.collection.features[0]?.geometry?.type).toBe('Polygon');
    expect(result.collection).not.toHaveProperty('fileName');
  });

  it('reports a zip without a Shapefile and garbage bytes', async () => {
    expect(
      (await readShapefile(loadFixture('broken-zip-without-shapefile.zip'), 'x.zip')).problems[0]?.code,
    ).toBe('shapefile-without-layer');
    expect((await readShapefile(new Uint8Array([1, 2, 3]), 'y.zip')).ok).toBe(false);
  });
});
