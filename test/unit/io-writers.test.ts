import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, message } from '../../src/i18n/translate';
import { exportFileName } from '../../src/io/export-file-name';
import { applyFieldMapping, findFieldMapping } from '../../src/io/field-mapping';
import { readCsv } from '../../src/io/read-csv';
import { readGeoJson } from '../../src/io/read-geojson';
import { readKml } from '../../src/io/read-kml';
import { cell, writeCsv } from '../../src/io/write-csv';
import { writeGeoJson } from '../../src/io/write-geojson';
import { escapeXml, writeKml } from '../../src/io/write-kml';
import { EXPORT_FORMATS, exportContent } from '../../src/ui/export-dialog';
import { loadFixture } from '../fixtures/io/load-fixture';
import { parseXmlForTests } from '../fixtures/io/minimal-xml-dom';

const sites: FeatureCollection = {
  type: 'FeatureCollection',
  features: [1, 2].map((index) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [-72.3 - index / 100, 18.5 + index / 1000] },
    properties: {
      id: `FIC-${index}`,
      name: `Site fictif n° ${index}, "Lakou"`,
      siteType: 'spontaneous_site',
      admin1Pcode: 'HT01',
      admin1Name: 'Ouest',
      admin2Pcode: 'HT0112',
      admin2Name: 'Delmas',
      households: 120 * index,
      individuals: 480 * index,
      managementAgency: 'Agence fictive',
      areaSquareMetres: 5400.5,
      needShelter: 4,
      needWash: 3,
      needHealth: 2,
      needProtection: 5,
      lastAssessment: '2024-03-15',
    },
  })),
};

const control: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      // Two parts: KML cannot tell a one-part MultiPolygon from a Polygon, so that one comes back as a Polygon.
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [-72.35, 18.53],
              [-72.33, 18.53],
              [-72.33, 18.55],
              [-72.35, 18.53],
            ],
          ],
          [
            [
              [-72.3, 18.5],
              [-72.29, 18.5],
              [-72.29, 18.51],
              [-72.3, 18.5],
            ],
          ],
        ],
      },
      properties: {
        id: 'C-1',
        name: 'Zone fictive (démo)',
        controlLevel: 'contested',
        lastUpdate: '2024-03-01',
        source: 'Démo',
        sensitivity: 'sensitive',
      },
    },
  ],
};

/** The label each interface language writes. */
const labelIn = (language: (typeof LANGUAGES)[number]) => message(language, 'export.sensitivityLabel');
const english = labelIn('en');

describe('round trips', () => {
  it('GeoJSON gives back the same features, with the sensitivity member for control', async () => {
    const back = await readGeoJson(writeGeoJson(sites, 'sites', english), 'x.geojson');
    expect(back.ok && back.collection.features).toEqual(sites.features);
    expect(writeGeoJson(sites, 'sites', english)).not.toContain('sensitivity');
    for (const language of LANGUAGES) {
      const text = writeGeoJson(control, 'control', labelIn(language));
      const sensitive = await readGeoJson(text, 'c.geojson');
      expect(sensitive.ok && sensitive.collection.sensitivity).toBe(labelIn(language));
      expect(text.indexOf('sensitivity')).toBeLessThan(text.indexOf('features'));
    }
  });

  it('CSV (HXL row 2) gives back the same sites through field mapping', async () => {
    const text = writeCsv(sites, 'sites', english);
    const [header, tags] = text.replace('\uFEFF', '').split('\r\n');
    expect(header?.startsWith('id,name,siteType,')).toBe(true);
    expect(tags).toContain('#affected+idps+hh');
    expect(tags?.endsWith('#geo+lat,#geo+lon')).toBe(true);
    const back = await readCsv(text, 'x.csv');
    if (!back.ok) throw new Error('unreadable');
    const mapping = findFieldMapping(back.collection, 'sites', back.columns);
    expect(mapping.missing).toEqual([]);
    expect(applyFieldMapping(back.collection, mapping).features).toEqual(sites.features);
  });

  it('CSV of the control layer: WKT polygons and a sensitivity column QGIS opens as data', async () => {
    for (const language of LANGUAGES) {
      const text = writeCsv(control, 'control', labelIn(language));
      expect(text.replace('\uFEFF', '').startsWith('sensitivity,id,name,')).toBe(true);
      const back = await readCsv(text, 'c.csv');
      if (!back.ok) throw new Error('unreadable');
      expect(back.collection.sensitivity).toBe(labelIn(language));
      const mapped = applyFieldMapping(
        back.collection,
        findFieldMapping(back.collection, 'control', back.columns),
      );
      expect(mapped.features).toEqual(control.features);
    }
  });

  it('KML gives back the same features (typed numbers, MultiPolygon) and labels control', async () => {
    const siteKml = writeKml(sites, { role: 'sites', sensitivityLabel: english });
    expect(siteKml).not.toContain('<description>');
    const back = await readKml(siteKml, 'x.kml', parseXmlForTests);
    expect(back.ok && back.collection.features).toEqual(sites.features);
    for (const language of LANGUAGES) {
      const label = labelIn(language);
      const sensitiveKml = writeKml(control, {
        role: 'control',
        documentName: 'Contrôle',
        sensitivityLabel: label,
      });
      expect(sensitiveKml).toContain(`<description>${escapeXml(label)}</description>`);
      const sensitive = await readKml(sensitiveKml, 'c.kml', parseXmlForTests);
      expect(sensitive.ok && sensitive.collection.features).toEqual(control.features);
      expect(sensitive.ok && sensitive.collection.sensitivity).toBe(label);
    }
  });
});

describe('export dialog', () => {
  it('writes the label of the interface language in every format (CSV exports wrote the sensitivity text in English whatever the language)', () => {
    for (const language of LANGUAGES) {
      for (const format of EXPORT_FORMATS) {
        const { text } = exportContent(control, 'control', format, new Date(2026, 11, 2), language);
        const label = labelIn(language);
        expect(text, `${format} ${language}`).toContain(format === 'kml' ? escapeXml(label) : label);
        if (language !== 'en') expect(text, `${format} ${language}`).not.toContain('SENSITIVE');
      }
    }
  });
});

describe('hostile names', () => {
  it('stay text in KML and read back unchanged', async () => {
    const read = await readGeoJson(loadFixture('hostile-names.geojson'), 'hostile.geojson');
    if (!read.ok) throw new Error('unreadable');
    const kml = writeKml(read.collection, { sensitivityLabel: english });
    expect(kml).not.toContain('<img');
    expect(kml).not.toContain('<script');
    expect(kml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const back = await readKml(kml, 'hostile.kml', parseXmlForTests);
    expect(back.ok && back.collection.features.map((feature) => feature.properties?.name)).toEqual(
      read.collection.features.map((feature) => feature.properties?.name),
    );
  });

  it('cannot run as spreadsheet formulas from CSV', () => {
    expect(cell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(cell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(cell('-72.5')).toBe('-72.5');
    expect(cell(-72.5)).toBe('-72.5');
    expect(cell('-1+1')).toBe(`'-1+1`);
    expect(cell('A, B')).toBe('"A, B"');
  });

  it('escapes XML and drops forbidden control characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });
});

describe('exportFileName', () => {
  it('follows HTI_<short-name>_<YYYYMMDD>.<ext>', () => {
    const date = new Date(2026, 10, 22, 12);
    expect(exportFileName('sites-exposure', 'csv', date)).toBe('HTI_sites-exposure_20261122.csv');
    expect(exportFileName('Sites Pétion-Ville (zones)', '.GeoJSON', date)).toBe(
      'HTI_sites-petion-ville-zones_20261122.geojson',
    );
    expect(exportFileName('***', 'kml', date)).toBe('HTI_export_20261122.kml');
  });
});
