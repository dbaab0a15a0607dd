/**
 * Candidate-site check: everything the map knows about one location (admin
 * area, hazards, gang-control proximity, nearest services) and a verdict
 * with reasons as machine codes, which the interface turns into words.
 */
import {
  CONTROL_LEVELS,
  type ControlLevel,
  type HazardType,
  SERVICE_TYPES,
  type ServiceType,
  type Severity,
} from '../../src/domain/types';
import { DEFAULT_ACCESS_DISTANCE_METRES } from './access-constraints';
import { zonesAt } from './point-in-zone';
import type { AdminLayer, ControlLayer, HazardLayer, ServiceLayer } from './prepared-layers';
import { nearestPoint } from './prepared-points';
import { DEFAULT_HEALTH_DISTANCE_METRES, WATER_DISTANCE_METRES } from './sphere-standards';
import { nearestZone } from './zone-distance';

/** How much a reason weighs on the verdict. */
export type ReasonWeight = 'caution' | 'unsuitable';

/** Why a location is not plainly suitable; `code` is stable, the interface translates it. */
export type CandidateReason =
  | { code: 'in-hazard'; weight: ReasonWeight; hazardType: HazardType; severity: Severity; zone: number }
  | { code: 'inside-control-area'; weight: ReasonWeight; level: ControlLevel; area: number }
  | { code: 'near-control-area'; weight: ReasonWeight; level: ControlLevel; meters: number; area: number }
  | { code: 'water-beyond-sphere'; weight: ReasonWeight; meters: number }
  | { code: 'no-water-point'; weight: ReasonWeight }
  | { code: 'health-beyond-reach'; weight: ReasonWeight; meters: number; limitMeters: number }
  | { code: 'no-health-facility'; weight: ReasonWeight };

export type Verdict = 'suitable' | 'caution' | 'unsuitable';

/** The layers a check reads; any may be missing (not loaded yet). */
export interface CandidateLayers {
  hazards?: HazardLayer | undefined;
  control?: ControlLayer | undefined;
  services?: ServiceLayer | undefined;
  admin?: AdminLayer | undefined;
}

export interface CandidateOptions {
  /** Radius around control areas that constrains access, metres (default 1000). */
  accessDistanceMeters?: number;
  /** Reach of a health facility, metres (default 5000). */
  healthDistanceMeters?: number;
}

/** Everything found about one location. */
export interface CandidateCheck {
  longitude: number;
  latitude: number;
  /** Admin areas containing the point, lowest index per level; null when outside all. */
  commune: { pcode: string; name: string; area: number } | null;
  department: { pcode: string; name: string; area: number } | null;
  hazards: { zone: number; hazardType: HazardType; severity: Severity }[];
  /** Nearest control area of any level (0 m inside), null when the layer is empty. */
  nearestControl: { level: ControlLevel; meters: number; area: number } | null;
  /** Nearest service of each type (SERVICE_TYPES order); index −1 when none. */
  services: { serviceType: ServiceType; index: number; meters: number }[];
  verdict: Verdict;
  reasons: CandidateReason[];
}

const HAZARD_WEIGHT: Readonly<Record<Severity, ReasonWeight>> = {
  low: 'caution',
  medium: 'caution',
  high: 'unsuitable',
};

/** Near a controlled area rules a site out; near contested or influence areas calls for caution. */
const CONTROL_WEIGHT: Readonly<Record<ControlLevel, ReasonWeight>> = {
  controlled: 'unsuitable',
  contested: 'caution',
  influence: 'caution',
};

function adminArea(
  admin: AdminLayer,
  zones: number[],
  level: 1 | 2,
): { pcode: string; name: string; area: number } | null {
  const area = zones.find((zone) => admin.levels[zone] === level);
  return area === undefined ? null : { pcode: admin.pcodes[area]!, name: admin.names[area]!, area };
}

function controlFindings(control: ControlLayer, longitude: number, latitude: number, accessMeters: number) {
  let nearest: CandidateCheck['nearestControl'] = null;
  let reason: CandidateReason | null = null;
  control.byLevel.forEach((areas, levelIndex) => {
    const level = CONTROL_LEVELS[levelIndex]!;
    const found = nearestZone(areas.edges, longitude, latitude);
    if (found.zone < 0) return;
    const area = areas.areaIndices[found.zone]!;
    if (!nearest || found.meters < nearest.meters) nearest = { level, meters: found.meters, area };
    // Levels run most severe first: keep only the first one within reach.
    if (reason || found.meters > accessMeters) return;
    // Inside an area is worse than near it: only mere influence stays a caution.
    reason =
      found.meters === 0
        ? {
            code: 'inside-control-area',
            weight: level === 'influence' ? 'caution' : 'unsuitable',
            level,
            area,
          }
        : { code: 'near-control-area', weight: CONTROL_WEIGHT[level], level, meters: found.meters, area };
  });
  return { nearest: nearest as CandidateCheck['nearestControl'], reason: reason as CandidateReason | null };
}

/** Checks one location against every loaded layer. */
export function checkCandidate(
  longitude: number,
  latitude: number,
  layers: CandidateLayers,
  options: CandidateOptions = {},
): CandidateCheck {
  const accessMeters = options.accessDistanceMeters ?? DEFAULT_ACCESS_DISTANCE_METRES;
  const healthMeters = options.healthDistanceMeters ?? DEFAULT_HEALTH_DISTANCE_METRES;
  const reasons: CandidateReason[] = [];

  const adminZones = layers.admin ? zonesAt(layers.admin.zones, longitude, latitude) : [];
  const hazards = layers.hazards
    ? zonesAt(layers.hazards.zones, longitude, latitude).map((zone) => ({
        zone,
        hazardType: layers.hazards!.hazardTypes[zone]!,
        severity: layers.hazards!.severities[zone]!,
      }))
    : [];
  for (const hazard of hazards)
    reasons.push({ code: 'in-hazard', weight: HAZARD_WEIGHT[hazard.severity], ...hazard });

  let nearestControl: CandidateCheck['nearestControl'] = null;
  if (layers.control) {
    const findings = controlFindings(layers.control, longitude, latitude, accessMeters);
    nearestControl = findings.nearest;
    if (findings.reason) reasons.push(findings.reason);
  }

  const services = SERVICE_TYPES.map((serviceType, type) => {
    const ofType = layers.services?.byType[type];
    if (!ofType) return { serviceType, index: -1, meters: Infinity };
    const found = nearestPoint(ofType.points, longitude, latitude);
    return {
      serviceType,
      index: found.index < 0 ? -1 : ofType.serviceIndices[found.index]!,
      meters: found.meters,
    };
  });
  if (layers.services) {
    const water = services[SERVICE_TYPES.indexOf('water')]!;
    if (water.index < 0) reasons.push({ code: 'no-water-point', weight: 'caution' });
    else if (water.meters > WATER_DISTANCE_METRES)
      reasons.push({ code: 'water-beyond-sphere', weight: 'caution', meters: water.meters });
    const health = services[SERVICE_TYPES.indexOf('health')]!;
    if (health.index < 0) reasons.push({ code: 'no-health-facility', weight: 'caution' });
    else if (health.meters > healthMeters) {
      reasons.push({
        code: 'health-beyond-reach',
        weight: 'caution',
        meters: health.meters,
        limitMeters: healthMeters,
      });
    }
  }

  const verdict: Verdict = reasons.some((reason) => reason.weight === 'unsuitable')
    ? 'unsuitable'
    : reasons.length > 0
      ? 'caution'
      : 'suitable';
  return {
    longitude,
    latitude,
    commune: layers.admin ? adminArea(layers.admin, adminZones, 2) : null,
    department: layers.admin ? adminArea(layers.admin, adminZones, 1) : null,
    hazards,
    nearestControl,
    services,
    verdict,
    reasons,
  };
}
