/**
 * Access constraints: how far each site is from gang-controlled areas of
 * each level, and which sites lie inside or within a distance of them. A
 * site counts under the most severe level it is within the distance of
 * (controlled > contested > influence).
 */
import { CONTROL_LEVELS, type ControlLevel } from '../../src/domain/types';
import type { ControlLayer } from './prepared-layers';
import type { SiteTable } from './site-table';
import { nearestZonesOfPoints } from './zone-distance';

/** Default radius (m) around a control area within which access counts as constrained. */
export const DEFAULT_ACCESS_DISTANCE_METRES = 1000;

/** Nearest area of each control level per site (distances exact, 0 inside). */
export interface ControlDistances {
  /** Metres per site and level: entry `site * CONTROL_LEVELS.length + levelIndex`; Infinity beyond the search radius. */
  meters: Float64Array;
  /** Index in the control layer of that nearest area, −1 when none. */
  areas: Int32Array;
}

/**
 * Distances from sites `start`..`end` to the nearest area of each level,
 * searched only up to `maximumMeters` (Infinity for exact distances everywhere).
 */
export function controlDistances(
  sites: SiteTable,
  control: ControlLayer,
  maximumMeters = Infinity,
  start = 0,
  end = sites.coordinates.length / 2,
): ControlDistances {
  const levelCount = CONTROL_LEVELS.length;
  const meters = new Float64Array((end - start) * levelCount);
  const areas = new Int32Array((end - start) * levelCount);
  control.byLevel.forEach((areasOfLevel, level) => {
    const nearest = nearestZonesOfPoints(sites.coordinates, areasOfLevel.edges, maximumMeters, start, end);
    for (let row = 0; row < end - start; row += 1) {
      const zone = nearest.zones[row]!;
      meters[row * levelCount + level] = nearest.meters[row]!;
      areas[row * levelCount + level] = zone < 0 ? -1 : areasOfLevel.areaIndices[zone]!;
    }
  });
  return { meters, areas };
}

/** Concatenates per-chunk control distances of consecutive site ranges. */
export function concatenateControlDistances(chunks: readonly ControlDistances[]): ControlDistances {
  const length = chunks.reduce((total, chunk) => total + chunk.meters.length, 0);
  const meters = new Float64Array(length);
  const areas = new Int32Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    meters.set(chunk.meters, offset);
    areas.set(chunk.areas, offset);
    offset += chunk.meters.length;
  }
  return { meters, areas };
}

/** Sites, households and individuals counted under one control level. */
export interface AccessRow {
  level: ControlLevel;
  sites: number;
  households: number;
  individuals: number;
}

/** Access result per site plus the summary by level. */
export interface AccessConstraints {
  distanceMeters: number;
  /** Level index (into CONTROL_LEVELS) each site counts under, −1 when not constrained. */
  siteLevel: Int8Array;
  /** Metres to the nearest area of that level (0 inside), NaN when not constrained. */
  siteMeters: Float64Array;
  /** Control-layer index of that area, −1 when not constrained. */
  siteArea: Int32Array;
  /** One row per level, in CONTROL_LEVELS order. */
  summary: AccessRow[];
}

/** Classifies sites from their per-level distances. */
export function accessFromDistances(
  distances: ControlDistances,
  sites: SiteTable,
  distanceMeters: number,
): AccessConstraints {
  const levelCount = CONTROL_LEVELS.length;
  const siteTotal = distances.meters.length / levelCount;
  const siteLevel = new Int8Array(siteTotal).fill(-1);
  const siteMeters = new Float64Array(siteTotal).fill(Number.NaN);
  const siteArea = new Int32Array(siteTotal).fill(-1);
  const summary: AccessRow[] = CONTROL_LEVELS.map((level) => ({
    level,
    sites: 0,
    households: 0,
    individuals: 0,
  }));
  for (let site = 0; site < siteTotal; site += 1) {
    // CONTROL_LEVELS is ordered most severe first: the first level within reach wins.
    for (let level = 0; level < levelCount; level += 1) {
      const meters = distances.meters[site * levelCount + level]!;
      if (!(meters <= distanceMeters)) continue;
      siteLevel[site] = level;
      siteMeters[site] = meters;
      siteArea[site] = distances.areas[site * levelCount + level]!;
      const row = summary[level]!;
      row.sites += 1;
      row.households += sites.households[site]!;
      row.individuals += sites.individuals[site]!;
      break;
    }
  }
  return { distanceMeters, siteLevel, siteMeters, siteArea, summary };
}

/** Access constraints of every site, in one call (exact distances only up to `distanceMeters`). */
export function accessConstraints(
  sites: SiteTable,
  control: ControlLayer,
  distanceMeters = DEFAULT_ACCESS_DISTANCE_METRES,
): AccessConstraints {
  return accessFromDistances(controlDistances(sites, control, distanceMeters), sites, distanceMeters);
}
