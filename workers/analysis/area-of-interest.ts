/**
 * Area of interest: the sites inside a drawn polygon (Turf's boundary
 * convention) or within a circle (exact great-circle distance to the centre,
 * rather than Turf's polygonal approximation of a circle), their totals and
 * their hazard exposure.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { distanceMetres } from './geodesy';
import { type ExposureRow, summarizeExposure } from './hazard-exposure';
import { zonesAt } from './point-in-zone';
import { prepareZones } from './prepared-zones';
import type { SiteTable } from './site-table';

/** A polygon, or a circle given by its centre and radius in metres. */
export type AreaShape =
  | { kind: 'polygon'; geometry: Polygon | MultiPolygon }
  | { kind: 'circle'; longitude: number; latitude: number; radiusMeters: number };

/** Sites in the area, their totals and exposure. */
export interface AreaOfInterest {
  /** Ascending site indices. */
  siteIndices: Uint32Array;
  sites: number;
  households: number;
  individuals: number;
  /** Exposure of those sites (empty when no exposure data is given). */
  exposure: ExposureRow[];
}

/** Ascending indices of the sites inside `shape`. */
export function sitesInArea(sites: SiteTable, shape: AreaShape): Uint32Array {
  const coordinates = sites.coordinates;
  const count = coordinates.length / 2;
  const inside: number[] = [];
  if (shape.kind === 'circle') {
    for (let site = 0; site < count; site += 1) {
      if (
        distanceMetres(shape.longitude, shape.latitude, coordinates[site * 2]!, coordinates[site * 2 + 1]!) <=
        shape.radiusMeters
      ) {
        inside.push(site);
      }
    }
  } else {
    const feature: Feature<Polygon | MultiPolygon> = {
      type: 'Feature',
      properties: {},
      geometry: shape.geometry,
    };
    const zones = prepareZones({ type: 'FeatureCollection', features: [feature] });
    for (let site = 0; site < count; site += 1) {
      if (zonesAt(zones, coordinates[site * 2]!, coordinates[site * 2 + 1]!).length > 0) inside.push(site);
    }
  }
  return Uint32Array.from(inside);
}

/**
 * The area-of-interest summary. `worstSeverity` is the per-site exposure
 * from a hazard-exposure run (omit it to skip the breakdown).
 */
export function areaOfInterest(
  sites: SiteTable,
  shape: AreaShape,
  worstSeverity?: Int8Array,
): AreaOfInterest {
  const siteIndices = sitesInArea(sites, shape);
  let households = 0;
  let individuals = 0;
  for (const site of siteIndices) {
    households += sites.households[site]!;
    individuals += sites.individuals[site]!;
  }
  return {
    siteIndices,
    sites: siteIndices.length,
    households,
    individuals,
    exposure: worstSeverity ? summarizeExposure(worstSeverity, sites, siteIndices) : [],
  };
}
