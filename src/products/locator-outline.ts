/**
 * The countries of the locator map, read once from the offline country
 * outlines the basemap uses (Natural Earth, a build asset the service worker
 * keeps): Haiti as the home country, its neighbours around it.
 */
import countriesUrl from '../../data/basemap-countries.geojson?url';
import type { LocatorCountry } from '../map/snapshot-content';

type Ring = [number, number][];
interface CountryFeature {
  properties?: { name?: string; iso?: string } | null;
  geometry?: { type: string; coordinates: unknown } | null;
}

/** Haiti's ISO 3166 numeric code, as Natural Earth gives it. */
const HAITI = '332';

let loading: Promise<LocatorCountry[]> | null = null;

function ringsOf(geometry: CountryFeature['geometry']): Ring[] {
  if (geometry?.type === 'Polygon') return geometry.coordinates as Ring[];
  if (geometry?.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).flat();
  return [];
}

async function load(): Promise<LocatorCountry[]> {
  try {
    const response = await fetch(countriesUrl);
    if (!response.ok) return [];
    const collection = (await response.json()) as { features?: CountryFeature[] };
    return (collection.features ?? []).map((feature) => ({
      home: feature.properties?.iso === HAITI || feature.properties?.name === 'Haiti',
      rings: ringsOf(feature.geometry),
    }));
  } catch {
    return [];
  }
}

/** The locator's countries; empty when the outlines cannot be read (the product then has no locator). */
export function locatorCountries(): Promise<LocatorCountry[]> {
  loading ??= load();
  return loading;
}
