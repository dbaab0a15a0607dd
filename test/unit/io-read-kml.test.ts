import { describe, expect, it } from 'vitest';
import { readKml } from '../../src/io/read-kml';
import { pickKmlEntry, readKmz } from '../../src/io/read-kmz';
import { loadFixture } from '../fixtures/io/load-fixture';
import { parseXmlForTests } from '../fixtures/io/minimal-xml-dom';

describe('readKml', () => {
  it('reads placemarks with extended data and folds MultiGeometry into MultiPolygon', async () => {
    const result = await readKml(loadFixture('hazards-small.kml'), 'hazards-small.kml', parseXmlForTests);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first, second] = result.collection.features;
    expect(first?.id).toBe('hz-1');
    expect(first?.properties).toMatchObject({
      name: 'Zone inondable fictive A',
      hazardType: 'Inondation',
      severity: 'élevé',
    });
    expect(first?.geometry?.type).toBe('Polygon');
    expect(second?.geometry?.type).toBe('MultiPolygon');
  });

  it('reports malformed XML, whether the parser throws or returns a parsererror document', async () => {
    const thrown = await readKml(loadFixture('broken-invalid.kml'), 'broken-invalid.kml', parseXmlForTests);
    expect(thrown.problems[0]?.code).toBe('invalid-xml');
    const browserStyle = await readKml('<kml>', 'x.kml', () =>
      parseXmlForTests('<html><parsererror>bad</parsererror></html>'),
    );
    expect(browserStyle.problems[0]?.code).toBe('invalid-xml');
  });

  it('refuses XML that is not KML', async () => {
    const result = await readKml('<svg><rect/></svg>', 'drawing.kml', parseXmlForTests);
    expect(result.problems[0]?.code).toBe('not-kml');
  });

  it('parses with @xmldom/xmldom where there is no DOMParser (the import worker)', async () => {
    const result = await readKml(loadFixture('hazards-small.kml'), 'hazards-small.kml');
    expect(result.ok && result.collection.features.map((feature) => feature.geometry?.type)).toEqual([
      'Polygon',
      'MultiPolygon',
    ]);
    const broken = await readKml('<kml>\n<Document></kml>', 'broken.kml');
    expect(broken.problems[0]).toMatchObject({ code: 'invalid-xml', line: 2 });
  });
});

describe('readKmz', () => {
  it('reads doc.kml from a KMZ', async () => {
    const result = await readKmz(loadFixture('hazards.kmz'), 'hazards.kmz');
    expect(result.ok && result.collection.features).toHaveLength(2);
  });

  it('reports a KMZ without KML and a truncated archive', async () => {
    expect(
      (await readKmz(loadFixture('broken-kmz-without-kml.kmz'), 'a.kmz', { parseXml: parseXmlForTests }))
        .problems[0]?.code,
    ).toBe('kmz-without-kml');
    expect(
      (await readKmz(loadFixture('broken-truncated.kmz'), 'b.kmz', { parseXml: parseXmlForTests }))
        .problems[0]?.code,
    ).toBe('zip-unreadable');
  });

  it('prefers doc.kml, else the first .kml entry', () => {
    expect(pickKmlEntry(['a/layer.kml', 'doc.kml'])).toBe('doc.kml');
    expect(pickKmlEntry(['__MACOSX/x.kml', 'b.kml', 'c.kml'])).toBe('b.kml');
    expect(pickKmlEntry(['image.png'])).toBeUndefined();
  });
});
