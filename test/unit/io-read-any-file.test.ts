import { describe, expect, it } from 'vitest';
import { detectFormat, readAnyFile } from '../../src/io/read-any-file';
import { loadFixture } from '../fixtures/io/load-fixture';
import { parseXmlForTests } from '../fixtures/io/minimal-xml-dom';

const options = { parseXml: parseXmlForTests };

describe('readAnyFile', () => {
  it.each([
    ['dtm-sites-hxl.csv', 3],
    ['sites-semicolon-french.csv', 2],
    ['admin-cod-ab.geojson', 2],
    ['hazards-small.kml', 2],
    ['hazards.kmz', 2],
    ['admin-communes-shapefile.zip', 3],
  ])('reads %s', async (name, count) => {
    const result = await readAnyFile(name, loadFixture(name), options);
    expect(result.ok && result.collection.features.length).toBe(count);
  });

  it('sniffs content over a misleading extension', async () => {
    expect(detectFormat('sites.txt', loadFixture('admin-cod-ab.geojson'))).toBe('geojson');
    expect(detectFormat('download.bin', loadFixture('hazards.kmz'))).toBe('kmz');
    expect(detectFormat('layer.kmz', loadFixture('admin-communes-shapefile.zip'))).toBe('shapefile');
    expect(detectFormat('export.json', loadFixture('hazards-small.kml'))).toBe('kml');
    const result = await readAnyFile('communes.dat', loadFixture('admin-communes-shapefile.zip'), options);
    expect(result.ok).toBe(true);
  });

  it('gives clear problems for empty, binary and unknown files', async () => {
    expect((await readAnyFile('x.csv', new Uint8Array())).problems[0]?.code).toBe('empty-file');
    expect(
      (await readAnyFile('x.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))).problems[0]?.code,
    ).toBe('not-text');
    expect((await readAnyFile('notes.docx', 'plain words')).problems[0]?.code).toBe('unsupported-format');
  });
});
