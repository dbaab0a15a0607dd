/**
 * The site table's round columns (issue 17), on the comparison of two
 * fixture rounds: people before and after, the change and its percentage,
 * the status; unknowns shown as "—" and left empty in the CSV, never 0; the
 * sort by change; the columns only in a CSV of a comparison.
 */
import { describe, expect, it } from 'vitest';
import { formatFigure } from '../../src/analyses/figure-format';
import { cellText } from '../../src/analysis/site-table-cells';
import { SITE_TABLE_COLUMNS, type SiteTableData, sortKeyOf } from '../../src/analysis/site-table-columns';
import { siteTableCsvRows } from '../../src/analysis/site-table-csv';
import { allIndices, sortIndices } from '../../src/analysis/site-table-order';
import { siteTableSource } from '../../src/analysis/site-table-source';
import { translator } from '../../src/i18n/translate';
import { fixtureRoundChanges, ROUND_24_ROWS, roundSites } from '../fixtures/two-rounds';

const rounds = fixtureRoundChanges();
const source = siteTableSource(roundSites(ROUND_24_ROWS));
const data: SiteTableData = { source, flags: null, rounds };
const row = (id: string) => source.ids.indexOf(id);
const en = translator('en');
const cells = (id: string, language: 'en' | 'fr' = 'en') =>
  ['roundBefore', 'roundAfter', 'roundChange', 'roundChangePercent', 'roundStatus'].map((column) =>
    cellText(column, row(id), data, language, translator(language)),
  );

describe('round columns of the site table', () => {
  it('are columns of the one column table, after the site counts', () => {
    const ids = SITE_TABLE_COLUMNS.map((column) => column.id);
    expect(ids.slice(ids.indexOf('households') + 1, ids.indexOf('households') + 6)).toEqual([
      'roundBefore',
      'roundAfter',
      'roundChange',
      'roundChangePercent',
      'roundStatus',
    ]);
  });

  it('give people in each round, the change with its sign and percentage, and the status', () => {
    expect(cells('A')).toEqual(['100', '120', '+20', '+20%', 'continuing']);
    expect(cells('B')).toEqual(['200', '150', '\u221250', '\u221225%', 'renamed']);
    expect(cells('E')).toEqual(['80', '100', '+20', '+25%', 'moved']);
    expect(cells('G')).toEqual(['—', '70', '—', '—', 'opened']);
    // French through the one key-figure formatter, as the panels and products write a percentage.
    const percent = formatFigure({ value: 0.25, format: 'percent', language: 'fr' });
    expect(percent).toMatch(/^25\s%$/);
    expect(cells('B', 'fr')).toEqual(['200', '150', '\u221250', `\u2212${percent}`, 'renommé']);
  });

  it('show an unknown count as unknown, never 0', () => {
    // People not counted in round 23: before and change unknown.
    expect(cells('D')).toEqual(['—', '40', '—', '—', 'continuing']);
    // No one before: the change is known, its percentage is not.
    expect(cells('F')).toEqual(['0', '30', '+30', '—', 'continuing']);
    expect(cells('H')).toEqual(['—', '—', '—', '—', 'opened']);
  });

  it('read "—" with no comparison', () => {
    const without: SiteTableData = { source, flags: null, rounds: null };
    expect(cellText('roundChange', row('A'), without, 'en', en)).toBe('—');
    expect([...sortKeyOf('roundChange', without, new Intl.Collator('en'), String)].every(Number.isNaN)).toBe(
      true,
    );
  });

  it('sort by change, largest first, unknowns last', () => {
    const keys = sortKeyOf('roundChange', data, new Intl.Collator('en'), String);
    const order = [...sortIndices(allIndices(keys.length), keys, 'descending')].map(
      (index) => source.ids[index],
    );
    expect(order.slice(0, 4)).toEqual(['F', 'A', 'E', 'B']);
    expect(new Set(order.slice(4))).toEqual(new Set(['D', 'G', 'H']));
  });

  it('go to the CSV with HXL tags while two rounds are compared, and only then', () => {
    const rows = siteTableCsvRows(data, allIndices(source.count), en);
    const [header, tags] = rows;
    const at = header?.indexOf('People (base round)') ?? -1;
    expect(at).toBeGreaterThan(0);
    expect(tags?.slice(at, at + 5)).toEqual([
      '#affected+idps+ind+base',
      '#affected+idps+ind+later',
      '#affected+idps+ind+change',
      '#affected+idps+pct+change',
      '#indicator+round_status',
    ]);
    const line = (id: string) => rows.find((cells) => cells[1] === id)?.slice(at, at + 5);
    expect(line('A')).toEqual([100, 120, 20, 20, 'continuing']);
    expect(line('D')).toEqual([null, 40, null, null, 'continuing']);
    expect(line('G')).toEqual([null, 70, null, null, 'opened']);
    const plain = siteTableCsvRows({ source, flags: null }, allIndices(source.count), en);
    expect(plain[0]).not.toContain('People (base round)');
    expect(plain[0]?.length).toBe((header?.length ?? 0) - 5);
  });

  it('count the closed sites, which no row of the later round shows', () => {
    expect(rounds.closed).toBe(1);
    expect(rounds.byId.has('C')).toBe(false);
  });
});
