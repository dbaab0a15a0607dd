/**
 * Site positions and circle radii as typed arrays, once per sites collection,
 * and gathered for a subset of sites. Layers that draw many sites from an
 * analysis answer hand these to deck.gl as binary attributes, so an answer for
 * 100k sites reaches the GPU without a JavaScript accessor call per site.
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
const subsetCache = new WeakMap<SiteColumns, WeakMap<readonly number[], SiteColumns>>();

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

/** The columns of the sites at `indices`, in that order (memoised per indices array). */
export function gatherSites(columns: SiteColumns, indices: readonly number[]): SiteColumns {
  let byIndices = subsetCache.get(columns);
  if (!byIndices) {
    byIndices = new WeakMap();
    subsetCache.set(columns, byIndices);
  }
  const cached = byIndices.get(indices);
  if (cached) return cached;
  const subset: SiteColumns = {
    positions: new Float64Array(indices.length * 2),
    radii: new Float32Array(indices.length),
  };
  indices.forEach((site, position) => {
    subset.positions[position * 2] = columns.positions[site * 2] ?? Number.NaN;
    subset.positions[position * 2 + 1] = columns.positions[site * 2 + 1] ?? Number.NaN;
    subset.radii[position] = columns.radii[site] ?? 0;
  });
  byIndices.set(indices, subset);
  return subset;
}
