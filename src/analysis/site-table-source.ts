/**
 * The site table's view of the loaded sites: the columns it shows, sorts,
 * searches and exports, pulled once out of the GeoJSON into plain arrays
 * (typed where numeric), indexed like `sites.features`. Pure: no DOM.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { SiteProperties } from '../domain/types';
import {
  attachedColumns,
  type ColumnarSites,
  type PackedTexts,
  packedAt,
  unpackTexts,
} from '../io/columnar-sites';
import { normaliseText } from '../io/field-names';

/** Column-wise site attributes; index i is feature i of the collection. */
export interface SiteTableSource {
  count: number;
  ids: string[];
  names: string[];
  /** Site type codes (`spontaneous_site` …) or whatever an import left there. */
  siteTypes: string[];
  communeNames: string[];
  communePcodes: string[];
  /** NaN when unknown. */
  individuals: Float64Array;
  /** NaN when unknown. */
  households: Float64Array;
  /** NaN for a missing geometry. */
  longitudes: Float64Array;
  latitudes: Float64Array;
  /** The columnar form these were read from, when the sites came with one (its text columns sort in the worker). */
  columns?: ColumnarSites;
}

type SiteLike = Feature<Point | null, Partial<SiteProperties> | null>;

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const numeric = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;

type SiteSourceCollection = FeatureCollection<Point | null, Partial<SiteProperties> | null>;

/** Empty columns for `count` sites, filled by `fillRange`. */
function emptySource(count: number, columns?: ColumnarSites): SiteTableSource {
  return {
    ...(columns ? { columns } : {}),
    count,
    ids: new Array<string>(count),
    names: new Array<string>(count),
    siteTypes: new Array<string>(count),
    communeNames: new Array<string>(count),
    communePcodes: new Array<string>(count),
    individuals: new Float64Array(count),
    households: new Float64Array(count),
    longitudes: new Float64Array(count),
    latitudes: new Float64Array(count),
  };
}

/** The value of a dictionary code. */
type TextReader = (code: number) => string;

/** Readers of the text columns the table shows. */
interface Dictionaries {
  ids: TextReader;
  names: TextReader;
  siteTypes: TextReader;
  communeNames: TextReader;
  communePcodes: TextReader;
}

/**
 * Dictionaries of at most this many values are unpacked whole; larger ones (ids and names,
 * about one value a site) are read value by value in the slices: unpacking a million ids took
 * tens of milliseconds in one task.
 */
const UNPACKED_AT_MOST = 20_000;

function readerOf(packed: PackedTexts): TextReader {
  if (packed.ends.length > UNPACKED_AT_MOST) return (code) => packedAt(packed, code);
  const values = unpackTexts(packed);
  return (code) => values[code] ?? '';
}

function dictionariesOf(columns: ColumnarSites): Dictionaries {
  return {
    ids: readerOf(columns.texts.id.values),
    names: readerOf(columns.texts.name.values),
    siteTypes: readerOf(columns.texts.siteType.values),
    communeNames: readerOf(columns.texts.admin2Name.values),
    communePcodes: readerOf(columns.texts.admin2Pcode.values),
  };
}

/** `fillRange` from the columnar form: no feature is read. */
function fillRangeFromColumns(
  source: SiteTableSource,
  columns: ColumnarSites,
  dictionaries: Dictionaries,
  from: number,
  to: number,
): void {
  const { texts, coordinates } = columns;
  for (let index = from; index < to; index += 1) {
    source.ids[index] = dictionaries.ids(texts.id.codes[index] ?? 0);
    source.names[index] = dictionaries.names(texts.name.codes[index] ?? 0);
    source.siteTypes[index] = dictionaries.siteTypes(texts.siteType.codes[index] ?? 0);
    source.communeNames[index] = dictionaries.communeNames(texts.admin2Name.codes[index] ?? 0);
    source.communePcodes[index] = dictionaries.communePcodes(texts.admin2Pcode.codes[index] ?? 0);
    source.longitudes[index] = coordinates[index * 2] ?? Number.NaN;
    source.latitudes[index] = coordinates[index * 2 + 1] ?? Number.NaN;
  }
}

/** The counts, copied whole from the columnar form (a memory copy, not a read per site). */
function copyCounts(source: SiteTableSource, columns: ColumnarSites): void {
  source.individuals.set(columns.individuals);
  source.households.set(columns.households);
}

/** Fills the columns of sites `from` (included) to `to` (excluded); ranges are filled in order. */
function fillRange(source: SiteTableSource, features: readonly SiteLike[], from: number, to: number): void {
  for (let index = from; index < to; index += 1) {
    const feature = features[index];
    const properties = feature?.properties ?? {};
    const id = text(properties.id);
    source.ids[index] = id;
    source.names[index] = text(properties.name);
    source.siteTypes[index] = text(properties.siteType);
    source.communeNames[index] = text(properties.admin2Name);
    source.communePcodes[index] = text(properties.admin2Pcode);
    source.individuals[index] = numeric(properties.individuals);
    source.households[index] = numeric(properties.households);
    const position = feature?.geometry?.coordinates;
    source.longitudes[index] = numeric(position?.[0]);
    source.latitudes[index] = numeric(position?.[1]);
  }
}

/** Builds the table's source columns from a sites collection (the collection is not modified). */
export function siteTableSource(sites: SiteSourceCollection): SiteTableSource {
  const columns = attachedColumns(sites.features);
  const source = emptySource(sites.features.length, columns);
  if (columns) {
    copyCounts(source, columns);
    fillRangeFromColumns(source, columns, dictionariesOf(columns), 0, source.count);
  } else fillRange(source, sites.features, 0, source.count);
  return source;
}

/** Sites read per task by the `prepare…` functions: a few tens of milliseconds on a slow, busy machine. */
const SLICE = 5000;

/** Lets the page paint and handle input between two slices. */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/**
 * The index of the site with this id (the first one when an import repeats
 * an id), or -1. A scan, asked once per selection: a map of a million ids
 * cost a second to build whether or not anything was ever selected.
 */
export function siteIndexOf(source: SiteTableSource, id: string): number {
  return id === '' ? -1 : source.ids.indexOf(id);
}

const prepared = new WeakMap<object, Promise<SiteTableSource>>();
const preparedSources = new WeakMap<object, SiteTableSource>();

/** The columns `prepareSiteTableSource` has finished for these sites, else null. */
export function readySiteTableSource(sites: SiteSourceCollection): SiteTableSource | null {
  return preparedSources.get(sites) ?? null;
}

/**
 * `siteTableSource` in slices of SLICE sites, one task each, so a million
 * sites never freeze the page; memoised per collection, so the table can
 * start it in the background when the sites load and find it ready when it
 * opens. The collection must not change while it is read (collections are
 * replaced, never edited, in this app).
 */
export function prepareSiteTableSource(sites: SiteSourceCollection): Promise<SiteTableSource> {
  let promise = prepared.get(sites);
  if (!promise) {
    promise = (async () => {
      const columns = attachedColumns(sites.features);
      const source = emptySource(sites.features.length, columns);
      if (columns) {
        copyCounts(source, columns);
        const dictionaries = dictionariesOf(columns);
        // Ten times the slice: reading codes is much quicker than reading features.
        for (let from = 0; from < source.count; from += SLICE * 10) {
          await nextTask();
          fillRangeFromColumns(
            source,
            columns,
            dictionaries,
            from,
            Math.min(source.count, from + SLICE * 10),
          );
        }
      } else
        for (let from = 0; from < source.count; from += SLICE) {
          if (from > 0) await nextTask();
          fillRange(source, sites.features, from, Math.min(source.count, from + SLICE));
        }
      preparedSources.set(sites, source);
      return source;
    })();
    prepared.set(sites, promise);
  }
  return promise;
}

const searchKeysCache = new WeakMap<SiteTableSource, string[]>();
const preparedSearchKeys = new WeakMap<SiteTableSource, Promise<string[]>>();

/** The search key of one site: name, id and commune, normalised and padded with spaces. */
function searchKeyAt(source: SiteTableSource, index: number): string {
  return ` ${normaliseText(`${source.names[index] ?? ''} ${source.ids[index] ?? ''} ${source.communeNames[index] ?? ''}`)} `;
}

/**
 * Name, id and commune of each site, accent-stripped and lower-cased (like
 * `searchQueryWords`), padded with spaces. Built on the first search, not
 * when the table opens: normalising 100,000 names takes a noticeable moment.
 */
export function searchKeysOf(source: SiteTableSource): string[] {
  let keys = searchKeysCache.get(source);
  if (!keys) {
    keys = Array.from({ length: source.count }, (_, index) => searchKeyAt(source, index));
    searchKeysCache.set(source, keys);
  }
  return keys;
}

/** The search keys when already built, else null (see `prepareSearchKeys`). */
export function readySearchKeys(source: SiteTableSource): string[] | null {
  return searchKeysCache.get(source) ?? null;
}

/**
 * `searchKeysOf` in slices of SLICE sites, one task each (a million names
 * took seconds in one task); memoised, and `searchKeysOf` then answers at once.
 */
export function prepareSearchKeys(source: SiteTableSource): Promise<string[]> {
  const ready = searchKeysCache.get(source);
  if (ready) return Promise.resolve(ready);
  let promise = preparedSearchKeys.get(source);
  if (!promise) {
    promise = (async () => {
      const keys = new Array<string>(source.count);
      for (let from = 0; from < source.count; from += SLICE) {
        if (from > 0) await nextTask();
        const to = Math.min(source.count, from + SLICE);
        for (let index = from; index < to; index += 1) keys[index] = searchKeyAt(source, index);
      }
      searchKeysCache.set(source, keys);
      return keys;
    })();
    preparedSearchKeys.set(source, promise);
  }
  return promise;
}
