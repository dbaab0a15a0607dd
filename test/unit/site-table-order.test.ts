/**
 * The site table's pure core: search, flag filters and sorting over site
 * indices, including the accent-insensitive search shelter teams type
 * ("petion" for "Pétion-Ville") and a 100,000-site sort.
 */
import { describe, expect, it } from 'vitest';
import { flagMask, sortKeyOf } from '../../src/analysis/site-table-columns';
import {
  allIndices,
  filterIndices,
  searchQueryWords,
  sortIndices,
  textRanks,
} from '../../src/analysis/site-table-order';
import { searchKeysOf, siteTableSource } from '../../src/analysis/site-table-source';
import type { SiteCollection } from '../../src/domain/types';
import { SITE_FLAG } from '../../workers/analysis/site-flags';
import { site } from '../fixtures/small-datasets';

const collection = (features: SiteCollection['features']): SiteCollection => ({
  type: 'FeatureCollection',
  features,
});

const sites = collection([
  site('HTI-001', { name: 'Lycée de Delmas 33', admin2Name: 'Delmas', individuals: 300 }),
  site('HTI-002', { name: 'Place Boyer', admin2Name: 'Pétion-Ville', individuals: 1200 }),
  site('HTI-003', { name: 'Église Saint-Pierre', admin2Name: 'Pétion-Ville', individuals: 300 }),
  site('HTI-004', { name: 'Centre Éducatif', admin2Name: 'Cité Soleil', individuals: 50 }),
  site('HTI-005', { name: 'école nationale', admin2Name: 'Carrefour', individuals: 300 }),
]);
const source = siteTableSource(sites);
const searchKeys = searchKeysOf(source);
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const names = (order: Uint32Array) => Array.from(order, (index) => source.names[index]);

describe('site table search', () => {
  it('finds "Pétion-Ville" when typing "petion", in any case and with or without accents', () => {
    for (const query of ['petion', 'PÉTION', 'Petion-ville', 'pétion ville']) {
      const found = filterIndices(allIndices(source.count), searchKeys, null, {
        words: searchQueryWords(query),
        requiredFlags: 0,
      });
      expect(names(found), query).toEqual(['Place Boyer', 'Église Saint-Pierre']);
    }
  });

  it('matches the name, the id and the commune, every word of the query', () => {
    const search = (query: string) =>
      names(
        filterIndices(allIndices(source.count), searchKeys, null, {
          words: searchQueryWords(query),
          requiredFlags: 0,
        }),
      );
    expect(search('hti-004')).toEqual(['Centre Éducatif']);
    expect(search('ecole')).toEqual(['école nationale']);
    expect(search('cite soleil')).toEqual(['Centre Éducatif']);
    expect(search('delmas 33')).toEqual(['Lycée de Delmas 33']);
    expect(search('delmas 34')).toEqual([]);
    expect(search('   ')).toEqual(names(allIndices(source.count)));
  });

  it('keeps only sites with every ticked flag, and none while the flags are unknown', () => {
    const flags = new Uint8Array([
      SITE_FLAG.waterBeyondSphere,
      SITE_FLAG.waterBeyondSphere | SITE_FLAG.overcrowded,
      0,
      SITE_FLAG.overcrowded,
      SITE_FLAG.waterBeyondSphere | SITE_FLAG.hazardExposed,
    ]);
    const keep = (mask: number, table: Uint8Array | null = flags) =>
      Array.from(filterIndices(allIndices(5), searchKeys, table, { words: [], requiredFlags: mask }));
    expect(keep(flagMask(['waterBeyondSphere']))).toEqual([0, 1, 4]);
    expect(keep(flagMask(['waterBeyondSphere', 'overcrowded']))).toEqual([1]);
    expect(keep(0)).toEqual([0, 1, 2, 3, 4]);
    expect(keep(flagMask(['overcrowded']), null)).toEqual([]);
  });

  it('keeps the order it is given (filtering a sorted order stays sorted)', () => {
    const order = new Uint32Array([4, 2, 1, 0, 3]);
    const kept = filterIndices(order, searchKeys, null, { words: ['e'], requiredFlags: 0 });
    expect(Array.from(kept)).toEqual([4, 2, 1, 0, 3].filter((index) => searchKeys[index]?.includes('e')));
  });
});

describe('site table sort', () => {
  it('sorts text by locale collation, ignoring accents and case', () => {
    const order = sortIndices(allIndices(source.count), textRanks(source.names, collator), 'ascending');
    expect(names(order)).toEqual([
      'Centre Éducatif',
      'école nationale',
      'Église Saint-Pierre',
      'Lycée de Delmas 33',
      'Place Boyer',
    ]);
  });

  it('gives equal ranks to values that collate equal, and sorts empty text last', () => {
    const ranks = textRanks(['Pétion', 'petion', '', 'Delmas'], collator);
    expect(ranks[0]).toBe(ranks[1]);
    expect(ranks[3]).toBeLessThan(ranks[0] ?? 0);
    expect(ranks[2]).toBeNaN();
  });

  it('sorts ids with numbers in numeric order', () => {
    const ranks = textRanks(['SITE-10', 'SITE-9', 'SITE-100'], collator);
    expect(Array.from(sortIndices(allIndices(3), ranks, 'ascending'))).toEqual([1, 0, 2]);
  });

  it('is stable in both directions: ties keep their order', () => {
    const keys = source.individuals; // 300, 1200, 300, 50, 300
    expect(Array.from(sortIndices(allIndices(5), keys, 'descending'))).toEqual([1, 0, 2, 4, 3]);
    expect(Array.from(sortIndices(allIndices(5), keys, 'ascending'))).toEqual([3, 0, 2, 4, 1]);
    const shuffled = new Uint32Array([4, 2, 0, 3, 1]);
    expect(Array.from(sortIndices(shuffled, keys, 'ascending'))).toEqual([3, 4, 2, 0, 1]);
  });

  it('puts unknown values (NaN) last whatever the direction, and does not modify its input', () => {
    const keys = new Float64Array([5, Number.NaN, 1, Number.NaN, 3]);
    const input = allIndices(5);
    expect(Array.from(sortIndices(input, keys, 'ascending'))).toEqual([2, 4, 0, 1, 3]);
    expect(Array.from(sortIndices(input, keys, 'descending'))).toEqual([0, 4, 2, 1, 3]);
    expect(Array.from(input)).toEqual([0, 1, 2, 3, 4]);
  });

  it('leaves flag-derived columns unknown until the flags arrive', () => {
    const keys = sortKeyOf('water', { source, flags: null }, collator, (code) => code);
    expect(Array.from(keys).every(Number.isNaN)).toBe(true);
    expect(sortKeyOf('individuals', { source, flags: null }, collator, (code) => code)).toBe(
      source.individuals,
    );
  });

  it('sorts and filters 100,000 sites', () => {
    const count = 100_000;
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const individuals = Float64Array.from({ length: count }, () => Math.floor(random() * 5000));
    const communes = Array.from(
      { length: count },
      (_, index) => ['Pétion-Ville', 'Delmas', 'Carrefour'][index % 3] ?? '',
    );
    const descending = sortIndices(allIndices(count), individuals, 'descending');
    expect(descending.length).toBe(count);
    let ordered = true;
    for (let position = 1; position < count; position += 1) {
      const previous = individuals[descending[position - 1] ?? 0] ?? 0;
      const current = individuals[descending[position] ?? 0] ?? 0;
      const tieInOrder = (descending[position - 1] ?? 0) < (descending[position] ?? 0);
      if (previous < current || (previous === current && !tieInOrder)) ordered = false;
    }
    expect(ordered).toBe(true);
    const byCommune = sortIndices(allIndices(count), textRanks(communes, collator), 'ascending');
    expect(communes[byCommune[0] ?? 0]).toBe('Carrefour');
    const keys = communes.map((commune) => ` ${commune.toLowerCase().replace('é', 'e').replace('-', ' ')} `);
    const found = filterIndices(descending, keys, null, {
      words: searchQueryWords('petion'),
      requiredFlags: 0,
    });
    expect(found.length).toBe(Math.ceil(count / 3));
  });
});
