/**
 * Service coverage against Sphere: nearest water point, health facility and
 * distribution point of each site, flags for water beyond 500 m and health
 * beyond a chosen distance, the load on each water point, and the share of
 * IDPs with water within 500 m.
 */
import { SERVICE_TYPES } from '../../src/domain/types';
import type { ServiceLayer } from './prepared-layers';
import { nearestPointsOf } from './prepared-points';
import type { SiteTable } from './site-table';
import {
  DEFAULT_HEALTH_DISTANCE_METRES,
  PEOPLE_PER_WATER_POINT,
  WATER_DISTANCE_METRES,
} from './sphere-standards';

/** Nearest service of each type per site. */
export interface NearestServices {
  /** Service-layer index per site and type: entry `site * SERVICE_TYPES.length + typeIndex`; −1 when none. */
  indices: Int32Array;
  /** Metres, same layout; Infinity when none. */
  meters: Float64Array;
}

/** Nearest service of each type for sites `start`..`end` (exclusive). */
export function nearestServices(
  sites: SiteTable,
  services: ServiceLayer,
  start = 0,
  end = sites.coordinates.length / 2,
): NearestServices {
  const typeCount = SERVICE_TYPES.length;
  const indices = new Int32Array((end - start) * typeCount);
  const meters = new Float64Array((end - start) * typeCount);
  services.byType.forEach((ofType, type) => {
    const nearest = nearestPointsOf(sites.coordinates, ofType.points, start, end);
    for (let row = 0; row < end - start; row += 1) {
      const local = nearest.indices[row]!;
      indices[row * typeCount + type] = local < 0 ? -1 : ofType.serviceIndices[local]!;
      meters[row * typeCount + type] = nearest.meters[row]!;
    }
  });
  return { indices, meters };
}

/** Concatenates nearest-service chunks of consecutive site ranges. */
export function concatenateNearestServices(chunks: readonly NearestServices[]): NearestServices {
  const length = chunks.reduce((total, chunk) => total + chunk.indices.length, 0);
  const indices = new Int32Array(length);
  const meters = new Float64Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    indices.set(chunk.indices, offset);
    meters.set(chunk.meters, offset);
    offset += chunk.indices.length;
  }
  return { indices, meters };
}

/** Load on one water point: people of the sites whose nearest water point it is. */
export interface WaterPointLoad {
  /** Index in the service layer. */
  serviceIndex: number;
  sites: number;
  individuals: number;
  /** Sphere's maximum for its type; null when the type is unknown. */
  maximumPeople: number | null;
  overloaded: boolean;
}

/** The coverage result. */
export interface ServiceCoverage {
  healthDistanceMeters: number;
  nearest: NearestServices;
  /** 1 where the nearest water point is beyond 500 m (or there is none). */
  waterBeyondSphere: Uint8Array;
  /** 1 where the nearest health facility is beyond `healthDistanceMeters` (or there is none). */
  healthBeyondReach: Uint8Array;
  /** Water points with at least one site assigned, by service index. */
  waterPointLoads: WaterPointLoad[];
  /** IDPs with water within 500 m, over all IDPs (0 when there are none). */
  shareCovered: number;
  individualsCovered: number;
  individualsTotal: number;
}

/** Builds the coverage result from nearest services already computed. */
export function coverageFromNearest(
  nearest: NearestServices,
  sites: SiteTable,
  services: ServiceLayer,
  healthDistanceMeters = DEFAULT_HEALTH_DISTANCE_METRES,
): ServiceCoverage {
  const typeCount = SERVICE_TYPES.length;
  const water = SERVICE_TYPES.indexOf('water');
  const health = SERVICE_TYPES.indexOf('health');
  const siteTotal = nearest.indices.length / typeCount;
  const waterBeyondSphere = new Uint8Array(siteTotal);
  const healthBeyondReach = new Uint8Array(siteTotal);
  const loads = new Map<number, WaterPointLoad>();
  let individualsCovered = 0;
  let individualsTotal = 0;
  for (let site = 0; site < siteTotal; site += 1) {
    // A site without coordinates (placed by its admin area only) is not analysed: no flag, not in the share.
    if (Number.isNaN(sites.coordinates[site * 2]!)) continue;
    const individuals = sites.individuals[site]!;
    individualsTotal += individuals;
    const waterMeters = nearest.meters[site * typeCount + water]!;
    if (waterMeters <= WATER_DISTANCE_METRES) individualsCovered += individuals;
    else waterBeyondSphere[site] = 1;
    if (!(nearest.meters[site * typeCount + health]! <= healthDistanceMeters)) healthBeyondReach[site] = 1;
    const waterIndex = nearest.indices[site * typeCount + water]!;
    if (waterIndex < 0) continue;
    let load = loads.get(waterIndex);
    if (!load) {
      const type = services.waterPointTypes[waterIndex];
      load = {
        serviceIndex: waterIndex,
        sites: 0,
        individuals: 0,
        maximumPeople: type ? PEOPLE_PER_WATER_POINT[type] : null,
        overloaded: false,
      };
      loads.set(waterIndex, load);
    }
    load.sites += 1;
    load.individuals += individuals;
  }
  const waterPointLoads = [...loads.values()].sort((a, b) => a.serviceIndex - b.serviceIndex);
  for (const load of waterPointLoads)
    load.overloaded = load.maximumPeople !== null && load.individuals > load.maximumPeople;
  return {
    healthDistanceMeters,
    nearest,
    waterBeyondSphere,
    healthBeyondReach,
    waterPointLoads,
    shareCovered: individualsTotal > 0 ? individualsCovered / individualsTotal : 0,
    individualsCovered,
    individualsTotal,
  };
}

/** Service coverage of every site, in one call. */
export function serviceCoverage(
  sites: SiteTable,
  services: ServiceLayer,
  healthDistanceMeters = DEFAULT_HEALTH_DISTANCE_METRES,
): ServiceCoverage {
  return coverageFromNearest(nearestServices(sites, services), sites, services, healthDistanceMeters);
}
