/**
 * The site table's view of the loaded sites: the columns it shows, sorts,
 * searches and exports, pulled once out of the GeoJSON into plain arrays
 * (typed where numeric), indexed like `sites.features`. Pure: no DOM.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { SiteProperties } from '../domain/types';
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
  /** Site index of each `id` (the first one when an import repeats an id). */
  indexOfId: ReadonlyMap<string, number>;
}

type SiteLike = Feature<Point | null, Partial<SiteProperties> | null>;

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const numeric = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;

/** Builds the table's source columns from a sites collection (the collection is not modified). */
export function siteTableSource(
  sites: FeatureCollection<Point | null, Partial<SiteProperties> | null>,
): SiteTableSource {
  const features: readonly SiteLike[] = sites.features;
  const count = features.length;
  const source: SiteTableSource = {
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
    indexOfId: new Map(),
  };
  const indexOfId = source.indexOfId as Map<string, number>;
  features.forEach((feature, index) => {
    const properties = feature.properties ?? {};
    const id = text(properties.id);
    const name = text(properties.name);
    const commune = text(properties.admin2Name);
    source.ids[index] = id;
    source.names[index] = name;
    source.siteTypes[index] = text(properties.siteType);
    source.communeNames[index] = commune;
    source.communePcodes[index] = text(properties.admin2Pcode);
    source.individuals[index] = numeric(properties.individuals);
    source.households[index] = numeric(properties.households);
    const position = feature.geometry?.coordinates;
    source.longitudes[index] = numeric(position?.[0]);
    source.latitudes[index] = numeric(position?.[1]);
    if (id && !indexOfId.has(id)) indexOfId.set(id, index);
  });
  return source;
}

const searchKeysCache = new WeakMap<SiteTableSource, string[]>();

/**
 * Name, id and commune of each site, accent-stripped and lower-cased (like
 * `searchQueryWords`), padded with spaces. Built on the first search, not
 * when the table opens: normalising 100,000 names takes a noticeable moment.
 */
export function searchKeysOf(source: SiteTableSource): string[] {
  let keys = searchKeysCache.get(source);
  if (!keys) {
    keys = source.names.map(
      (name, index) =>
        ` ${normaliseText(`${name} ${source.ids[index] ?? ''} ${source.communeNames[index] ?? ''}`)} `,
    );
    searchKeysCache.set(source, keys);
  }
  return keys;
}
