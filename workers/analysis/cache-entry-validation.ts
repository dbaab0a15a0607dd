/**
 * Checks an analysis answer read back from the cache before it is served.
 * Another tab, an older build, a crash or a full disk may have written
 * anything under a key: an entry is served only when it has the shape of its
 * kind's answer for this many sites (typed arrays of the right type and
 * length, finite totals). Anything else is treated as corrupt.
 */
import { HAZARD_TYPES, SERVICE_TYPES } from '../../src/domain/types';

type TypedArrayConstructor =
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | Float64ArrayConstructor;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const typed = (value: unknown, type: TypedArrayConstructor, length?: number): boolean =>
  value instanceof type && (length === undefined || value.length === length);

const finite = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

/** An array of rows whose listed members are all finite numbers. */
const rows = (value: unknown, numbers: readonly string[]): boolean =>
  Array.isArray(value) && value.every((row) => isRecord(row) && numbers.every((name) => finite(row[name])));

const strings = (value: unknown, length: number): boolean =>
  Array.isArray(value) && value.length === length && value.every((item) => typeof item === 'string');

/** Site indices, each within the table. */
const indices = (value: unknown, sites: number): boolean =>
  Array.isArray(value) && value.every((item) => Number.isInteger(item) && item >= 0 && item < sites);

const TOTALS = ['sites', 'households', 'individuals'] as const;

function containment(value: unknown, sites: number): boolean {
  if (!isRecord(value) || !typed(value.offsets, Uint32Array, sites + 1)) return false;
  const offsets = value.offsets as Uint32Array;
  return typed(value.zoneIndices, Uint32Array, offsets[sites]);
}

const validators: Record<string, (value: Record<string, unknown>, sites: number) => boolean> = {
  exposure: (value, sites) =>
    containment(value.siteZones, sites) &&
    typed(value.worstSeverity, Int8Array, sites * HAZARD_TYPES.length) &&
    rows(value.summary, TOTALS),
  access: (value, sites) =>
    finite(value.distanceMeters) &&
    typed(value.siteLevel, Int8Array, sites) &&
    typed(value.siteMeters, Float64Array, sites) &&
    typed(value.siteArea, Int32Array, sites) &&
    rows(value.summary, TOTALS),
  coverage: (value, sites) =>
    finite(value.healthDistanceMeters) &&
    isRecord(value.nearest) &&
    typed(value.nearest.indices, Int32Array, sites * SERVICE_TYPES.length) &&
    typed(value.nearest.meters, Float64Array, sites * SERVICE_TYPES.length) &&
    typed(value.waterBeyondSphere, Uint8Array, sites) &&
    typed(value.healthBeyondReach, Uint8Array, sites) &&
    rows(value.waterPointLoads, ['serviceIndex', 'sites', 'individuals']) &&
    finite(value.shareCovered) &&
    finite(value.individualsCovered) &&
    finite(value.individualsTotal),
  admin: (value, sites) =>
    strings(value.siteCommunes, sites) &&
    strings(value.siteDepartments, sites) &&
    strings(value.siteSections, sites) &&
    finite(value.fallbackSites) &&
    indices(value.placedByPcode, sites) &&
    indices(value.unassignedSites, sites) &&
    Array.isArray(value.levels) &&
    rows(value.communes, TOTALS) &&
    rows(value.departments, TOTALS) &&
    rows(value.sections, TOTALS) &&
    rows([value.unassigned], TOTALS),
  flags: (value, sites) =>
    value.count === sites &&
    typed(value.flags, Uint8Array, sites) &&
    typed(value.flagCount, Uint8Array, sites) &&
    typed(value.worstHazardSeverity, Int8Array, sites) &&
    typed(value.hazardSeverityByType, Int8Array, sites * HAZARD_TYPES.length) &&
    typed(value.controlLevel, Int8Array, sites) &&
    [
      'controlMeters',
      'waterMeters',
      'healthMeters',
      'distributionMeters',
      'squareMetresPerPerson',
      'coveredSquareMetresPerPerson',
    ].every((column) => typed(value[column], Float64Array, sites)),
};

/** True when `value` is a well-formed answer of analysis `kind` for `sites` sites; false for unknown kinds. */
export function validCacheEntry(kind: string, value: unknown, sites: number): boolean {
  const validator = validators[kind];
  return validator !== undefined && isRecord(value) && validator(value, sites);
}
