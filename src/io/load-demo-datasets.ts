/**
 * Loads the embedded demo datasets. The files are emitted by Vite next to the
 * app and fetched from the same origin, so they work offline and stay out of
 * the JavaScript bundle.
 */
import type { FeatureCollection } from 'geojson';
import adminUrl from '../../data/admin-areas.geojson?url';
import countriesUrl from '../../data/basemap-countries.geojson?url';
import controlUrl from '../../data/control-areas.geojson?url';
import hazardsUrl from '../../data/hazard-zones.geojson?url';
import servicesUrl from '../../data/service-points.geojson?url';
import sitesUrl from '../../data/sites.geojson?url';
import type { Datasets } from '../domain/types';

export interface DemoData {
  datasets: Datasets;
  countries: FeatureCollection;
}

export type LoadResult = { ok: true; data: DemoData } | { ok: false; file: string; reason: string };

async function fetchCollection(url: string): Promise<FeatureCollection> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const json: unknown = await response.json();
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { type?: unknown }).type !== 'FeatureCollection'
  ) {
    throw new Error('not a GeoJSON FeatureCollection');
  }
  return json as FeatureCollection;
}

export async function loadDemoDatasets(): Promise<LoadResult> {
  const files = {
    sites: sitesUrl,
    hazards: hazardsUrl,
    control: controlUrl,
    services: servicesUrl,
    admin: adminUrl,
    countries: countriesUrl,
  };
  const entries = Object.entries(files);
  const results = await Promise.allSettled(entries.map(([, url]) => fetchCollection(url)));
  const loaded: Record<string, FeatureCollection> = {};
  for (const [index, result] of results.entries()) {
    const [name, url] = entries[index] ?? ['?', '?'];
    if (result.status === 'rejected') {
      const fileName = url.split('/').pop() ?? name;
      return {
        ok: false,
        file: fileName,
        reason: String((result.reason as Error)?.message ?? result.reason),
      };
    }
    loaded[name] = result.value;
  }
  const { countries, ...datasets } = loaded;
  return {
    ok: true,
    data: { datasets: datasets as unknown as Datasets, countries: countries as FeatureCollection },
  };
}
