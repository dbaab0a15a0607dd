/**
 * The fixture's PMTiles writer, checked by reading its archive back with the
 * `pmtiles` library itself: header, metadata, Hilbert tile ids and vector
 * tiles that decode to the layers the Protomaps style reads.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader as Protobuf } from 'pbf';
import { PMTiles, type Source, TileType, zxyToTileId } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import {
  buildBasemapFixture,
  FIXTURE_ATTRIBUTION,
  FIXTURE_CENTER,
  FIXTURE_PLACE,
} from '../../scripts/make-basemap-fixture';
import { hilbertTileId } from '../../scripts/pmtiles-writer';

function memorySource(bytes: Uint8Array): Source {
  return {
    getKey: () => 'memory',
    getBytes: async (offset, length) => ({ data: bytes.slice(offset, offset + length).buffer }),
  };
}

function tileAt(longitude: number, latitude: number, zoom: number): [number, number, number] {
  const scale = 2 ** zoom;
  const radians = (latitude * Math.PI) / 180;
  return [
    zoom,
    Math.floor(((longitude + 180) / 360) * scale),
    Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * scale),
  ];
}

describe('the synthetic basemap fixture', () => {
  const bytes = buildBasemapFixture();
  const archive = new PMTiles(memorySource(bytes));

  it('numbers tiles along the Hilbert curve exactly as the pmtiles reader does', () => {
    for (const [z, x, y] of [
      [0, 0, 0],
      [1, 1, 0],
      [3, 5, 2],
      [12, 1224, 1834],
      [15, 9799, 14672],
      [20, 300_000, 450_000],
    ] as const)
      expect(hilbertTileId(z, x, y)).toBe(zxyToTileId(z, x, y));
  });

  it('has a v3 header with vector tiles, zooms 10–15 and bounds over Port-au-Prince', async () => {
    expect(bytes.length).toBeLessThan(2_000_000);
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.tileType).toBe(TileType.Mvt);
    expect([header.minZoom, header.maxZoom]).toEqual([10, 15]);
    expect(header.minLon).toBeLessThan(FIXTURE_CENTER.longitude);
    expect(header.maxLon).toBeGreaterThan(FIXTURE_CENTER.longitude);
    expect(header.minLat).toBeLessThan(FIXTURE_CENTER.latitude);
    expect(header.maxLat).toBeGreaterThan(FIXTURE_CENTER.latitude);
    expect(header.numAddressedTiles).toBeGreaterThan(6);
  });

  it('says in its metadata that it is synthetic, with its attribution', async () => {
    const metadata = (await archive.getMetadata()) as Record<string, unknown>;
    expect(metadata.synthetic).toBe(true);
    expect(metadata.attribution).toBe(FIXTURE_ATTRIBUTION);
  });

  it('serves every zoom at the centre with streets, places and buildings in the Protomaps layer names', async () => {
    for (let zoom = 10; zoom <= 15; zoom += 1) {
      const [z, x, y] = tileAt(FIXTURE_CENTER.longitude, FIXTURE_CENTER.latitude, zoom);
      const response = await archive.getZxy(z, x, y);
      expect(response, `tile ${z}/${x}/${y}`).toBeDefined();
      const tile = new VectorTile(new Protobuf(new Uint8Array(response?.data ?? new ArrayBuffer(0))));
      expect(Object.keys(tile.layers)).toEqual(
        expect.arrayContaining(['earth', 'roads', 'places', 'buildings']),
      );
      const roads = tile.layers.roads;
      expect(roads?.length).toBeGreaterThan(2);
      const place = tile.layers.places?.feature(0).properties;
      if (zoom === 14) expect(place).toMatchObject({ kind: 'locality', 'name:fr': FIXTURE_PLACE.french });
    }
  });

  it('has no tile outside its area', async () => {
    expect(await archive.getZxy(14, 0, 0)).toBeUndefined();
  });
});
