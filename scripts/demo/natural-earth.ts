/**
 * Real geography: Natural Earth 1:10m country polygons, as packaged (TopoJSON)
 * by world-atlas. Everything else in the demo is clipped to or placed inside
 * these outlines, so sites never fall in the sea.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Natural Earth properties as world-atlas keeps them; `id` on the feature is the ISO 3166-1 numeric code. */
export interface CountryProperties {
  name: string;
}

export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProperties>;

/** ISO 3166-1 numeric code of Haiti, the `id` world-atlas gives its feature. */
export const HAITI_ISO_NUMERIC = '332';

let cachedCountries: CountryFeature[] | undefined;

/** Every country of Natural Earth 10 m. Read once: the file is 3.7 MB. */
export function loadCountries(): CountryFeature[] {
  if (cachedCountries === undefined) {
    const require = createRequire(import.meta.url);
    const path = require.resolve('world-atlas/countries-10m.json');
    const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology<{
      countries: GeometryCollection<CountryProperties>;
    }>;
    const collection = feature(topology, topology.objects.countries);
    cachedCountries = collection.features.filter(
      (country): country is CountryFeature =>
        country.geometry?.type === 'Polygon' || country.geometry?.type === 'MultiPolygon',
    );
  }
  return cachedCountries;
}

/** Haiti's outline, as one polygon per island (mainland first: the largest ring). */
export function haitiIslands(): Polygon[] {
  const haiti = loadCountries().find((country) => String(country.id) === HAITI_ISO_NUMERIC);
  if (haiti === undefined) throw new Error('Haiti missing from world-atlas countries-10m');
  const polygons: Polygon[] =
    haiti.geometry.type === 'Polygon'
      ? [haiti.geometry]
      : haiti.geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  return polygons.sort((first, second) => ringLength(second) - ringLength(first));
}

/** Haiti's land as one MultiPolygon, to clip hazard and control areas. */
export function haitiLand(): Feature<MultiPolygon> {
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiPolygon', coordinates: haitiIslands().map((polygon) => polygon.coordinates) },
  };
}

const ringLength = (polygon: Polygon): number => polygon.coordinates[0]?.length ?? 0;
