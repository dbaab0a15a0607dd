/**
 * Display classes a feature needs to be drawn: a site's type picks its colour,
 * a hazard's type and severity its fill, a service's type its icon, an admin
 * area's level its line. A partner's file often lacks one of them for some
 * rows. Nothing is filled silently: the review lists, per class field, how
 * many rows lack a recognised value; the user picks a value and accepts it
 * for exactly those rows, and the import summary lists each accepted default
 * with its count. Measures (people, households) and identities (ids,
 * P-codes) are never defaulted (see `src/domain/field-synonyms.ts`); the one
 * exception the user may accept is numbering hazard or control zones that
 * have no id, since those files (KML from Google Earth) rarely carry one.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { CONTROL_LEVELS, HAZARD_TYPES, SERVICE_TYPES, SEVERITIES, SITE_TYPES } from '../domain/types';
import { classFieldsOf, FIELD_CANDIDATES, type LayerRole } from './field-candidates';

/** The value that numbers features 1, 2, 3… in file order (zones without ids only). */
export const NUMBERED = 'numbered';

/** One field filled with a default the user accepted, and in how many features. */
export interface DefaultedField {
  field: string;
  value: string | number;
  count: number;
}

/** A class field some rows lack: the user must choose and accept a value before importing. */
export interface UnresolvedField {
  field: string;
  count: number;
  /** Offered first in the chooser (never applied without the user's choice). */
  suggested?: string | number;
}

/** Values the user accepted, per class field. */
export type AcceptedDefaults = Readonly<Record<string, string | number>>;

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Returns a new collection where each accepted default fills the rows lacking
 * its field, the fields that were filled (with counts) and the class fields
 * still lacking values. The input is not modified.
 */
export function applyDisplayDefaults(
  collection: FeatureCollection,
  role: LayerRole,
  accepted: AcceptedDefaults = {},
): { collection: FeatureCollection; defaulted: DefaultedField[]; unresolved: UnresolvedField[] } {
  const classFields = classFieldsOf(role);
  const counts = new Map<string, number>();
  const features = collection.features.map((feature, index): Feature => {
    let properties: Record<string, unknown> | undefined;
    for (const field of classFields) {
      if (!isMissing(feature.properties?.[field])) continue;
      counts.set(field, (counts.get(field) ?? 0) + 1);
      const value = accepted[field];
      if (value === undefined) continue;
      properties ??= { ...(feature.properties ?? {}) };
      properties[field] = value === NUMBERED ? `${index + 1}` : value;
    }
    return properties ? { ...feature, properties } : feature;
  });
  const defaulted: DefaultedField[] = [];
  const unresolved: UnresolvedField[] = [];
  for (const [field, count] of counts) {
    const value = accepted[field];
    if (value !== undefined) {
      defaulted.push({ field, value, count });
      continue;
    }
    const suggested = FIELD_CANDIDATES[role][field]?.suggested;
    unresolved.push(suggested === undefined ? { field, count } : { field, count, suggested });
  }
  return { collection: { ...collection, features }, defaulted, unresolved };
}

/** The values a user may choose for a class field's rows, in the model's order. */
export function classValues(role: LayerRole, field: string): readonly (string | number)[] {
  if (field === 'id') return [NUMBERED];
  switch (FIELD_CANDIDATES[role][field]?.kind) {
    case 'siteType':
      return SITE_TYPES;
    case 'hazardType':
      return HAZARD_TYPES;
    case 'severity':
      return SEVERITIES;
    case 'controlLevel':
      return CONTROL_LEVELS;
    case 'serviceType':
      return SERVICE_TYPES;
    case 'adminLevel':
      return [1, 2, 3];
    default:
      return [];
  }
}
