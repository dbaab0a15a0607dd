/**
 * Sorting and filtering the site table as pure functions over site indices
 * (Uint32Array), so 100,000 sites sort and filter without touching the DOM
 * or copying features. Sort keys are numbers: text columns are turned into
 * collation ranks once (`textRanks`), after which every sort is numeric.
 */
import { normaliseText } from '../io/field-names';

export type SortDirection = 'ascending' | 'descending';

/** Every site index in data order: the starting point of sorting. */
export function allIndices(count: number): Uint32Array {
  const indices = new Uint32Array(count);
  for (let index = 0; index < count; index += 1) indices[index] = index;
  return indices;
}

/**
 * The rank of each value in locale-aware collation order (equal values share
 * a rank), as a numeric sort key. With a `sensitivity: 'base'` collator,
 * "Pétion-Ville" and "petion-ville" rank together. Sorting the distinct
 * values once keeps the collator out of the per-site comparisons.
 */
export function textRanks(values: readonly string[], collator: Intl.Collator): Float64Array {
  const distinct = [...new Set(values)].sort(collator.compare);
  const rankOf = new Map<string, number>();
  let rank = -1;
  let previous: string | undefined;
  for (const value of distinct) {
    if (previous === undefined || collator.compare(previous, value) !== 0) rank += 1;
    rankOf.set(value, rank);
    previous = value;
  }
  const ranks = new Float64Array(values.length);
  values.forEach((value, index) => {
    // Empty text sorts with the unknowns, at the end.
    ranks[index] = value === '' ? Number.NaN : (rankOf.get(value) ?? Number.NaN);
  });
  return ranks;
}

/**
 * Returns the indices ordered by `keys[index]`; stable (ties keep their order
 * in `indices`, in both directions); NaN keys (unknown) always come last.
 * The input is not modified.
 */
export function sortIndices(
  indices: Uint32Array,
  keys: ArrayLike<number>,
  direction: SortDirection,
): Uint32Array {
  const count = indices.length;
  // Sort positions into `indices`, so ties can fall back on the input order.
  const positions = allIndices(count);
  const sign = direction === 'ascending' ? 1 : -1;
  const keyAt = new Float64Array(count);
  indices.forEach((index, position) => {
    keyAt[position] = keys[index] ?? Number.NaN;
  });
  positions.sort((a, b) => {
    const keyA = keyAt[a] ?? Number.NaN;
    const keyB = keyAt[b] ?? Number.NaN;
    const unknownA = Number.isNaN(keyA);
    const unknownB = Number.isNaN(keyB);
    if (unknownA || unknownB) return unknownA === unknownB ? a - b : unknownA ? 1 : -1;
    return keyA === keyB ? a - b : keyA < keyB ? -sign : sign;
  });
  const sorted = new Uint32Array(count);
  positions.forEach((inputPosition, position) => {
    sorted[position] = indices[inputPosition] ?? 0;
  });
  return sorted;
}

/** The words of a search query, normalised like `searchKeysOf` (site-table-source.ts). */
export function searchQueryWords(query: string): string[] {
  const normalised = normaliseText(query);
  return normalised === '' ? [] : normalised.split(' ');
}

export interface SiteFilter {
  /** Words that must all occur in the site's search key (accent- and case-insensitive). */
  words: readonly string[];
  /** SITE_FLAG bits that must all be set; 0 for no flag filter. */
  requiredFlags: number;
}

/**
 * Keeps the indices whose site matches the filter, in their given order.
 * `flags` is null while the flags are being computed: a flag filter then
 * matches nothing rather than pretending every site passes.
 */
export function filterIndices(
  order: Uint32Array,
  searchKeys: readonly string[],
  flags: Uint8Array | null,
  filter: SiteFilter,
): Uint32Array {
  const { words, requiredFlags } = filter;
  if (words.length === 0 && requiredFlags === 0) return order;
  if (requiredFlags !== 0 && !flags) return new Uint32Array(0);
  const kept = new Uint32Array(order.length);
  let count = 0;
  for (const index of order) {
    if (flags && requiredFlags !== 0 && ((flags[index] ?? 0) & requiredFlags) !== requiredFlags) continue;
    if (words.length > 0) {
      const key = searchKeys[index] ?? '';
      let matches = true;
      for (const word of words) {
        if (!key.includes(word)) {
          matches = false;
          break;
        }
      }
      if (!matches) continue;
    }
    kept[count] = index;
    count += 1;
  }
  return kept.slice(0, count);
}
