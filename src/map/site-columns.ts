/**
 * Site positions and circle radii as typed arrays, once per sites collection:
 * layers that draw many sites from an analysis answer read them by site index
 * instead of reading every feature.
 * Sites that came with their columnar form (src/io/columnar-sites.ts) lend
 * it their positions; a site without coordinates is NaN there, never drawn.
 */
import type { SiteCollection } from '../domain/types';
import { attachedColumns } from '../io/columnar-sites';
import { siteRadiusMetres } from './palette';

export interface SiteColumns {
  /** `lon, lat` pairs. */
  positions: Float64Array;
  radii: Float32Array;
}

/** A count as the radius reads it: unknown is none. */
const columnValue = (value: number | undefined): number =>
  value === undefined || Number.isNaN(value) ? 0 : value;

const columnsCache = new WeakMap<SiteCollection, SiteColumns>();

export function siteColumns(sites: SiteCollection): SiteColumns {
  const cached = columnsCache.get(sites);
  if (cached) return cached;
  const count = sites.features.length;
  const shared = attachedColumns(sites.features);
  if (shared) {
    // The sites' columnar form already holds the positions, in this very layout.
    const radii = new Float32Array(count);
    for (let index = 0; index < count; index += 1)
      radii[index] = siteRadiusMetres(columnValue(shared.individuals[index]));
    const columns: SiteColumns = { positions: shared.coordinates, radii };
    columnsCache.set(sites, columns);
    return columns;
  }
  const columns: SiteColumns = { positions: new Float64Array(count * 2), radii: new Float32Array(count) };
  sites.features.forEach((feature, index) => {
    const [longitude = Number.NaN, latitude = Number.NaN] = feature.geometry?.coordinates ?? [];
    columns.positions[index * 2] = longitude;
    columns.positions[index * 2 + 1] = latitude;
    columns.radii[index] = siteRadiusMetres(Number(feature.properties?.individuals) || 0);
  });
  columnsCache.set(sites, columns);
  return columns;
}
