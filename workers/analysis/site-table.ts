/**
 * Sites in the compact, column-wise form the worker keeps: coordinates and
 * numbers in typed arrays (transferred between threads, not cloned), P-codes
 * in one small string array. Built on the main thread from the GeoJSON.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { SiteProperties } from '../../src/domain/types';

/** Column-wise sites; index i in every column is feature i of the source collection. */
export interface SiteTable {
  /** `lon0, lat0, lon1, lat1, …` */
  coordinates: Float64Array;
  households: Float64Array;
  individuals: Float64Array;
  /** Total site area in m²; NaN when unknown. */
  areaSquareMetres: Float64Array;
  /** Covered living space in m²; NaN when unknown (no shelter assessment). Absent: unknown everywhere. */
  coveredSquareMetres?: Float64Array;
  /** 1 where communal services are outside the site (Sphere's 30 m² area standard applies). Absent: none. */
  communalServicesOutside?: Uint8Array;
  /** The site's own commune P-code, used when it falls outside every admin polygon. */
  admin2Pcodes: string[];
  /** The declared department P-code ('' when none); absent in tables built before it was read. */
  admin1Pcodes?: string[];
  /** The declared commune name, matched against the boundaries when there is no P-code. */
  admin2Names?: string[];
  /** The declared communal-section P-code (level 3). */
  admin3Pcodes?: string[];
  /**
   * The identity of the content, when the table was made from columns hashed where they were
   * built (the import's column hash, kept in storage): cache keys use it instead of hashing the
   * table again. Absent: the table is hashed.
   */
  contentHash?: string;
}

/** Interleaved `lon, lat` coordinates of a point collection (NaN for a missing geometry). */
export function coordinatesOf(collection: FeatureCollection<Point | null>): Float64Array {
  const coordinates = new Float64Array(collection.features.length * 2);
  collection.features.forEach((feature, index) => {
    const position = feature.geometry?.coordinates;
    coordinates[index * 2] = position?.[0] ?? Number.NaN;
    coordinates[index * 2 + 1] = position?.[1] ?? Number.NaN;
  });
  return coordinates;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function textOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Builds the table from a site collection; missing counts read as 0, a missing area as NaN. */
export function siteTableOf(
  collection: FeatureCollection<Point | null, Partial<SiteProperties> | null>,
): SiteTable {
  const count = collection.features.length;
  const households = new Float64Array(count);
  const individuals = new Float64Array(count);
  const areaSquareMetres = new Float64Array(count);
  const coveredSquareMetres = new Float64Array(count);
  const communalServicesOutside = new Uint8Array(count);
  const admin2Pcodes: string[] = [];
  const admin1Pcodes: string[] = [];
  const admin2Names: string[] = [];
  const admin3Pcodes: string[] = [];
  collection.features.forEach((feature, index) => {
    const properties = feature.properties ?? {};
    admin1Pcodes.push(textOr(properties.admin1Pcode));
    admin2Names.push(textOr(properties.admin2Name));
    admin3Pcodes.push(textOr((properties as { admin3Pcode?: unknown }).admin3Pcode));
    households[index] = numberOr(properties.households, 0);
    individuals[index] = numberOr(properties.individuals, 0);
    areaSquareMetres[index] = numberOr(properties.areaSquareMetres, Number.NaN);
    coveredSquareMetres[index] = numberOr(properties.coveredSquareMetres, Number.NaN);
    communalServicesOutside[index] = properties.communalServicesOutside === true ? 1 : 0;
    admin2Pcodes.push(properties.admin2Pcode ?? '');
  });
  return {
    coordinates: coordinatesOf(collection),
    households,
    individuals,
    areaSquareMetres,
    coveredSquareMetres,
    communalServicesOutside,
    admin2Pcodes,
    admin1Pcodes,
    admin2Names,
    admin3Pcodes,
  };
}

/** The buffers to list as transferables when posting a table to a worker. */
export function transferablesOf(table: SiteTable): ArrayBuffer[] {
  return [
    table.coordinates,
    table.households,
    table.individuals,
    table.areaSquareMetres,
    table.coveredSquareMetres,
    table.communalServicesOutside,
  ].flatMap((column) => (column ? [column.buffer as ArrayBuffer] : []));
}

/** Number of sites in a table. */
export function siteCount(table: SiteTable): number {
  return table.coordinates.length / 2;
}
