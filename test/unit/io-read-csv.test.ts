import { describe, expect, it } from 'vitest';
import { guessDelimiter, readCsv } from '../../src/io/read-csv';
import { loadFixture } from '../fixtures/io/load-fixture';

describe('readCsv', () => {
  it('reads a DTM list with the HXL row on line 2 and keeps cells as text', async () => {
    const result = await readCsv(loadFixture('dtm-sites-hxl.csv'), 'dtm-sites-hxl.csv');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems).toEqual([]);
    expect(result.collection.features).toHaveLength(3);
    expect(result.collection.features[0]?.geometry).toEqual({
      type: 'Point',
      coordinates: [-72.3364, 18.5392],
    });
    expect(result.collection.features[1]?.properties?.Individuals).toBe('1,950');
    expect(result.columns?.find((column) => column.name === 'Households')?.hxlTag).toBe('#affected+hh+idps');
    expect(result.sourceRows).toEqual([3, 4, 5]);
  });

  it('reads semicolons, decimal commas and French headers', async () => {
    const result = await readCsv(loadFixture('sites-semicolon-french.csv'), 'sites-semicolon-french.csv');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.collection.features.map((feature) => feature.geometry)).toEqual([
      { type: 'Point', coordinates: [-72.3391, 18.5475] },
      { type: 'Point', coordinates: [-72.2905, 18.5702] },
    ]);
    expect(result.collection.features[1]?.properties?.Ménages).toBe('1 204');
  });

  it('finds an HXL row wherever it sits in the first five rows, with tags in any order and case', async () => {
    const text = 'Rapport fictif DTM\n\nnom,Y coord,X coord\n#LOC+Name,#geo +LAT,#geo+lon\nA,18.5,-72.3\n';
    const result = await readCsv(text, 'titled.csv');
    expect(result.ok && result.collection.features[0]?.geometry).toEqual({
      type: 'Point',
      coordinates: [-72.3, 18.5],
    });
    expect(result.ok && result.sourceRows).toEqual([5]);
  });

  it('accepts tab-separated text and accented French coordinate headers', async () => {
    const result = await readCsv('Nom\tLatitude\tLongitude\nA\t18.5\t-72.3\n', 'tab.tsv');
    expect(result.ok && result.collection.features).toHaveLength(1);
    const french = await readCsv('nom;Lâtitude;LONGITUDE\nA;18,5;-72,3\n', 'fr.csv');
    expect(french.ok && french.collection.features).toHaveLength(1);
  });

  it('reports each bad row by spreadsheet row and column, keeping the others', async () => {
    const result = await readCsv(loadFixture('broken-bad-numbers.csv'), 'broken-bad-numbers.csv');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.collection.features.map((feature) => feature.properties?.site_id)).toEqual([
      'FIC-301',
      'FIC-302',
      'FIC-305',
    ]);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'csv-bad-coordinate',
        fileName: 'broken-bad-numbers.csv',
        row: 4,
        field: 'latitude',
        value: 'dix-huit',
      },
      {
        severity: 'error',
        code: 'csv-missing-coordinates',
        fileName: 'broken-bad-numbers.csv',
        row: 5,
        field: 'longitude',
      },
    ]);
  });

  it('fails clearly without coordinate columns', async () => {
    const result = await readCsv('name,households\nA,3\n', 'no-coordinates.csv');
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'csv-no-coordinate-columns' }] });
  });

  it('warns about ragged rows and keeps them', async () => {
    const result = await readCsv('name,lat,lon\nA,18.5,-72.3,extra\n', 'ragged.csv');
    expect(result.ok && result.collection.features).toHaveLength(1);
    expect(result.problems).toMatchObject([{ severity: 'warning', code: 'csv-ragged-row', row: 2 }]);
  });

  it('reads a WKT column for polygon layers', async () => {
    const result = await readCsv(
      'name,WKT\nZ,"POLYGON ((-72.3 18.5, -72.2 18.5, -72.2 18.6, -72.3 18.5))"\n',
      'wkt.csv',
    );
    expect(result.ok && result.collection.features[0]?.geometry?.type).toBe('Polygon');
  });

  it('guesses the delimiter from the header, not from decimal commas', () => {
    expect(guessDelimiter('a;b;c\n1,5;2,5;3,5\n')).toBe(';');
    expect(guessDelimiter('a,b\n1,2\n')).toBe(',');
    expect(guessDelimiter('a\tb\n1\t2\n')).toBe('\t');
  });
});
