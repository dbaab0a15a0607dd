/**
 * Opens a PMTiles archive kept on the device and describes it: the reader is
 * `pmtiles`'s `PMTiles` over a source that reads the file by range
 * (`File.slice`), so a basemap of several hundred megabytes is never read
 * whole and nothing goes over the network. Loaded on demand (dynamic import)
 * so the reader stays out of the main bundle until a basemap is used.
 *
 * The same reader opens reference layers (building footprints, a national
 * layer tiled upstream), which the map draws over the basemap.
 *
 * Bad files are expected: the answer is `{ ok: false, code }`, with the code
 * naming a catalogue message.
 */
import { PMTiles, type RangeResponse, type Source, TileType } from 'pmtiles';
import type { Bounds } from './camera';

const HEADER_LENGTH = 127;
const MAGIC = 'PMTiles';

/** How much of Haiti an archive's bounds cover (Haiti: about 74.5–71.6° W, 18.0–20.1° N). */
export type HaitiCoverage = 'all' | 'part' | 'none';

export interface BasemapSummary {
  /** The file's name, or the archive's address when it is read online. */
  fileName: string;
  /** Null for an online archive, whose size the reader never learns. */
  sizeBytes: number | null;
  bounds: Bounds;
  minZoom: number;
  maxZoom: number;
  /** The archive's own attribution (from its metadata), or null when it has none. */
  attribution: string | null;
  /** Vector tiles (Mapbox Vector Tiles, styled here) or images. */
  kind: 'vector' | 'raster';
  coverage: HaitiCoverage;
  /** The archive's own title (metadata `name`), or null. */
  title: string | null;
  /** The layers inside vector tiles (metadata `vector_layers`), which a reference layer draws. */
  vectorLayers: string[];
}

/** An archive ready for the map: the reader, the key its tile URLs use, and its description. */
export interface OpenedBasemap {
  archive: PMTiles;
  key: string;
  summary: BasemapSummary;
}

type BasemapFailure = 'notPmtiles' | 'truncated' | 'unsupportedTiles' | 'damaged' | 'unreachable';
export type BasemapOpening = { ok: true; basemap: OpenedBasemap } | { ok: false; code: BasemapFailure };

const HAITI: Bounds = { west: -74.5, south: 18.0, east: -71.6, north: 20.1 };

/** Reads byte ranges of a file on the device; never the network. */
class DeviceFileSource implements Source {
  constructor(
    private readonly file: File,
    private readonly key: string,
  ) {}

  getKey(): string {
    return this.key;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: await this.file.slice(offset, offset + length).arrayBuffer() };
  }
}

/** Whether the bounds hold all of Haiti, part of it, or none. */
export function haitiCoverage(bounds: Bounds): HaitiCoverage {
  const overlaps =
    bounds.west < HAITI.east &&
    bounds.east > HAITI.west &&
    bounds.south < HAITI.north &&
    bounds.north > HAITI.south;
  if (!overlaps) return 'none';
  const holds =
    bounds.west <= HAITI.west &&
    bounds.east >= HAITI.east &&
    bounds.south <= HAITI.south &&
    bounds.north >= HAITI.north;
  return holds ? 'all' : 'part';
}

/** The reasons a file cannot be a PMTiles v3 archive, read from its first 127 bytes and its size. */
async function checkLayout(file: File): Promise<BasemapFailure | null> {
  const head = new Uint8Array(await file.slice(0, HEADER_LENGTH).arrayBuffer());
  const magic = String.fromCharCode(...head.subarray(0, MAGIC.length));
  if (magic !== MAGIC) return 'notPmtiles';
  if (head.length < HEADER_LENGTH) return 'truncated';
  if (head[7] !== 3) return 'notPmtiles';
  const view = new DataView(head.buffer);
  const end = (offsetAt: number) =>
    Number(view.getBigUint64(offsetAt, true)) + Number(view.getBigUint64(offsetAt + 8, true));
  // Root directory, metadata, leaf directories and tile data must all lie inside the file.
  const furthest = Math.max(end(8), end(24), end(40), end(56));
  return furthest > file.size ? 'truncated' : null;
}

/** A non-empty text field of the metadata, trimmed, or null. */
function textOf(metadata: unknown, field: string): string | null {
  if (typeof metadata !== 'object' || metadata === null) return null;
  const value = (metadata as Record<string, unknown>)[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The ids of `vector_layers` (the TileJSON field every PMTiles writer fills for vector tiles). */
function vectorLayersOf(metadata: unknown): string[] {
  if (typeof metadata !== 'object' || metadata === null) return [];
  const layers = (metadata as Record<string, unknown>).vector_layers;
  if (!Array.isArray(layers)) return [];
  return layers.flatMap((layer: unknown) => {
    const id = typeof layer === 'object' && layer !== null ? (layer as Record<string, unknown>).id : null;
    return typeof id === 'string' && id !== '' ? [id] : [];
  });
}

/**
 * Opens a PMTiles archive from a file on the device. `key` names it in tile
 * URLs (`pmtiles://key/{z}/{x}/{y}`), so a newly stored file gets a new key and
 * MapLibre never mixes tiles of two archives.
 */
export async function openBasemapArchive(
  file: File,
  key: string,
  fileName = file.name,
): Promise<BasemapOpening> {
  const layoutProblem = await checkLayout(file);
  if (layoutProblem) return { ok: false, code: layoutProblem };
  try {
    return await describe(new PMTiles(new DeviceFileSource(file, key)), key, fileName, file.size);
  } catch {
    return { ok: false, code: 'damaged' };
  }
}

/**
 * Opens a PMTiles archive at an address (the online option): read by HTTP
 * range requests, keyed by its address. A server that cannot be reached,
 * refuses ranges, or is not allowed by the page's Content-Security-Policy
 * answers `unreachable`; a file that is there but is not PMTiles, `notPmtiles`.
 */
export async function openOnlineBasemapArchive(url: string): Promise<BasemapOpening> {
  try {
    return await describe(new PMTiles(url), url, url, null);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    return { ok: false, code: /magic number|spec version/i.test(message) ? 'notPmtiles' : 'unreachable' };
  }
}

/** Reads the header and metadata and walks the root directory once; throws on a broken archive. */
async function describe(
  archive: PMTiles,
  key: string,
  fileName: string,
  sizeBytes: number | null,
): Promise<BasemapOpening> {
  const header = await archive.getHeader();
  const kind =
    header.tileType === TileType.Mvt
      ? 'vector'
      : [TileType.Png, TileType.Jpeg, TileType.Webp].includes(header.tileType)
        ? 'raster'
        : null;
  if (!kind) return { ok: false, code: 'unsupportedTiles' };
  const metadata = await archive.getMetadata();
  // Reading one tile walks the directory, which catches a damaged directory now rather than on the map.
  await archive.getZxy(header.minZoom, 0, 0);
  const bounds = { west: header.minLon, south: header.minLat, east: header.maxLon, north: header.maxLat };
  return {
    ok: true,
    basemap: {
      archive,
      key,
      summary: {
        fileName,
        sizeBytes,
        bounds,
        minZoom: header.minZoom,
        maxZoom: header.maxZoom,
        attribution: textOf(metadata, 'attribution'),
        kind,
        coverage: haitiCoverage(bounds),
        title: textOf(metadata, 'name'),
        vectorLayers: kind === 'vector' ? vectorLayersOf(metadata) : [],
      },
    },
  };
}
