/**
 * The CSV style for spreadsheets set to French conventions: `;` between cells and
 * decimal commas, so a double-click opens columns and numbers correctly; the HXL
 * row stays, and Katsit reads its own file back unchanged.
 */
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/io/numbers';
import { readCsv } from '../../src/io/read-csv';
import { CSV_DIALECTS, cell, FRENCH_SPREADSHEET_CSV, writeCsv } from '../../src/io/write-csv';
import { storedCsvStyle } from '../../src/state/preferences';

const sites: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'HT-001', name: 'Lycée; Delmas 33', individuals: 1234, areaSquareMetres: 812.5 },
      geometry: { type: 'Point', coordinates: [-72.301234, 18.547891] },
    },
  ],
};

describe('CSV for French spreadsheets', () => {
  it('separates cells with ";", writes decimal commas and keeps the HXL row', () => {
    const lines = writeCsv(sites, 'sites', '', FRENCH_SPREADSHEET_CSV).replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('id;name;individuals;areaSquareMetres;latitude;longitude');
    expect(lines[1]).toBe('#site+code;#site+name;#affected+idps+ind;;#geo+lat;#geo+lon');
    expect(lines[2]).toBe('HT-001;"Lycée; Delmas 33";1234;812,5;18,547891;-72,301234');
  });

  it('quotes a text holding the separator, and never groups thousands (a spreadsheet would read text)', () => {
    expect(cell('a;b', FRENCH_SPREADSHEET_CSV)).toBe('"a;b"');
    expect(cell(1234567.25, FRENCH_SPREADSHEET_CSV)).toBe('1234567,25');
  });

  it('is read back by Katsit with the same names, people and coordinates', async () => {
    const read = await readCsv(writeCsv(sites, 'sites', '', CSV_DIALECTS.spreadsheet), 'sites.csv');
    if (!read.ok) throw new Error('unreadable');
    const [site] = read.collection.features;
    expect(site?.properties).toMatchObject({ id: 'HT-001', name: 'Lycée; Delmas 33' });
    // Cells stay text until the field mapping reads them as numbers, decimal comma included.
    expect(parseNumber(site?.properties?.individuals)).toBe(1234);
    expect(parseNumber(site?.properties?.areaSquareMetres)).toBe(812.5);
    expect(site?.geometry).toEqual({ type: 'Point', coordinates: [-72.301234, 18.547891] });
  });

  it('is the default for French and Creole, not English, until the user chooses', () => {
    expect(storedCsvStyle(undefined, 'fr')).toBe('spreadsheet');
    expect(storedCsvStyle(undefined, 'ht')).toBe('spreadsheet');
    expect(storedCsvStyle(undefined, 'en')).toBe('standard');
    expect(storedCsvStyle({ getItem: () => 'standard' }, 'fr')).toBe('standard');
  });
});
