/**
 * Hazard exposure: which hazard zones each site falls in, and how many
 * sites, households and individuals are exposed per hazard type × severity.
 * A site in several zones of one type counts once, at its highest severity.
 */
import { HAZARD_TYPES, type HazardType, SEVERITIES, type Severity } from '../../src/domain/types';
import { type Containment, containmentOfPoints } from './point-in-zone';
import { type HazardLayer, SEVERITY_RANK } from './prepared-layers';
import type { SiteTable } from './site-table';

/** Exposed population for one hazard type at one severity. */
export interface ExposureRow {
  hazardType: HazardType;
  severity: Severity;
  sites: number;
  households: number;
  individuals: number;
}

/** Exposure result: zones per site (compressed rows) and the type × severity summary. */
export interface HazardExposure {
  /** Hazard zone indices of site i: `siteZones.zoneIndices[offsets[i] .. offsets[i + 1])`. */
  siteZones: Containment;
  /**
   * Highest severity rank (0 low, 1 medium, 2 high; −1 not exposed) per site
   * and hazard type: entry `site * HAZARD_TYPES.length + typeIndex`.
   */
  worstSeverity: Int8Array;
  /** Every type × severity combination, in HAZARD_TYPES × SEVERITIES order (zero rows kept). */
  summary: ExposureRow[];
}

/**
 * Highest severity per site and hazard type, from zone containment.
 */
export function worstSeverityBySite(containment: Containment, hazards: HazardLayer): Int8Array {
  const siteCount = containment.offsets.length - 1;
  const worst = new Int8Array(siteCount * HAZARD_TYPES.length).fill(-1);
  for (let site = 0; site < siteCount; site += 1) {
    for (let slot = containment.offsets[site]!; slot < containment.offsets[site + 1]!; slot += 1) {
      const zone = containment.zoneIndices[slot]!;
      const type = HAZARD_TYPES.indexOf(hazards.hazardTypes[zone]!);
      const rank = SEVERITY_RANK[hazards.severities[zone]!];
      const cell = site * HAZARD_TYPES.length + type;
      if (type >= 0 && rank > worst[cell]!) worst[cell] = rank;
    }
  }
  return worst;
}

/**
 * Type × severity totals over `siteIndices` (all sites when omitted), from
 * the per-site worst severities.
 */
export function summarizeExposure(
  worstSeverity: Int8Array,
  sites: SiteTable,
  siteIndices?: ArrayLike<number>,
): ExposureRow[] {
  const rows: ExposureRow[] = [];
  for (const hazardType of HAZARD_TYPES) {
    for (const severity of SEVERITIES)
      rows.push({ hazardType, severity, sites: 0, households: 0, individuals: 0 });
  }
  const typeCount = HAZARD_TYPES.length;
  const count = siteIndices ? siteIndices.length : worstSeverity.length / typeCount;
  for (let position = 0; position < count; position += 1) {
    const site = siteIndices ? siteIndices[position]! : position;
    for (let type = 0; type < typeCount; type += 1) {
      const rank = worstSeverity[site * typeCount + type]!;
      if (rank < 0) continue;
      const row = rows[type * SEVERITIES.length + rank]!;
      row.sites += 1;
      row.households += sites.households[site]!;
      row.individuals += sites.individuals[site]!;
    }
  }
  return rows;
}

/** Builds the exposure result from containment already computed (e.g. in chunks by the worker). */
export function exposureFromContainment(
  containment: Containment,
  hazards: HazardLayer,
  sites: SiteTable,
): HazardExposure {
  const worstSeverity = worstSeverityBySite(containment, hazards);
  return { siteZones: containment, worstSeverity, summary: summarizeExposure(worstSeverity, sites) };
}

/** Hazard exposure of every site, in one call. */
export function hazardExposure(sites: SiteTable, hazards: HazardLayer): HazardExposure {
  return exposureFromContainment(containmentOfPoints(sites.coordinates, hazards.zones), hazards, sites);
}
