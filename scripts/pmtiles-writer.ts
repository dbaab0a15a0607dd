/**
 * Writes a PMTiles v3 archive (spec/v3/spec.md in the protomaps/PMTiles
 * repository) from tiles already encoded: the 127-byte header, one root
 * directory (no leaf directories, so only small archives), the JSON metadata
 * and the tile data in tile-id order. Nothing is compressed, which the format
 * allows and keeps the writer short. Used to build test fixtures only: the
 * `pmtiles` package reads archives but cannot write them.
 */

/** One tile to store: its coordinates and its encoded bytes (a vector tile here). */
export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface ArchiveDescription {
  /** PMTiles tile type: 1 vector (MVT), 2 PNG, 3 JPEG, 4 WebP. */
  tileType: number;
  bounds: { west: number; south: number; east: number; north: number };
  center: { longitude: number; latitude: number; zoom: number };
  metadata: Record<string, unknown>;
}

const HEADER_LENGTH = 127;
/** The spec asks readers to fetch the header and root directory in one 16 KiB request. */
const ROOT_DIRECTORY_LIMIT = 16_384 - HEADER_LENGTH;
const COMPRESSION_NONE = 1;

/** Tile id on the Hilbert curve: the tiles of every lower zoom first, then the curve position at this zoom. */
export function hilbertTileId(z: number, x: number, y: number): number {
  let tilesBelow = 0;
  for (let level = 0; level < z; level += 1) tilesBelow += 4 ** level;
  const side = 2 ** z;
  let column = x;
  let row = y;
  let position = 0;
  for (let half = side / 2; half >= 1; half /= 2) {
    const right = (column & half) > 0 ? 1 : 0;
    const lower = (row & half) > 0 ? 1 : 0;
    position += half * half * ((3 * right) ^ lower);
    // Rotate the quadrant so the curve's sub-square starts where the last one ended.
    if (lower === 0) {
      if (right === 1) {
        column = side - 1 - column;
        row = side - 1 - row;
      }
      [column, row] = [row, column];
    }
  }
  return tilesBelow + position;
}

/** Unsigned LEB128, with arithmetic rather than bit operators so ids past 2³¹ stay exact. */
function writeVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

interface DirectoryEntry {
  tileId: number;
  offset: number;
  length: number;
}

/** The directory: count, then tile-id deltas, run lengths, lengths and offsets, each as a column of varints. */
function encodeDirectory(entries: readonly DirectoryEntry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let previousId = 0;
  for (const entry of entries) {
    writeVarint(out, entry.tileId - previousId);
    previousId = entry.tileId;
  }
  for (const _entry of entries) writeVarint(out, 1);
  for (const entry of entries) writeVarint(out, entry.length);
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    // 0 means "right after the previous tile", which is always true in a clustered archive.
    const contiguous = previous !== undefined && entry.offset === previous.offset + previous.length;
    writeVarint(out, contiguous ? 0 : entry.offset + 1);
  });
  return Uint8Array.from(out);
}

function writeHeader(view: DataView, fields: Record<string, number>, description: ArchiveDescription): void {
  const magic = 'PMTiles';
  for (let index = 0; index < magic.length; index += 1) view.setUint8(index, magic.charCodeAt(index));
  view.setUint8(7, 3);
  const sixtyFourBit = [
    'rootOffset',
    'rootLength',
    'metadataOffset',
    'metadataLength',
    'leafOffset',
    'leafLength',
    'dataOffset',
    'dataLength',
    'addressed',
    'entries',
    'contents',
  ];
  for (const [index, name] of sixtyFourBit.entries())
    view.setBigUint64(8 + index * 8, BigInt(fields[name] ?? 0), true);
  view.setUint8(96, 1); // clustered: tiles are stored in tile-id order
  view.setUint8(97, COMPRESSION_NONE);
  view.setUint8(98, COMPRESSION_NONE);
  view.setUint8(99, description.tileType);
  view.setUint8(100, fields.minZoom ?? 0);
  view.setUint8(101, fields.maxZoom ?? 0);
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  view.setInt32(102, e7(description.bounds.west), true);
  view.setInt32(106, e7(description.bounds.south), true);
  view.setInt32(110, e7(description.bounds.east), true);
  view.setInt32(114, e7(description.bounds.north), true);
  view.setUint8(118, description.center.zoom);
  view.setInt32(119, e7(description.center.longitude), true);
  view.setInt32(123, e7(description.center.latitude), true);
}

/** The whole archive as bytes. Throws when the tiles need leaf directories, which this writer leaves out. */
export function writeArchive(tiles: readonly ArchiveTile[], description: ArchiveDescription): Uint8Array {
  if (tiles.length === 0) throw new Error('an archive needs at least one tile');
  const ordered = tiles
    .map((tile) => ({ ...tile, tileId: hilbertTileId(tile.z, tile.x, tile.y) }))
    .sort((first, second) => first.tileId - second.tileId);
  const entries: DirectoryEntry[] = [];
  let offset = 0;
  for (const tile of ordered) {
    entries.push({ tileId: tile.tileId, offset, length: tile.data.length });
    offset += tile.data.length;
  }
  const directory = encodeDirectory(entries);
  if (directory.length > ROOT_DIRECTORY_LIMIT) throw new Error('too many tiles for a root-only directory');
  const metadata = new TextEncoder().encode(JSON.stringify(description.metadata));
  const rootOffset = HEADER_LENGTH;
  const metadataOffset = rootOffset + directory.length;
  const dataOffset = metadataOffset + metadata.length;
  const archive = new Uint8Array(dataOffset + offset);
  const zooms = ordered.map((tile) => tile.z);
  writeHeader(
    new DataView(archive.buffer),
    {
      rootOffset,
      rootLength: directory.length,
      metadataOffset,
      metadataLength: metadata.length,
      leafOffset: dataOffset,
      leafLength: 0,
      dataOffset,
      dataLength: offset,
      addressed: ordered.length,
      entries: ordered.length,
      contents: ordered.length,
      minZoom: Math.min(...zooms),
      maxZoom: Math.max(...zooms),
    },
    description,
  );
  archive.set(directory, rootOffset);
  archive.set(metadata, metadataOffset);
  let position = dataOffset;
  for (const tile of ordered) {
    archive.set(tile.data, position);
    position += tile.data.length;
  }
  return archive;
}
