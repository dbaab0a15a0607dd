/**
 * Builds a small synthetic street basemap over central Port-au-Prince as a
 * PMTiles v3 archive, for tests: a grid of streets with names, two main roads,
 * places with `name`/`name:fr`/`name:en`, building blocks, land and sea, in
 * the Protomaps schema's layer names (`earth`, `water`, `roads`, `places`,
 * `buildings`) so `@protomaps/basemaps` styles it. Zooms 10–15. Made up
 * (the metadata says so): no OpenStreetMap data is copied.
 *
 * `npx tsx scripts/make-basemap-fixture.ts out.pmtiles` writes it; tests call
 * `buildBasemapFixture()` and write it into a temporary directory.
 */
import { writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { buildVectorArchive } from './vector-archive';

/** Where the fixture's streets are: central Port-au-Prince. */
export const FIXTURE_CENTER = { longitude: -72.335, latitude: 18.545 };
const FIXTURE_BOUNDS = { west: -72.45, south: 18.45, east: -72.2, north: 18.62 };
export const FIXTURE_ATTRIBUTION = 'Katsit synthetic test streets (not OpenStreetMap)';
const FIXTURE_ZOOMS = { min: 10, max: 15 };
/** A label the fixture carries in French; tests look for streets and this place. */
export const FIXTURE_PLACE = { name: 'Pòtoprens', french: 'Port-au-Prince', english: 'Port-au-Prince' };

const STREET_SPACING = 0.004;
const STREET_BOX = { west: -72.355, south: 18.53, east: -72.315, north: 18.56 };

function feature(geometry: Geometry, properties: Record<string, unknown>): Feature {
  return { type: 'Feature', geometry, properties };
}

function box(west: number, south: number, east: number, north: number): Geometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

function streets(): Feature[] {
  const features: Feature[] = [];
  let number = 1;
  for (let longitude = STREET_BOX.west; longitude <= STREET_BOX.east + 1e-9; longitude += STREET_SPACING) {
    const name = `Rue ${number}`;
    features.push(
      feature(
        {
          type: 'LineString',
          coordinates: [
            [longitude, STREET_BOX.south],
            [longitude, STREET_BOX.north],
          ],
        },
        { kind: 'minor_road', kind_detail: 'residential', name, 'name:fr': name, min_zoom: 12 },
      ),
    );
    number += 1;
  }
  for (let latitude = STREET_BOX.south; latitude <= STREET_BOX.north + 1e-9; latitude += STREET_SPACING) {
    const name = `Avenue ${number}`;
    features.push(
      feature(
        {
          type: 'LineString',
          coordinates: [
            [STREET_BOX.west, latitude],
            [STREET_BOX.east, latitude],
          ],
        },
        { kind: 'minor_road', kind_detail: 'residential', name, 'name:fr': name, min_zoom: 12 },
      ),
    );
    number += 1;
  }
  features.push(
    feature(
      {
        type: 'LineString',
        coordinates: [
          [-72.4, 18.52],
          [-72.335, 18.545],
          [-72.25, 18.58],
        ],
      },
      { kind: 'major_road', name: 'Route de Delmas', 'name:fr': 'Route de Delmas', min_zoom: 9 },
    ),
    feature(
      {
        type: 'LineString',
        coordinates: [
          [-72.36, 18.47],
          [-72.34, 18.53],
          [-72.33, 18.6],
        ],
      },
      { kind: 'highway', name: 'Route Nationale 1', 'name:fr': 'Route Nationale 1', min_zoom: 7 },
    ),
  );
  return features;
}

function places(): Feature[] {
  const point = (longitude: number, latitude: number): Geometry => ({
    type: 'Point',
    coordinates: [longitude, latitude],
  });
  return [
    feature(point(FIXTURE_CENTER.longitude, FIXTURE_CENTER.latitude), {
      kind: 'locality',
      name: FIXTURE_PLACE.name,
      'name:fr': FIXTURE_PLACE.french,
      'name:en': FIXTURE_PLACE.english,
      min_zoom: 4,
      population_rank: 14,
    }),
    feature(point(-72.345, 18.552), {
      kind: 'neighbourhood',
      name: 'Bèlè',
      'name:fr': 'Bel Air',
      min_zoom: 11,
    }),
    feature(point(-72.322, 18.535), {
      kind: 'neighbourhood',
      name: 'Tijo',
      'name:fr': 'Turgeau',
      min_zoom: 11,
    }),
  ];
}

/** One building in the middle of each block the street grid makes. */
function buildings(): Feature[] {
  const features: Feature[] = [];
  const half = STREET_SPACING / 4;
  for (let west = STREET_BOX.west; west < STREET_BOX.east - 1e-9; west += STREET_SPACING) {
    for (let south = STREET_BOX.south; south < STREET_BOX.north - 1e-9; south += STREET_SPACING) {
      const longitude = west + STREET_SPACING / 2;
      const latitude = south + STREET_SPACING / 2;
      features.push(
        feature(box(longitude - half, latitude - half, longitude + half, latitude + half), {
          kind: 'building',
          min_zoom: 14,
        }),
      );
    }
  }
  return features;
}

function layerSources(): Record<string, FeatureCollection> {
  const bounds = FIXTURE_BOUNDS;
  return {
    earth: {
      type: 'FeatureCollection',
      features: [feature(box(bounds.west, bounds.south, bounds.east, bounds.north), { kind: 'earth' })],
    },
    // The bay of Port-au-Prince, roughly: sea west of the city.
    water: {
      type: 'FeatureCollection',
      features: [feature(box(bounds.west, 18.5, -72.37, bounds.north), { kind: 'ocean', name: 'Baie' })],
    },
    roads: { type: 'FeatureCollection', features: streets() },
    places: { type: 'FeatureCollection', features: places() },
    buildings: { type: 'FeatureCollection', features: buildings() },
  };
}

/** The fixture archive's bytes (about 80 kB). */
export function buildBasemapFixture(): Uint8Array {
  return buildVectorArchive(layerSources(), {
    bounds: FIXTURE_BOUNDS,
    zooms: FIXTURE_ZOOMS,
    center: { ...FIXTURE_CENTER, zoom: 14 },
    metadata: {
      name: 'Katsit synthetic street fixture',
      description:
        'Synthetic test data for Katsit: made-up streets, places and buildings over Port-au-Prince.',
      attribution: FIXTURE_ATTRIBUTION,
      synthetic: true,
      type: 'baselayer',
    },
  });
}

if (process.argv[1]?.endsWith('make-basemap-fixture.ts')) {
  const target = process.argv[2] ?? 'basemap-fixture.pmtiles';
  const bytes = buildBasemapFixture();
  writeFileSync(target, bytes);
  console.log(`${target}: ${bytes.length} bytes`);
}
