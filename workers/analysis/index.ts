/**
 * The analysis engine's public surface: the three contract functions over
 * plain GeoJSON (convenient, and what tests compare with Turf), and the
 * prepared structures and analyses the worker builds on.
 */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { zoneListsOfSites } from './point-in-zone';
import { nearestPointsOf, preparePoints } from './prepared-points';
import { prepareZones } from './prepared-zones';
import { coordinatesOf } from './site-table';
import { nearestZonesOfPoints, prepareZoneEdges } from './zone-distance';

/**
 * For each site, the ascending indices of the zones containing it, with
 * Turf's `booleanPointInPolygon` convention (edges and vertices count as inside).
 * The lists are read-only: sites in no zone share one frozen empty list.
 */
export function zonesContainingSites(
  sites: FeatureCollection<Point>,
  zones: FeatureCollection<Polygon | MultiPolygon>,
): (readonly number[])[] {
  return zoneListsOfSites(sites, prepareZones(zones));
}

/**
 * Metres from each site to the nearest zone (0 inside), as the minimum of
 * Turf's `pointToPolygonDistance` over the zones; Infinity when there are none.
 */
export function distanceToNearestZone(
  sites: FeatureCollection<Point>,
  zones: FeatureCollection<Polygon | MultiPolygon>,
): Float64Array {
  return nearestZonesOfPoints(coordinatesOf(sites), prepareZoneEdges(prepareZones(zones))).meters;
}

/**
 * The nearest target of each site and its distance in metres, as
 * `turf.nearestPoint` picks it (ties to the lowest index); index −1 when
 * there are no targets.
 */
export function nearestTargets(
  sites: FeatureCollection<Point>,
  targets: FeatureCollection<Point>,
): { index: number; meters: number }[] {
  const nearest = nearestPointsOf(coordinatesOf(sites), preparePoints(coordinatesOf(targets)));
  return Array.from(nearest.indices, (index, site) => ({ index, meters: nearest.meters[site]! }));
}

export * from './access-constraints';
export * from './admin-aggregation';
export * from './area-of-interest';
export * from './candidate-site';
export * from './geodesy';
export * from './hazard-exposure';
export * from './point-in-zone';
export * from './prepared-layers';
export * from './prepared-points';
export * from './prepared-zones';
export * from './service-coverage';
export * from './site-clusters';
export * from './site-flags';
export * from './site-table';
export * from './space-per-person';
export * from './sphere-standards';
export * from './warm-up';
export * from './zone-distance';
