/**
 * One row per site with every flag and the key numbers behind them, in
 * typed columns: the table the interface sorts and exports. Built from the
 * results of the other analyses, whichever have been run.
 */
import { HAZARD_TYPES, SERVICE_TYPES } from '../../src/domain/types';
import type { AccessConstraints } from './access-constraints';
import type { HazardExposure } from './hazard-exposure';
import type { ServiceCoverage } from './service-coverage';
import type { SpacePerPerson } from './space-per-person';

/** Bits of `SiteFlags.flags`. */
export const SITE_FLAG = {
  hazardExposed: 1,
  hazardHigh: 2,
  accessConstrained: 4,
  waterBeyondSphere: 8,
  healthBeyondReach: 16,
  overcrowded: 32,
  /** The site's nearest water point serves more people than Sphere allows. */
  waterPointOverloaded: 64,
  /** Covered living space below Sphere's 3.5 m² per person. */
  coveredSpaceShort: 128,
} as const;

/** Column-wise flags table; every column has one entry per site. */
export interface SiteFlags {
  count: number;
  /** OR of SITE_FLAG bits. */
  flags: Uint8Array;
  /** Number of flags raised (a ready sort key). */
  flagCount: Uint8Array;
  /** Highest hazard severity rank over all types (0 low … 2 high), −1 none. */
  worstHazardSeverity: Int8Array;
  /**
   * Highest severity rank per hazard type, at `site × HAZARD_TYPES.length + type`
   * (−1 not exposed to that type): the per-type columns and filters.
   */
  hazardSeverityByType: Int8Array;
  /** Control level index the site counts under (CONTROL_LEVELS), −1 none. */
  controlLevel: Int8Array;
  /** Metres to that control area, NaN when none. */
  controlMeters: Float64Array;
  waterMeters: Float64Array;
  healthMeters: Float64Array;
  distributionMeters: Float64Array;
  squareMetresPerPerson: Float64Array;
  /** Covered living space per person, m²; NaN without a covered-space figure. */
  coveredSquareMetresPerPerson: Float64Array;
}

/** The analyses a flags table can draw on; missing ones leave their columns at "unknown". */
export interface FlagSources {
  exposure?: HazardExposure | undefined;
  access?: AccessConstraints | undefined;
  coverage?: ServiceCoverage | undefined;
  space?: SpacePerPerson | undefined;
}

/** Builds the flags table for `count` sites. */
export function siteFlags(count: number, sources: FlagSources): SiteFlags {
  const table: SiteFlags = {
    count,
    flags: new Uint8Array(count),
    flagCount: new Uint8Array(count),
    worstHazardSeverity: new Int8Array(count).fill(-1),
    hazardSeverityByType: new Int8Array(count * HAZARD_TYPES.length).fill(-1),
    controlLevel: new Int8Array(count).fill(-1),
    controlMeters: new Float64Array(count).fill(Number.NaN),
    waterMeters: new Float64Array(count).fill(Number.NaN),
    healthMeters: new Float64Array(count).fill(Number.NaN),
    distributionMeters: new Float64Array(count).fill(Number.NaN),
    squareMetresPerPerson: new Float64Array(count).fill(Number.NaN),
    coveredSquareMetresPerPerson: new Float64Array(count).fill(Number.NaN),
  };
  const { exposure, access, coverage, space } = sources;
  const overloaded = new Set(
    coverage?.waterPointLoads.filter((load) => load.overloaded).map((load) => load.serviceIndex),
  );
  const typeCount = SERVICE_TYPES.length;
  for (let site = 0; site < count; site += 1) {
    let flags = 0;
    if (exposure) {
      let worst = -1;
      for (let type = 0; type < HAZARD_TYPES.length; type += 1) {
        const rank = exposure.worstSeverity[site * HAZARD_TYPES.length + type]!;
        table.hazardSeverityByType[site * HAZARD_TYPES.length + type] = rank;
        worst = Math.max(worst, rank);
      }
      table.worstHazardSeverity[site] = worst;
      if (worst >= 0) flags |= SITE_FLAG.hazardExposed;
      if (worst >= 2) flags |= SITE_FLAG.hazardHigh;
    }
    if (access) {
      table.controlLevel[site] = access.siteLevel[site]!;
      table.controlMeters[site] = access.siteMeters[site]!;
      if (access.siteLevel[site]! >= 0) flags |= SITE_FLAG.accessConstrained;
    }
    if (coverage) {
      table.waterMeters[site] = coverage.nearest.meters[site * typeCount + SERVICE_TYPES.indexOf('water')]!;
      table.healthMeters[site] = coverage.nearest.meters[site * typeCount + SERVICE_TYPES.indexOf('health')]!;
      table.distributionMeters[site] =
        coverage.nearest.meters[site * typeCount + SERVICE_TYPES.indexOf('distribution')]!;
      if (coverage.waterBeyondSphere[site]) flags |= SITE_FLAG.waterBeyondSphere;
      if (coverage.healthBeyondReach[site]) flags |= SITE_FLAG.healthBeyondReach;
      if (overloaded.has(coverage.nearest.indices[site * typeCount + SERVICE_TYPES.indexOf('water')]!)) {
        flags |= SITE_FLAG.waterPointOverloaded;
      }
    }
    if (space) {
      table.squareMetresPerPerson[site] = space.squareMetresPerPerson[site]!;
      table.coveredSquareMetresPerPerson[site] = space.coveredSquareMetresPerPerson[site]!;
      if (space.overcrowded[site]) flags |= SITE_FLAG.overcrowded;
      if (space.coveredShort[site]) flags |= SITE_FLAG.coveredSpaceShort;
    }
    table.flags[site] = flags;
    let bits = 0;
    for (let rest = flags; rest > 0; rest >>= 1) bits += rest & 1;
    table.flagCount[site] = bits;
  }
  return table;
}
