/**
 * The offline basemap: real Natural Earth country outlines around Haiti,
 * clipped to the map's box so the file stays a few tens of kilobytes.
 */
import { bboxClip } from '@turf/turf';
import type { BBox, Feature, MultiPolygon, Polygon } from 'geojson';
import { roundPolygonal } from './coordinates';
import { loadCountries } from './natural-earth';

/** West, south, east, north: Haiti with its neighbours' nearby coasts. */
export const BASEMAP_BOX: BBox = [-76.5, 16.5, -67.5, 21.5];

export interface BasemapCountryProperties {
  name: string;
  /** ISO 3166-1 numeric code, when Natural Earth has one (Guantánamo Bay has none). */
  iso?: string;
}

export function buildBasemapCountries(): Feature<Polygon | MultiPolygon, BasemapCountryProperties>[] {
  const countries: Feature<Polygon | MultiPolygon, BasemapCountryProperties>[] = [];
  for (const country of loadCountries()) {
    const clipped = bboxClip(country, BASEMAP_BOX).geometry;
    // Clipping a polygon yields a polygon; the union type is Turf's, for lines.
    if (clipped.type !== 'Polygon' && clipped.type !== 'MultiPolygon') continue;
    const geometry = roundPolygonal(clipped);
    if (geometry === undefined) continue;
    const properties: BasemapCountryProperties = { name: country.properties.name };
    if (country.id !== undefined) properties.iso = String(country.id);
    countries.push({ type: 'Feature', properties, geometry });
  }
  return countries.sort((first, second) => first.properties.name.localeCompare(second.properties.name, 'en'));
}
