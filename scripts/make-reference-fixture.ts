/**
 * Builds a small synthetic reference layer as a PMTiles v3 archive, for tests:
 * shelter footprints (one `footprints` layer of rectangles in rows, as a
 * building-footprint extract would give) east of central Port-au-Prince,
 * zooms 10–15. Made up (the metadata says so): no real footprint is copied.
 *
 * `npx tsx scripts/make-reference-fixture.ts out.pmtiles` writes it; tests
 * call `buildReferenceFixture()` and write it into a temporary directory.
 */
import { writeFileSync } from 'node:fs';
import type { Feature } from 'geojson';
import { buildVectorArchive } from './vector-archive';

/** Where the footprints are: a block of rows around this point. */
export const REFERENCE_FIXTURE_CENTER = { longitude: -72.3, latitude: 18.54 };
export const REFERENCE_FIXTURE_TITLE = 'Empreintes d’abris (synthétique)';
export const REFERENCE_FIXTURE_ATTRIBUTION = 'Katsit synthetic test footprints (not real data)';

const BOUNDS = { west: -72.32, south: 18.525, east: -72.28, north: 18.555 };
const SPACING = 0.0016;

function footprints(): Feature[] {
  const features: Feature[] = [];
  const half = SPACING / 3;
  for (let longitude = BOUNDS.west + SPACING; longitude < BOUNDS.east; longitude += SPACING)
    for (let latitude = BOUNDS.south + SPACING; latitude < BOUNDS.north; latitude += SPACING)
      features.push({
        type: 'Feature',
        properties: { kind: 'shelter' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [longitude - half, latitude - half],
              [longitude + half, latitude - half],
              [longitude + half, latitude + half],
              [longitude - half, latitude + half],
              [longitude - half, latitude - half],
            ],
          ],
        },
      });
  return features;
}

/** The fixture archive's bytes (a few tens of kB). */
export function buildReferenceFixture(): Uint8Array {
  return buildVectorArchive(
    { footprints: { type: 'FeatureCollection', features: footprints() } },
    {
      bounds: BOUNDS,
      zooms: { min: 10, max: 15 },
      center: { ...REFERENCE_FIXTURE_CENTER, zoom: 14 },
      metadata: {
        name: REFERENCE_FIXTURE_TITLE,
        description: 'Synthetic test data for Katsit: made-up shelter footprints.',
        attribution: REFERENCE_FIXTURE_ATTRIBUTION,
        synthetic: true,
        type: 'overlay',
      },
    },
  );
}

if (process.argv[1]?.endsWith('make-reference-fixture.ts')) {
  const target = process.argv[2] ?? 'reference-fixture.pmtiles';
  const bytes = buildReferenceFixture();
  writeFileSync(target, bytes);
  console.log(`${target}: ${bytes.length} bytes`);
}
