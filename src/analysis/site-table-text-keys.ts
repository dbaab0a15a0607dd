/**
 * The text a text column of the site table sorts by, as one dictionary-encoded
 * column (see columnar-sites.ts), for the site table's worker: the worker
 * ranks the distinct values with the collator and sorts, so a million names
 * are never compared on the main thread. Sites that came with their columnar
 * form hand over its dictionary as it is; others are packed here once.
 */
import { packTexts, type TextColumn, type TextColumnName, unpackTexts } from '../io/columnar-sites';
import { allIndices } from './site-table-order';
import type { SiteTableSource } from './site-table-source';

/** The table's text columns and the columnar text they read. */
const TEXT_SORT_COLUMNS: Record<string, { columnar: TextColumnName; own: keyof SiteTableSource }> = {
  name: { columnar: 'name', own: 'names' },
  id: { columnar: 'id', own: 'ids' },
  siteType: { columnar: 'siteType', own: 'siteTypes' },
  commune: { columnar: 'admin2Name', own: 'communeNames' },
};

const packedOfSource = new WeakMap<SiteTableSource, Map<string, TextColumn>>();

/**
 * The text `column` sorts by, or undefined when it is not a text column.
 * Site types sort by their displayed label (`siteTypeLabel`), so only that
 * column's small dictionary is translated; the others are memoised.
 */
export function textSortColumn(
  column: string,
  source: SiteTableSource,
  siteTypeLabel: (code: string) => string,
): TextColumn | undefined {
  const names = TEXT_SORT_COLUMNS[column];
  if (!names) return undefined;
  const translate = (texts: TextColumn): TextColumn =>
    column === 'siteType'
      ? { codes: texts.codes, values: packTexts(unpackTexts(texts.values).map(siteTypeLabel)) }
      : texts;
  if (source.columns) return translate(source.columns.texts[names.columnar]);
  let packed = packedOfSource.get(source);
  if (!packed) {
    packed = new Map();
    packedOfSource.set(source, packed);
  }
  let texts = packed.get(column);
  if (!texts) {
    const own = source[names.own] as string[];
    if (column === 'siteType') {
      // Few distinct types: a real dictionary, so only those are translated.
      const codeOf = new Map<string, number>();
      const codes = new Uint32Array(own.length);
      own.forEach((value, index) => {
        let code = codeOf.get(value);
        if (code === undefined) {
          code = codeOf.size;
          codeOf.set(value, code);
        }
        codes[index] = code;
      });
      texts = { codes, values: packTexts([...codeOf.keys()]) };
    } else texts = { codes: allIndices(own.length), values: packTexts(own) };
    packed.set(column, texts);
  }
  return translate(texts);
}
