/**
 * Automatic mapping of a file's columns to the model's fields, from HXL tags,
 * then column names, and normalisation of each feature's properties through
 * that mapping. What cannot be found is listed, so the UI can ask for it.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { FIELD_CANDIDATES, type FieldCandidates, type LayerRole, OPTIONAL_FIELDS } from './field-candidates';
import { normaliseFieldName } from './field-names';
import { hxlMatchScore } from './hxl';
import { isBlank, parseCount, parseNumber } from './numbers';
import type { SourceColumn } from './problem';
import { REPAIRED_PROPERTY, SELF_INTERSECTION_REPAIRED } from './repair-marks';
import {
  normaliseControlLevel,
  normaliseDate,
  normaliseHazardType,
  normaliseServiceType,
  normaliseSeverity,
  normaliseSiteType,
  normaliseWaterPointType,
} from './value-normalisation';

export type { LayerRole } from './field-candidates';

/** Which source property feeds each model field, for one layer role. */
export interface FieldMapping {
  role: LayerRole;
  /** Model field → source property name. */
  fields: Record<string, string>;
  /** Required model fields with no source: the UI shows a form for them. */
  missing: string[];
  /** Values that hold for the whole layer (COD-AB admin level). */
  constants: Record<string, string | number | boolean>;
}

/** How many features to look at when collecting property names. */
const SAMPLE_SIZE = 200;

/** Property names of a collection (union over the first features), in first-seen order. */
export function propertyNames(collection: FeatureCollection): string[] {
  const names = new Set<string>();
  const features = Array.isArray(collection?.features) ? collection.features : [];
  for (const feature of features.slice(0, SAMPLE_SIZE)) {
    const properties = (feature as Partial<Feature> | null)?.properties;
    if (properties && typeof properties === 'object')
      for (const name of Object.keys(properties)) names.add(name);
  }
  return [...names];
}

/**
 * Finds the mapping for `role`. Pass the reader's `columns` for CSV (they
 * carry the HXL tags); otherwise the collection's property names are used.
 */
export function findFieldMapping(
  collection: FeatureCollection,
  role: LayerRole,
  columns: readonly (SourceColumn | string)[] = propertyNames(collection),
): FieldMapping {
  return mapFields(role, columns);
}

/** Maps source columns to model fields; a column feeds at most one field. */
export function mapFields(role: LayerRole, columns: readonly (SourceColumn | string)[]): FieldMapping {
  const sources = columns.map((column) => (typeof column === 'string' ? { name: column } : column));
  // Normalised once: a 3,000-column file would otherwise normalise each name hundreds of times.
  const normalisedNames = sources.map((source) => normaliseFieldName(source.name));
  const candidatesByField = FIELD_CANDIDATES[role];
  const fields: Record<string, string> = {};
  const used = new Set<string>();
  // Tags first for every field, then names: a tagged column must not be taken
  // by an earlier field's name guess (a "type" column tagged #adm1+name…).
  for (const [field, candidates] of Object.entries(candidatesByField)) {
    const source = findByTag(sources, candidates, used);
    if (source !== undefined) {
      fields[field] = source;
      used.add(source);
    }
  }
  for (const [field, candidates] of Object.entries(candidatesByField)) {
    if (fields[field] !== undefined) continue;
    const source = findByName(sources, normalisedNames, field, candidates, used);
    if (source !== undefined) {
      fields[field] = source;
      used.add(source);
    }
  }
  const constants: Record<string, string | number | boolean> = {};
  if (role === 'admin' && fields.level === undefined && fields.pcode !== undefined) {
    const level = /^adm([12])/.exec(normaliseFieldName(fields.pcode))?.[1];
    if (level !== undefined) constants.level = Number(level);
    // A department has no parent here; ADM1_EN beside ADM1_FR is a translation, not a parent.
    if (level === '1') {
      delete fields.parentPcode;
      delete fields.parentName;
    }
  }
  const optional = new Set(OPTIONAL_FIELDS[role]);
  // Admin level can also be read from each P-code's length, so it is never asked for once pcode is known.
  if (role === 'admin' && fields.pcode !== undefined) optional.add('level');
  const missing = Object.keys(candidatesByField).filter(
    (field) => fields[field] === undefined && constants[field] === undefined && !optional.has(field),
  );
  return { role, fields, missing, constants };
}

function findByTag(
  sources: SourceColumn[],
  candidates: FieldCandidates,
  used: Set<string>,
): string | undefined {
  for (const score of [2, 1] as const) {
    for (const tag of candidates.tags) {
      const match = sources.find(
        (source) =>
          !used.has(source.name) &&
          source.hxlTag !== undefined &&
          hxlMatchScore(source.hxlTag, tag) === score,
      );
      if (match) return match.name;
    }
  }
  return undefined;
}

function findByName(
  sources: SourceColumn[],
  normalisedNames: readonly string[],
  field: string,
  candidates: FieldCandidates,
  used: Set<string>,
): string | undefined {
  const names = [normaliseFieldName(field), ...candidates.names];
  for (const name of names) {
    const index = normalisedNames.findIndex(
      (normalised, position) => normalised === name && !used.has(sources[position]?.name ?? ''),
    );
    if (index >= 0) return sources[index]?.name;
  }
  return undefined;
}

/** Converts one raw value to the model type of its field; undefined when it cannot. */
export function convertValue(kind: FieldCandidates['kind'], value: unknown): unknown {
  if (isBlank(value)) return undefined;
  switch (kind) {
    case 'text':
      return typeof value === 'string'
        ? value.trim()
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : undefined;
    case 'number':
      return parseNumber(value);
    case 'count':
      return parseCount(value)?.value;
    case 'needSeverity': {
      const number = parseNumber(value);
      return number !== undefined && Number.isInteger(number) && number >= 1 && number <= 5
        ? number
        : undefined;
    }
    case 'adminLevel': {
      const number = parseNumber(value);
      return number === 1 || number === 2 ? number : undefined;
    }
    case 'boolean': {
      const text = String(value).trim().toLowerCase();
      if (value === true || ['true', '1', 'yes', 'oui', 'wi'].includes(text)) return true;
      if (value === false || ['false', '0', 'no', 'non'].includes(text)) return false;
      return undefined;
    }
    case 'date':
      return normaliseDate(value);
    case 'siteType':
      return normaliseSiteType(value);
    case 'hazardType':
      return normaliseHazardType(value);
    case 'severity':
      return normaliseSeverity(value);
    case 'controlLevel':
      return normaliseControlLevel(value);
    case 'serviceType':
      return normaliseServiceType(value);
    case 'waterPointType':
      return normaliseWaterPointType(value);
  }
}

/**
 * Model properties of one feature through the mapping. Fields whose values
 * cannot be converted are left out (validation reports them); fields fixed by
 * the role are added (control areas are always sensitive).
 */
export function mapProperties(raw: unknown, mapping: FieldMapping): Record<string, unknown> {
  const source = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const candidatesByField = FIELD_CANDIDATES[mapping.role];
  const properties: Record<string, unknown> = { ...mapping.constants };
  for (const [field, sourceName] of Object.entries(mapping.fields)) {
    const kind = candidatesByField[field]?.kind ?? 'text';
    const value = convertValue(kind, source[sourceName]);
    if (value !== undefined) properties[field] = value;
  }
  if (mapping.role === 'control') properties.sensitivity = 'sensitive';
  // A repair mark (ours, or from our own export coming back) is kept whatever the mapping.
  if (source[REPAIRED_PROPERTY] === SELF_INTERSECTION_REPAIRED)
    properties[REPAIRED_PROPERTY] = SELF_INTERSECTION_REPAIRED;
  if (mapping.role === 'admin') {
    if (properties.level === undefined && typeof properties.pcode === 'string') {
      // Haiti P-codes: HT + 2 digits per level (HT01 department, HT0111 commune).
      const digits = /^HT(\d+)/i.exec(properties.pcode)?.[1]?.length;
      if (digits === 2 || digits === 4) properties.level = digits / 2;
    }
    if (properties.approximate === undefined) properties.approximate = false;
  }
  return properties;
}

/** A new collection whose properties are the model's, ids copied from `id` when mapped. */
export function applyFieldMapping(collection: FeatureCollection, mapping: FieldMapping): FeatureCollection {
  const features = (Array.isArray(collection?.features) ? collection.features : []).map((feature) => {
    const properties = mapProperties((feature as Partial<Feature> | null)?.properties, mapping);
    return { type: 'Feature' as const, geometry: feature?.geometry ?? null, properties } as Feature;
  });
  return { type: 'FeatureCollection', features };
}
