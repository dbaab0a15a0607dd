/**
 * The site-table CSV (header, HXL row, rows in table order) and the cell
 * texts, in both languages, before and after the flags arrive.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { KeyFigure } from '../../src/analyses/analysis-descriptor';
import { keyFiguresCsvRows } from '../../src/analyses/key-figures';
import { cellText } from '../../src/analysis/site-table-cells';
import { SITE_TABLE_FLAGS, type SiteTableData } from '../../src/analysis/site-table-columns';
import { csvText, siteTableCsvRows } from '../../src/analysis/site-table-csv';
import { siteTableSource } from '../../src/analysis/site-table-source';
import type { SiteCollection } from '../../src/domain/types';
import { LANGUAGES, message, translator } from '../../src/i18n/translate';
import { readCsv } from '../../src/io/read-csv';
import { carriesSensitivityLabel } from '../../src/io/sensitivity';
import { SITE_FLAG, siteFlags } from '../../workers/analysis/site-flags';
import { site } from '../fixtures/small-datasets';

const sites: SiteCollection = {
  type: 'FeatureCollection',
  features: [
    site('HTI-001', {
      name: 'Place Boyer',
      admin2Name: 'Pétion-Ville',
      admin2Pcode: 'HT0114',
      individuals: 1234,
    }),
    site('HTI-002', {
      name: '=HYPERLINK("x")',
      admin2Name: 'Delmas',
      admin2Pcode: 'HT0112',
      individuals: 80,
    }),
  ],
};
const source = siteTableSource(sites);

function flagsTable() {
  const flags = siteFlags(2, {});
  flags.flags[0] = SITE_FLAG.waterBeyondSphere | SITE_FLAG.accessConstrained;
  flags.flagCount[0] = 2;
  flags.worstHazardSeverity[0] = 2;
  flags.controlLevel[0] = 1;
  flags.controlMeters[0] = 350.4;
  flags.waterMeters[0] = 1234.56;
  flags.healthMeters[0] = Number.POSITIVE_INFINITY;
  flags.distributionMeters[0] = 80;
  flags.squareMetresPerPerson[0] = 12.345;
  return flags;
}

describe('site table cells', () => {
  it('show "—" for flag columns until the flags arrive, and the site columns at once', () => {
    const data: SiteTableData = { source, flags: null };
    const t = translator('fr');
    expect(cellText('water', 0, data, 'fr', t)).toBe('—');
    expect(cellText('flags', 0, data, 'fr', t)).toBe('—');
    expect(cellText('individuals', 0, data, 'fr', t)).toMatch(/^1\s234$/u);
    expect(cellText('siteType', 0, data, 'fr', t)).toBe('Site spontané');
    expect(cellText('siteType', 0, data, 'en', translator('en'))).toBe('Spontaneous site');
  });

  it('format distances, levels and flags for the language', () => {
    const data: SiteTableData = { source, flags: flagsTable() };
    const fr = translator('fr');
    const en = translator('en');
    expect(cellText('water', 0, data, 'fr', fr)).toBe('1,2 km');
    expect(cellText('water', 0, data, 'en', en)).toBe('1.2 km');
    expect(cellText('health', 0, data, 'fr', fr)).toBe('—');
    expect(cellText('control', 0, data, 'fr', fr)).toBe('Disputée · 350 m');
    expect(cellText('control', 1, data, 'en', en)).toBe('none');
    expect(cellText('hazard', 0, data, 'en', en)).toBe('high');
    expect(cellText('hazard', 1, data, 'fr', fr)).toBe('aucun');
    expect(cellText('spacePerPerson', 0, data, 'fr', fr)).toBe('12,3');
    expect(cellText('flags', 0, data, 'en', en)).toBe('Access constrained, Water > 500 m');
  });
});

describe('site table CSV', () => {
  it('writes a header, an HXL row and the rows in the given order', () => {
    const rows = siteTableCsvRows({ source, flags: flagsTable() }, new Uint32Array([1, 0]), translator('en'));
    const [header, tags, first, second] = rows;
    expect(rows).toHaveLength(4);
    expect(header?.slice(0, 4)).toEqual(['Sensitivity', 'Site ID', 'Site name', 'Site type']);
    expect(tags).toEqual(
      expect.arrayContaining([
        '#site+code',
        '#site+name',
        '#site+type',
        '#adm2+name',
        '#affected+idps+ind',
        '#affected+idps+hh',
        '#geo+lat',
        '#geo+lon',
        '#indicator+flag+water_beyond_500m',
      ]),
    );
    expect(header).toHaveLength(tags?.length ?? 0);
    expect(first?.[1]).toBe('HTI-002');
    expect(second?.[0]).toBe(message('en', 'export.sensitivityLabel'));
    expect(second?.slice(1, 7)).toEqual([
      'HTI-001',
      'Place Boyer',
      'Spontaneous site',
      'HT0114',
      'Pétion-Ville',
      1234,
    ]);
    const column = (tag: string) => tags?.indexOf(tag) ?? -1;
    expect(second?.[column('#indicator+water+distance_m+num')]).toBe(1235);
    expect(second?.[column('#indicator+health+distance_m+num')]).toBeNull();
    expect(second?.[column('#indicator+space_per_person+num')]).toBe(12.3);
    expect(second?.[column('#indicator+access+control_level')]).toBe('Contested');
    expect(second?.[column('#indicator+flag+water_beyond_500m')]).toBe(1);
    expect(second?.[column('#indicator+flag+overcrowded')]).toBe(0);
    expect(first?.[column('#indicator+flag+water_beyond_500m')]).toBe(0);
  });

  it('leaves flag cells empty when the flags are unknown', () => {
    const rows = siteTableCsvRows({ source, flags: null }, new Uint32Array([0]), translator('fr'));
    const flagCells = rows[2]?.slice(-SITE_TABLE_FLAGS.length);
    expect(flagCells).toEqual(SITE_TABLE_FLAGS.map(() => null));
    expect(rows[0]?.[0]).toBe('Sensibilité');
  });

  it('serialises with a byte-order mark, defuses formulas, and reads back', () => {
    const text = csvText(
      siteTableCsvRows({ source, flags: flagsTable() }, new Uint32Array([0, 1]), translator('fr')),
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.data).toHaveLength(4);
    expect(parsed.data[2]?.[2]).toBe('Place Boyer');
    expect(parsed.data[3]?.[2]).toBe(`'=HYPERLINK("x")`);
    // Negative longitudes stay numbers, not defused text.
    expect(parsed.data[2]?.[parsed.data[1]?.indexOf('#geo+lon') ?? -1]).toBe('-72.33');
  });

  for (const language of LANGUAGES) {
    it(`labels the site table and key-figures CSV in ${language} and reads the label back (CSV exports wrote the sensitivity text in English whatever the language)`, async () => {
      const label = message(language, 'export.sensitivityLabel');
      const rows = siteTableCsvRows(
        { source, flags: flagsTable() },
        new Uint32Array([0, 1]),
        translator(language),
      );
      expect(rows.slice(2).map((row) => row[0])).toEqual([label, label]);
      const back = await readCsv(csvText(rows), 'sites.csv');
      if (!back.ok) throw new Error('unreadable');
      expect(back.collection.sensitivity).toBe(label);
      expect(carriesSensitivityLabel(back.collection)).toBe(true);
      // The access analysis derives from the gang-control layer: its key figures carry the label.
      const figure: KeyFigure = { label: 'Sites', value: 1, format: 'count', context: null };
      const figures = keyFiguresCsvRows('access', [figure], language);
      expect(figures[1]?.[0]).toBe(label);
    });
  }
});
