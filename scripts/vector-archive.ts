/**
 * A vector PMTiles archive from GeoJSON layers, for test fixtures: each layer
 * is cut into tiles with `geojson-vt`, encoded with `vt-pbf` and written with
 * the small PMTiles v3 writer beside it. `vector_layers` in the metadata lists
 * the layers, as real archives do.
 */
import type { FeatureCollection } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import { type ArchiveTile, writeArchive } from './pmtiles-writer';

export interface VectorArchiveOptions {
  bounds: { west: number; south: number; east: number; north: number };
  zooms: { min: number; max: number };
  center: { longitude: number; latitude: number; zoom: number };
  /** Metadata besides `vector_layers`, which is added from the layers' names. */
  metadata: Record<string, unknown>;
}

/** Tile column and row of a coordinate at a zoom (Web Mercator, XYZ scheme). */
function tileOf(longitude: number, latitude: number, zoom: number): { x: number; y: number } {
  const scale = 2 ** zoom;
  const radians = (latitude * Math.PI) / 180;
  const x = Math.floor(((longitude + 180) / 360) * scale);
  const y = Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * scale);
  return { x, y };
}

/** The archive's bytes: every tile of `bounds` from the lowest zoom to the highest that has features. */
export function buildVectorArchive(
  layers: Record<string, FeatureCollection>,
  options: VectorArchiveOptions,
): Uint8Array {
  const { bounds, zooms } = options;
  const indexes = Object.entries(layers).map(
    ([name, collection]) =>
      [name, new GeoJSONVT(collection, { maxZoom: zooms.max, indexMaxZoom: zooms.max })] as const,
  );
  const tiles: ArchiveTile[] = [];
  for (let z = zooms.min; z <= zooms.max; z += 1) {
    const topLeft = tileOf(bounds.west, bounds.north, z);
    const bottomRight = tileOf(bounds.east, bounds.south, z);
    for (let x = topLeft.x; x <= bottomRight.x; x += 1) {
      for (let y = topLeft.y; y <= bottomRight.y; y += 1) {
        const encoded: Record<
          string,
          { features: NonNullable<ReturnType<GeoJSONVT['getTile']>>['features'] }
        > = {};
        for (const [name, index] of indexes) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) encoded[name] = tile;
        }
        if (Object.keys(encoded).length > 0)
          tiles.push({ z, x, y, data: fromGeojsonVt(encoded, { version: 2, extent: 4096 }) });
      }
    }
  }
  return writeArchive(tiles, {
    tileType: 1,
    bounds,
    center: options.center,
    metadata: {
      ...options.metadata,
      vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} })),
    },
  });
}
