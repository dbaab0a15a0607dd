/**
 * The site table's worker: sorts site indices by their keys with the table's
 * own order rule (`sortIndices`, stable, unknowns last), so sorting a million
 * sites never freezes the page. Numeric keys, or a dictionary-encoded text
 * column ranked here with the collator, come in; the order goes back as a
 * transferred typed array.
 */
import { transfer } from 'comlink';
import { allIndices, type SortDirection, sortIndices, textRanks } from '../src/analysis/site-table-order';
import { type TextColumn, unpackTexts } from '../src/io/columnar-sites';

const sorted = (keys: ArrayLike<number>, direction: SortDirection): Uint32Array => {
  const order = sortIndices(allIndices(keys.length), keys, direction);
  return transfer(order, [order.buffer]);
};

export const siteTableApi = {
  /** Every site index, ordered by `keys` in `direction`. */
  order(keys: Float64Array, direction: SortDirection): Uint32Array {
    return sorted(keys, direction);
  },
  /** Every site index, ordered by its text in `column` as `locale` collates it (accents and case aside). */
  orderByText(column: TextColumn, direction: SortDirection, locale: string): Uint32Array {
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    const ranks = textRanks(unpackTexts(column.values), collator);
    const keys = new Float64Array(column.codes.length);
    for (let index = 0; index < keys.length; index += 1)
      keys[index] = ranks[column.codes[index] ?? 0] ?? Number.NaN;
    return sorted(keys, direction);
  },
};

export type SiteTableApi = typeof siteTableApi;
