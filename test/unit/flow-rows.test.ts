/**
 * Reading movements tables (issue 17): the columns found by HXL tag or name,
 * the role told apart from a site list, each end placed by P-code, name,
 * point of entry or coordinates, and every row that cannot be read reported
 * with its row number — the count never invented.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdminAreaCollection } from '../../src/domain/types';
import { flowColumnIndexes } from '../../src/flows/flow-columns';
import { readFlowTable } from '../../src/flows/flow-file';
import { createFlowGazetteer } from '../../src/flows/flow-places';
import { placeFlowTable, readFlowRows } from '../../src/flows/flow-rows';
import { isFlowTable } from '../../src/io/layer-role';

const admin = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'data', 'admin-areas.geojson'), 'utf8'),
) as AdminAreaCollection;
const places = createFlowGazetteer(admin);
const communeIndex = (pcode: string) => places.communes.findIndex((commune) => commune.pcode === pcode);

const HXL_HEADER = ['Origine', 'Destination', 'Personnes', 'Date', 'Catégorie'];
const HXL_TAGS = ['#adm2+code+origin', '#adm2+code+dest', '#affected+ind', '#date', '#category'];

describe('recognising a movements table', () => {
  it('finds origin and destination codes by their HXL attributes, not as one admin column', () => {
    const columns = HXL_HEADER.map((name, index) => ({ name, hxlTag: HXL_TAGS[index] }));
    expect(flowColumnIndexes(columns)).toEqual({
      originCode: 0,
      destinationCode: 1,
      count: 2,
      date: 3,
      category: 4,
    });
    expect(isFlowTable(columns)).toBe(true);
  });

  it('finds origin and destination coordinates by name', () => {
    const names = [
      'origin_latitude',
      'origin_longitude',
      'destination latitude',
      'destination longitude',
      'count',
    ];
    const indexes = flowColumnIndexes(names.map((name) => ({ name })));
    expect(indexes).toMatchObject({
      originLatitude: 0,
      originLongitude: 1,
      destinationLatitude: 2,
      destinationLongitude: 3,
    });
    expect(isFlowTable(names.map((name) => ({ name })))).toBe(true);
  });

  it('leaves a site list to the layer import', () => {
    const columns = ['site_id', 'site_name', 'latitude', 'longitude', 'adm2_pcode', 'individuals'].map(
      (name) => ({
        name,
      }),
    );
    expect(isFlowTable(columns)).toBe(false);
  });
});

describe('placing movements', () => {
  const indexes = flowColumnIndexes(HXL_HEADER.map((name, index) => ({ name, hxlTag: HXL_TAGS[index] })));

  it('places both ends by commune P-code and counts the people given', () => {
    const reading = readFlowRows([['HT0111', 'HT0131', '250', '2026-10-03', 'internal']], 3, indexes, places);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.problems).toEqual([]);
    const [record] = reading.records;
    expect(record?.row).toBe(3);
    expect(record?.origin.commune).toBe(communeIndex('HT0111'));
    expect(record?.destination.commune).toBe(communeIndex('HT0131'));
    expect(record?.count).toBe(250);
    expect(record?.category).toBe('internal');
  });

  it('places a repatriation origin at the point of entry of that name, in its commune', () => {
    const byName = flowColumnIndexes(
      ['origin', 'destination', 'individuals', 'date', 'category'].map((name) => ({ name })),
    );
    const reading = readFlowRows(
      [['Belladère', 'Delmas', '40', '15/10/2026', 'Rapatriement terrestre']],
      2,
      byName,
      places,
    );
    if (!reading.ok) throw new Error('refused');
    const [record] = reading.records;
    expect(record?.origin.label).toBe('Belladère');
    expect(record?.origin.position).toEqual([-71.729, 18.866]);
    expect(record?.origin.commune).toBe(communeIndex('HT0632'));
    expect(record?.origin.entry).toBe(1);
    expect(record?.destination.commune).toBe(communeIndex('HT0112'));
    expect(record?.date).toBe('2026-10-15');
    expect(record?.category).toBe('repatriation_land');
  });

  it('places an end given by coordinates in the commune that holds it', () => {
    const names = ['origin lat', 'origin lon', 'dest lat', 'dest lon', 'people', 'date', 'type'];
    const byPosition = flowColumnIndexes(names.map((name) => ({ name })));
    const reading = readFlowRows(
      [['18.5435', '-72.3388', '18.5505', '-72.3005', '12', '2026-10-01', 'idp']],
      2,
      byPosition,
      places,
    );
    if (!reading.ok) throw new Error('refused');
    expect(reading.records[0]?.origin.commune).toBe(communeIndex('HT0111'));
    expect(reading.records[0]?.destination.commune).toBe(communeIndex('HT0112'));
  });

  it('reports every row it cannot place or read by its row number and keeps the others', () => {
    const reading = readFlowRows(
      [
        ['HT0111', 'HT0131', '250', '2026-10-03', 'internal'],
        ['HT9999', 'HT0131', '10', '2026-10-03', 'internal'],
        ['HT0111', 'Atlantis', '10', '2026-10-03', 'internal'],
        ['HT0111', 'HT0131', '', '2026-10-03', 'internal'],
        ['HT0111', 'HT0131', '0', '2026-10-03', 'internal'],
        ['HT0111', 'HT0131', 'many', 'yesterday', 'by balloon'],
        ['', '', '', '', ''],
      ],
      4,
      indexes,
      places,
    );
    if (!reading.ok) throw new Error('refused');
    expect(reading.records.map((record) => record.row)).toEqual([4]);
    expect(reading.problems).toEqual([
      { row: 5, code: 'unplaced-origin', value: 'HT9999' },
      { row: 6, code: 'unplaced-destination', value: 'Atlantis' },
      { row: 7, code: 'bad-count', value: '' },
      { row: 8, code: 'bad-count', value: '0' },
      { row: 9, code: 'bad-category', value: 'by balloon' },
      { row: 9, code: 'bad-count', value: 'many' },
      { row: 9, code: 'bad-date', value: 'yesterday' },
    ]);
  });

  it('refuses a table without a count column rather than invent people', () => {
    const withoutCount = flowColumnIndexes(
      ['origin', 'destination', 'date', 'category'].map((name) => ({ name })),
    );
    expect(readFlowRows([['Delmas', 'Tabarre', '2026-10-01', 'internal']], 2, withoutCount, places)).toEqual({
      ok: false,
      missing: ['count'],
    });
  });
});

describe('reading a movements file', () => {
  const csv = [
    'Mouvements — octobre',
    HXL_HEADER.join(';'),
    HXL_TAGS.join(';'),
    'HT0111;HT0131;250;2026-10-03;internal',
    'HT0111;HT0112;1.200;2026-10-04;internal',
  ].join('\n');

  it('reads a CSV below its title row, with row numbers as a spreadsheet shows them', async () => {
    const table = await readFlowTable('moves.csv', new TextEncoder().encode(csv));
    if (!table) throw new Error('not a movements table');
    const reading = placeFlowTable(table, places);
    if (!reading.ok) throw new Error('not read');
    expect(reading.records.map((record) => [record.row, record.count])).toEqual([
      [4, 250],
      [5, 1200],
    ]);
  });

  it('reads the same table from a workbook', async () => {
    const { utils, write } = await import('@e965/xlsx');
    const book = utils.book_new();
    utils.book_append_sheet(
      book,
      utils.aoa_to_sheet(csv.split('\n').map((line) => line.split(';'))),
      'moves',
    );
    const bytes = new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const table = await readFlowTable('moves.xlsx', bytes);
    if (!table) throw new Error('not a movements table');
    const reading = placeFlowTable(table, places);
    if (!reading.ok) throw new Error('not read');
    expect(reading.records.map((record) => [record.row, record.count])).toEqual([
      [4, 250],
      [5, 1200],
    ]);
  });

  it('leaves a site list to the layer import', async () => {
    const sites = 'site_id,latitude,longitude,individuals\nS1,18.5,-72.3,10\n';
    expect(await readFlowTable('sites.csv', new TextEncoder().encode(sites))).toBeUndefined();
  });
});
