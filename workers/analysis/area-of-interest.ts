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
import { SITE_FLAG, type SiteFlags } from './site-flags';
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
  /**
   * Sites and people inside under each flag of the per-site flags table (a site counts
   * under every flag it raises); empty when no flags table is given.
   */
  byFlag: Partial<Record<keyof typeof SITE_FLAG, AreaTotals>>;
}

/** Sites, households and individuals of a set of sites. */
export interface AreaTotals {
  sites: number;
  households: number;
  individuals: number;
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
 * from a hazard-exposure run (omit it to skip the breakdown); `flags` the
 * per-site flags table (omit it to skip the totals by flag).
 */
export function areaOfInterest(
  sites: SiteTable,
  shape: AreaShape,
  worstSeverity?: Int8Array,
  flags?: Pick<SiteFlags, 'flags'>,
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
    byFlag: flags ? totalsByFlag(sites, siteIndices, flags.flags) : {},
  };
}

function totalsByFlag(
  sites: SiteTable,
  siteIndices: Uint32Array,
  flags: Uint8Array,
): Partial<Record<keyof typeof SITE_FLAG, AreaTotals>> {
  const byFlag: Partial<Record<keyof typeof SITE_FLAG, AreaTotals>> = {};
  for (const [flag, bit] of Object.entries(SITE_FLAG) as [keyof typeof SITE_FLAG, number][]) {
    const totals: AreaTotals = { sites: 0, households: 0, individuals: 0 };
    for (const site of siteIndices) {
      if ((flags[site]! & bit) === 0) continue;
      totals.sites += 1;
      totals.households += sites.households[site]!;
      totals.individuals += sites.individuals[site]!;
    }
    byFlag[flag] = totals;
  }
  return byFlag;
}
