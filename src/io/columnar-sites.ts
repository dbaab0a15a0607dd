/**
 * The columnar form of a site collection, built once where the sites are
 * built (the import worker) and shared by everything that reads sites by
 * column: the site table, its search and sort, the analysis worker's input,
 * and IndexedDB. Numbers are typed arrays (NaN when unknown or, for
 * coordinates, when a site has no geometry: it is carried, never drawn or
 * analysed); text is dictionary-encoded, each dictionary packed into one
 * string and its end offsets, so the whole form crosses threads and goes
 * into IndexedDB as a handful of buffers and strings (a million separate
 * strings took a main-thread task of hundreds of milliseconds to clone).
 */
import type { GeoJsonProperties, Geometry } from 'geojson';

/** The text columns kept, by the site property they come from. */
export const TEXT_COLUMNS = [
  'id',
  'name',
  'siteType',
  'admin1Pcode',
  'admin2Pcode',
  'admin2Name',
  'admin1Name',
  'admin3Pcode',
] as const;
export type TextColumnName = (typeof TEXT_COLUMNS)[number];

/** Strings packed end to end: value i is `text.slice(ends[i - 1] ?? 0, ends[i])`. */
export interface PackedTexts {
  text: string;
  ends: Uint32Array;
}

/** A dictionary-encoded text column: the value of site i is `values[codes[i]]`. */
export interface TextColumn {
  codes: Uint32Array;
  values: PackedTexts;
}

/** Column-wise sites; index i in every column is feature i of the collection. */
export interface ColumnarSites {
  count: number;
  /** `lon0, lat0, lon1, lat1, …`; NaN for a site without coordinates. */
  coordinates: Float64Array;
  /** NaN when unknown. */
  individuals: Float64Array;
  /** NaN when unknown. */
  households: Float64Array;
  /** Total site area in m²; NaN when unknown. */
  areaSquareMetres: Float64Array;
  /** Covered living space in m²; NaN when unknown. */
  coveredSquareMetres: Float64Array;
  /** 1 where communal services are outside the site. */
  communalServicesOutside: Uint8Array;
  texts: Record<TextColumnName, TextColumn>;
  /**
   * A 64-bit non-cryptographic hash of every column (16 hex digits): the
   * identity of the content, for caches, computed where the columns are built.
   */
  hash: string;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const numeric = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;

/** Packs strings end to end. */
export function packTexts(values: readonly string[]): PackedTexts {
  const ends = new Uint32Array(values.length);
  let length = 0;
  values.forEach((value, index) => {
    length += value.length;
    ends[index] = length;
  });
  return { text: values.join(''), ends };
}

/** Value `index` of packed strings ('' out of range). */
export function packedAt(packed: PackedTexts, index: number): string {
  if (index < 0 || index >= packed.ends.length) return '';
  return packed.text.slice(index === 0 ? 0 : (packed.ends[index - 1] ?? 0), packed.ends[index]);
}

/** Every value of packed strings, as an array. */
export function unpackTexts(packed: PackedTexts): string[] {
  const values = new Array<string>(packed.ends.length);
  let start = 0;
  for (let index = 0; index < packed.ends.length; index += 1) {
    const end = packed.ends[index] ?? start;
    values[index] = packed.text.slice(start, end);
    start = end;
  }
  return values;
}

/** The text of site `index` in a column. */
export function textAt(column: TextColumn, index: number): string {
  return packedAt(column.values, column.codes[index] ?? -1);
}

/** Builds a text column: one code per site, each distinct value once. */
function encodeText(count: number, valueAt: (index: number) => string): TextColumn {
  const codes = new Uint32Array(count);
  const codeOf = new Map<string, number>();
  const values: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const value = valueAt(index);
    let code = codeOf.get(value);
    if (code === undefined) {
      code = values.length;
      codeOf.set(value, code);
      values.push(value);
    }
    codes[index] = code;
  }
  return { codes, values: packTexts(values) };
}

/** A feature as the columns read it: a site may have no geometry. */
interface SiteFeature {
  geometry: Geometry | null;
  properties: GeoJsonProperties;
}

/** The columnar form of site features (the features are not modified). */
export function columnarSitesOf(features: readonly SiteFeature[]): ColumnarSites {
  const count = features.length;
  const coordinates = new Float64Array(count * 2);
  const individuals = new Float64Array(count);
  const households = new Float64Array(count);
  const areaSquareMetres = new Float64Array(count);
  const coveredSquareMetres = new Float64Array(count);
  const communalServicesOutside = new Uint8Array(count);
  const properties = features.map((feature) => (feature.properties ?? {}) as Record<string, unknown>);
  features.forEach((feature, index) => {
    const geometry = feature.geometry;
    const position = geometry?.type === 'Point' ? geometry.coordinates : undefined;
    coordinates[index * 2] = numeric(position?.[0]);
    coordinates[index * 2 + 1] = numeric(position?.[1]);
    const own = properties[index] ?? {};
    individuals[index] = numeric(own.individuals);
    households[index] = numeric(own.households);
    areaSquareMetres[index] = numeric(own.areaSquareMetres);
    coveredSquareMetres[index] = numeric(own.coveredSquareMetres);
    communalServicesOutside[index] = own.communalServicesOutside === true ? 1 : 0;
  });
  const texts = Object.fromEntries(
    TEXT_COLUMNS.map((name) => [name, encodeText(count, (index) => text(properties[index]?.[name]))]),
  ) as Record<TextColumnName, TextColumn>;
  const columns = {
    count,
    coordinates,
    individuals,
    households,
    areaSquareMetres,
    coveredSquareMetres,
    communalServicesOutside,
    texts,
    hash: '',
  };
  columns.hash = columnsHash(columns);
  return columns;
}

/** The typed arrays of every column (each its own buffer), in a fixed order. */
export function columnArrays(
  columns: Omit<ColumnarSites, 'hash'>,
): (Float64Array | Uint8Array | Uint32Array)[] {
  return [
    columns.coordinates,
    columns.individuals,
    columns.households,
    columns.areaSquareMetres,
    columns.coveredSquareMetres,
    columns.communalServicesOutside,
    ...TEXT_COLUMNS.flatMap((name) => [columns.texts[name].codes, columns.texts[name].values.ends]),
  ];
}

/** The buffers to transfer when the columns cross to another thread (they are then unusable here). */
export function columnTransferables(columns: ColumnarSites): ArrayBuffer[] {
  return columnArrays(columns).map((array) => array.buffer as ArrayBuffer);
}

/**
 * Two 32-bit FNV-1a-style lanes with different seeds over every column's
 * 32-bit words and every dictionary's characters: about 50 ms for a million
 * sites, and any changed value, length or order changes it.
 */
export function columnsHash(columns: Omit<ColumnarSites, 'hash'>): string {
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ columns.count;
  const mix = (word: number) => {
    first = Math.imul(first ^ word, 0x01000193);
    second = Math.imul(second ^ word, 0x5bd1e995);
    second ^= second >>> 15;
  };
  for (const array of columnArrays(columns)) {
    mix(array.length);
    const words = new Uint32Array(array.buffer, array.byteOffset, Math.floor(array.byteLength / 4));
    for (let index = 0; index < words.length; index += 1) mix(words[index] ?? 0);
    const bytes = new Uint8Array(array.buffer, array.byteOffset + words.byteLength, array.byteLength % 4);
    for (const byte of bytes) mix(byte);
  }
  for (const name of TEXT_COLUMNS) {
    const packed = columns.texts[name].values.text;
    mix(packed.length);
    for (let index = 0; index < packed.length; index += 1) mix(packed.charCodeAt(index));
  }
  const hex = (lane: number) => (lane >>> 0).toString(16).padStart(8, '0');
  return `${hex(first)}${hex(second)}`;
}

/**
 * Columns attached to the feature array they describe. Keyed by the array,
 * not the collection: a collection given new metadata (`{ ...collection }`)
 * keeps its features and so its columns, and a filtered or combined one has
 * new features and none.
 */
const attached = new WeakMap<readonly unknown[], ColumnarSites>();

/** Attaches `columns` to `features` (they must describe those very features, in order). */
export function attachColumns(features: readonly unknown[], columns: ColumnarSites): void {
  if (columns.count === features.length) attached.set(features, columns);
}

/** The columns attached to these features, if any. */
export function attachedColumns(features: readonly unknown[]): ColumnarSites | undefined {
  return attached.get(features);
}

/** The sum of a column, unknowns (NaN) counted as 0: the figures' totals without reading a feature. */
export function columnSum(values: Float64Array): number {
  let sum = 0;
  for (const value of values) if (!Number.isNaN(value)) sum += value;
  return sum;
}

/** How many sites hold each text of a column. */
export function textCounts(column: TextColumn): Map<string, number> {
  const perCode = new Uint32Array(column.values.ends.length);
  for (const code of column.codes) perCode[code] = (perCode[code] ?? 0) + 1;
  const values = unpackTexts(column.values);
  return new Map(values.map((value, code) => [value, perCode[code] ?? 0]));
}
