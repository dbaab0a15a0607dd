/**
 * Export → import: values come back identical (the formula guard is removed),
 * and a labelled gang-control export keeps its sensitivity label whichever
 * layer it is imported into. Each test is named after what broke.
 */
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { csvText } from '../../src/analysis/site-table-csv';
import { LANGUAGES, message } from '../../src/i18n/translate';
import { guardFormula, unguardFormula } from '../../src/io/csv-formula-guard';
import type { LayerRole } from '../../src/io/field-candidates';
import { mapFields } from '../../src/io/field-mapping';
import { createImportSessions } from '../../src/io/import-pipeline';
import { readAnyFile } from '../../src/io/read-any-file';
import { readCsv } from '../../src/io/read-csv';
import {
  isSensitiveCollection,
  isSensitivityLabel,
  isWrittenSensitivityLabel,
  SENSITIVITY_LABEL,
} from '../../src/io/sensitivity';
import { csvDocument, writeCsv } from '../../src/io/write-csv';
import { writeGeoJson } from '../../src/io/write-geojson';
import { escapeXml, writeKml } from '../../src/io/write-kml';
import { acceptingDefaults } from '../fixtures/io/accept-defaults';

const TRICKY = [
  '=2+5',
  '+509 3456 7890',
  '-x',
  '@home',
  "'=already",
  "''+twice",
  "'plain",
  '-72.5',
  'A, "B"',
];

const sites: FeatureCollection = {
  type: 'FeatureCollection',
  features: TRICKY.map((value, index) => ({
    type: 'Feature',
    properties: { id: value, name: `${value} name`, note: value, individuals: 10 + index },
    geometry: { type: 'Point', coordinates: [-72.33, 18.54 + index / 100] },
  })),
};

const control: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'C-1', name: 'Zone fictive', controlLevel: 'contested', sensitivity: 'sensitive' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-72.35, 18.53],
            [-72.33, 18.53],
            [-72.33, 18.55],
            [-72.35, 18.53],
          ],
        ],
      },
    },
  ],
};

describe('CSV round trips', () => {
  it('gives back values starting with = + - @ unchanged (the guard apostrophe was kept, changing ids and names)', async () => {
    const text = writeCsv(sites, 'sites', message('en', 'export.sensitivityLabel'));
    expect(text).toContain("'=2+5");
    const read = await readCsv(text, 'sites.csv');
    if (!read.ok) throw new Error('unreadable');
    for (const [index, value] of TRICKY.entries()) {
      expect(read.collection.features[index]?.properties).toMatchObject({
        id: value,
        name: `${value} name`,
        note: value,
      });
    }
  });

  it('guards and unguards as documented: exactly one apostrophe, plain numbers untouched', () => {
    for (const value of [...TRICKY, '\t=x', '']) expect(unguardFormula(guardFormula(value))).toBe(value);
    expect(guardFormula('=2+5')).toBe("'=2+5");
    expect(guardFormula("'=x")).toBe("''=x");
    expect(guardFormula('-72.5')).toBe('-72.5');
    expect(unguardFormula("'Ti Kay")).toBe("'Ti Kay");
  });

  it('writes the site table through the same writer as layer exports (papaparse had another escaping policy)', () => {
    const rows = [
      ['Nom', 'Personnes'],
      ['=HYPERLINK("x")', 12],
      ['Ti "Kay", Delmas', null],
    ];
    expect(csvText(rows)).toBe(csvDocument(rows));
    expect(csvText(rows)).toBe(
      '\uFEFFNom,Personnes\r\n"\'=HYPERLINK(""x"")",12\r\n"Ti ""Kay"", Delmas",\r\n',
    );
  });
});

describe('sensitivity labels', () => {
  const english = message('en', 'export.sensitivityLabel');
  const exports = {
    geojson: (label: string) => writeGeoJson(control, 'control', label),
    csv: (label: string) => writeCsv(control, 'control', label),
    kml: (label: string) => writeKml(control, { role: 'control', sensitivityLabel: label }),
  };

  for (const [format, write] of Object.entries(exports)) {
    // Control zones are polygons: the other polygon layers are where they can land.
    for (const role of ['hazards', 'admin', 'control'] as LayerRole[]) {
      it(`keeps the label of a ${format} control export imported as ${role} (it was lost)`, async () => {
        const sessions = createImportSessions((fileName, bytes) => readAnyFile(fileName, bytes));
        const summary = await sessions.read(`control.${format}`, new TextEncoder().encode(write(english)));
        if (!summary.ok) throw new Error(`unreadable: ${summary.problems[0]?.code}`);
        expect(summary.sensitive).toBe(true);
        const mapping = mapFields(role, summary.columns);
        // A control export has no P-code: as admin areas, the user maps its id column to one.
        if (role === 'admin')
          mapping.fields.pcode = summary.columns.find((column) => column.name === 'id')?.name ?? 'id';
        const choice = acceptingDefaults(sessions, summary.sessionId, { role, mapping, repairs: [] });
        const built = sessions.build(summary.sessionId, choice);
        const features = built.collection.features;
        expect(features.length).toBe(1);
        for (const feature of features) expect(feature.properties?.sensitivity).toBe('sensitive');
        // …and exports of that layer carry the label again.
        expect(isSensitiveCollection(built.collection, role)).toBe(true);
        expect(writeGeoJson(built.collection, role, english)).toContain('"sensitivity":"SENSITIVE');
      });
    }

    for (const language of LANGUAGES) {
      it(`keeps the label of a ${format} export written in ${language}, re-imported and re-exported in another language (CSV exports wrote the sensitivity text in English whatever the language)`, async () => {
        const label = message(language, 'export.sensitivityLabel');
        const text = write(label);
        expect(text).toContain(format === 'kml' ? escapeXml(label) : label);
        if (language !== 'en') expect(text).not.toContain('SENSITIVE');
        const sessions = createImportSessions((fileName, bytes) => readAnyFile(fileName, bytes));
        const summary = await sessions.read(`control.${format}`, new TextEncoder().encode(text));
        if (!summary.ok) throw new Error(`unreadable: ${summary.problems[0]?.code}`);
        expect(summary.sensitive).toBe(true);
        const built = sessions.build(
          summary.sessionId,
          acceptingDefaults(sessions, summary.sessionId, {
            role: 'hazards',
            mapping: mapFields('hazards', summary.columns),
            repairs: [],
          }),
        );
        for (const feature of built.collection.features)
          expect(feature.properties?.sensitivity).toBe('sensitive');
        const other = LANGUAGES[(LANGUAGES.indexOf(language) + 1) % LANGUAGES.length] ?? 'en';
        const otherLabel = message(other, 'export.sensitivityLabel');
        const again = writeCsv(built.collection, 'hazards', otherLabel);
        expect(again).toContain(otherLabel);
        expect(again).not.toContain(label);
      });
    }
  }

  it('still recognises files carrying the old English label', async () => {
    const old = writeCsv(control, 'control', SENSITIVITY_LABEL);
    const sessions = createImportSessions((fileName, bytes) => readAnyFile(fileName, bytes));
    const summary = await sessions.read('control.csv', new TextEncoder().encode(old));
    expect(summary.ok && summary.sensitive).toBe(true);
  });

  it('starts the label of every catalogue with a word the readers look for', () => {
    for (const language of LANGUAGES) {
      const label = message(language, 'export.sensitivityLabel');
      expect(isWrittenSensitivityLabel(label)).toBe(true);
      expect(isSensitivityLabel(label)).toBe(true);
    }
    expect(isWrittenSensitivityLabel(SENSITIVITY_LABEL)).toBe(true);
    for (const text of ['Sensible data', 'SANSIBLITE', 'sensitive', 'SENSITIVENESS', '']) {
      expect(isWrittenSensitivityLabel(text)).toBe(false);
    }
  });

  it('does not label an ordinary file', async () => {
    const sessions = createImportSessions((fileName, bytes) => readAnyFile(fileName, bytes));
    const summary = await sessions.read(
      'sites.csv',
      new TextEncoder().encode(writeCsv(sites, 'sites', english)),
    );
    expect(summary.ok && summary.sensitive).toBe(false);
  });
});
