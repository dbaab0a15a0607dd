/**
 * The sites' columns as stored from schema version 7: a head (counts, hash and the text
 * dictionaries) and the per-site arrays cut into parts of COLUMN_PART_SITES sites.
 *
 * Why: IndexedDB clones a value on the main thread in one go, and a million sites' columns
 * (about 60 MB of typed arrays) took 0.75 s in one `put` during an import's save; parts of
 * 100,000 sites are cloned in a few milliseconds each, one task each. Reading joins the parts
 * back and checks the result as a whole (`checkColumnarSites`).
 */
import { type ColumnarSites, type PackedTexts, TEXT_COLUMNS, type TextColumnName } from './columnar-sites';
import { isObject } from './plain-object';

/** Sites per stored part: about 5 MB of arrays. */
export const COLUMN_PART_SITES = 100_000;

/** Everything of the columns but the per-site arrays; the `siteColumns` record from version 7. */
export interface ColumnsHead {
  count: number;
  hash: string;
  dictionaries: Record<TextColumnName, PackedTexts>;
  /** Sites per part (the last holds the rest): kept, so a later part size still reads these. */
  partSites: number;
  /** How many records of `siteColumnParts` hold the per-site arrays. */
  partCount: number;
}

/** The numeric columns of the columnar form, with how many values each holds per site. */
const NUMBER_COLUMNS = [
  ['coordinates', 2],
  ['individuals', 1],
  ['households', 1],
  ['areaSquareMetres', 1],
  ['coveredSquareMetres', 1],
  ['communalServicesOutside', 1],
] as const;

/** The per-site arrays of one range of sites: the numeric columns and the text columns' codes. */
export type ColumnPart = Pick<ColumnarSites, (typeof NUMBER_COLUMNS)[number][0]> & {
  codes: Record<TextColumnName, Uint32Array>;
};

/** The head of `columns` cut into parts of `partSites` sites. */
export function columnsHead(columns: ColumnarSites, partSites = COLUMN_PART_SITES): ColumnsHead {
  return {
    count: columns.count,
    hash: columns.hash,
    dictionaries: Object.fromEntries(
      TEXT_COLUMNS.map((name) => [name, columns.texts[name].values]),
    ) as Record<TextColumnName, PackedTexts>,
    partSites,
    partCount: Math.ceil(columns.count / partSites),
  };
}

/** Part `index` of `columns` as `head` cuts them: copies (a stored view would clone its whole buffer). */
export function columnPart(columns: ColumnarSites, head: ColumnsHead, index: number): ColumnPart {
  const start = index * head.partSites;
  const end = Math.min(columns.count, start + head.partSites);
  const part = Object.fromEntries(
    NUMBER_COLUMNS.map(([name, width]) => [name, columns[name].slice(start * width, end * width)]),
  ) as Omit<ColumnPart, 'codes'>;
  const codes = Object.fromEntries(
    TEXT_COLUMNS.map((name) => [name, columns.texts[name].codes.slice(start, end)]),
  ) as Record<TextColumnName, Uint32Array>;
  return { ...part, codes };
}

/** Whether a stored `siteColumns` record is a head (version 7 on) rather than whole columns. */
export function isColumnsHead(value: unknown): value is ColumnsHead {
  return (
    isObject(value) &&
    Number.isInteger(value.partCount) &&
    Number.isInteger(value.partSites) &&
    (value.partSites as number) > 0 &&
    Number.isInteger(value.count) &&
    typeof value.hash === 'string' &&
    isObject(value.dictionaries)
  );
}

/**
 * The columns a head and its parts make, or undefined when a part is missing or of the wrong
 * type or length (the caller then rebuilds the columns from the features). The joined value is
 * checked by the caller as a whole (`checkColumnarSites`), dictionaries included.
 */
export function joinColumns(head: ColumnsHead, parts: readonly unknown[]): unknown {
  const { count, partSites } = head;
  if (count < 0 || parts.length !== head.partCount || head.partCount !== Math.ceil(count / partSites))
    return undefined;
  const numbers = {
    coordinates: new Float64Array(count * 2),
    individuals: new Float64Array(count),
    households: new Float64Array(count),
    areaSquareMetres: new Float64Array(count),
    coveredSquareMetres: new Float64Array(count),
    communalServicesOutside: new Uint8Array(count),
  };
  const codes = Object.fromEntries(TEXT_COLUMNS.map((name) => [name, new Uint32Array(count)])) as Record<
    TextColumnName,
    Uint32Array
  >;
  for (const [index, part] of parts.entries()) {
    if (!isObject(part) || !isObject(part.codes)) return undefined;
    const start = index * partSites;
    const sites = Math.min(count, start + partSites) - start;
    for (const [name, width] of NUMBER_COLUMNS) {
      const values = part[name];
      const target = numbers[name];
      if (!(values instanceof target.constructor) || (values as typeof target).length !== sites * width)
        return undefined;
      target.set(values as typeof target, start * width);
    }
    for (const name of TEXT_COLUMNS) {
      const values = part.codes[name];
      if (!(values instanceof Uint32Array) || values.length !== sites) return undefined;
      codes[name].set(values, start);
    }
  }
  const dictionaries = head.dictionaries as Record<string, unknown>;
  const texts = Object.fromEntries(
    TEXT_COLUMNS.map((name) => [name, { codes: codes[name], values: dictionaries[name] }]),
  );
  return { count, hash: head.hash, ...numbers, texts };
}
