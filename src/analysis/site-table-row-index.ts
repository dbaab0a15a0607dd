/**
 * The row of a site by its id, one index per site list, shared by every
 * reader that turns a selected or hovered site into its row (the details
 * card, the hover tooltip, the site table). Each of them used to scan the
 * list on every render or hover: nothing at 10k sites, tens of milliseconds
 * per hover at a million.
 *
 * Built once per feature array (lists are replaced, never edited, in this
 * app; a new import or filter is a new array and gets its own index), on the
 * first lookup rather than at load: nothing is spent until a site is pointed
 * at. It is built in slices of one task each, because a map of a million ids
 * built at once held the page for about a second; until it is ready a lookup
 * scans, as before.
 */
import { attachedColumns, unpackTexts } from '../io/columnar-sites';
import { nextTask } from './site-table-source';

/** A site as the index reads it. */
interface SiteLike {
  properties?: { id?: unknown } | null;
}

/** Sites indexed per task: about 20 ms on a slow, busy machine (a million took 1.1 s in all). */
const SLICE = 20_000;

/** Id → first row, once complete; null while it is built. */
const indexes = new WeakMap<readonly unknown[], { rows: Map<string, number> | null; built: Promise<void> }>();

/** A site's id as text, as the columns and `featureId` read it ('' when it has none). */
const idOf = (site: SiteLike | undefined): string => {
  const id = site?.properties?.id;
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : '';
};

/** The id of each row, read from the sites' columns when they have them (quicker than the features). */
function idReader(features: readonly SiteLike[]): (row: number) => string {
  const columns = attachedColumns(features);
  if (!columns) return (row) => idOf(features[row]);
  const values = unpackTexts(columns.texts.id.values);
  const codes = columns.texts.id.codes;
  return (row) => values[codes[row] ?? -1] ?? '';
}

/** The index of these sites, started on first use. */
function rowIndex(features: readonly SiteLike[]): { rows: Map<string, number> | null; built: Promise<void> } {
  let index = indexes.get(features);
  if (!index) {
    const entry: { rows: Map<string, number> | null; built: Promise<void> } = {
      rows: null,
      built: Promise.resolve(),
    };
    entry.built = (async () => {
      const idAt = idReader(features);
      const rows = new Map<string, number>();
      for (let from = 0; from < features.length; from += SLICE) {
        await nextTask();
        const to = Math.min(features.length, from + SLICE);
        for (let row = from; row < to; row += 1) {
          const id = idAt(row);
          // The first site keeps an id an import repeats, as the table's own lookup did.
          if (id !== '' && !rows.has(id)) rows.set(id, row);
        }
      }
      entry.rows = rows;
    })();
    index = entry;
    indexes.set(features, index);
  }
  return index;
}

/** The row of the site with this id (the first, when an id repeats), or -1. */
export function siteRowOfId(features: readonly SiteLike[], id: string): number {
  if (id === '') return -1;
  const rows = rowIndex(features).rows;
  if (rows) return rows.get(id) ?? -1;
  return features.findIndex((site) => idOf(site) === id);
}

/** The row of this very site object (hovered or picked), or -1. */
export function siteRowOfFeature(features: readonly SiteLike[], feature: unknown): number {
  const row = siteRowOfId(features, idOf(feature as SiteLike));
  // A repeated or missing id points elsewhere: only then is the list scanned.
  return features[row] === feature ? row : features.indexOf(feature as SiteLike);
}

/** Resolves once the index of these sites is complete (started if it was not). */
export function siteRowsIndexed(features: readonly SiteLike[]): Promise<void> {
  return rowIndex(features).built;
}
