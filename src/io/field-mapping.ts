/**
 * Automatic mapping of a file's columns to the model's fields, from HXL tags,
 * then column names, and normalisation of each feature's properties through
 * that mapping. What cannot be found is listed, so the UI can ask for it.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { FIELD_CANDIDATES, type FieldCandidates, type LayerRole, requiredFieldsOf } from './field-candidates';
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
  /** Required model fields with no source: the import is blocked until they are mapped. */
  missing: string[];
  /** Values that hold for the whole layer (COD-AB admin level, read from its column names). */
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
  const constants: Record<string, string | number | boolean> = {};
  const used = new Set<string>();
  /** Fields already decided (a COD-AB department file has no parent, whatever ADM1_EN looks like). */
  const settled = new Set<string>();
  const claim = (field: string, source: string | undefined) => {
    if (source === undefined || fields[field] !== undefined || settled.has(field)) return;
    fields[field] = source;
    used.add(source);
  };
  if (role === 'admin') {
    const boundaries = codAbFields(sources, normalisedNames);
    if (boundaries) {
      for (const [field, source] of Object.entries(boundaries.fields)) claim(field, source);
      for (const field of ['pcode', 'name', 'parentPcode', 'parentName', 'level']) settled.add(field);
      constants.level = boundaries.level;
    }
  }
  // Tags first for every field, then names: a tagged column must not be taken
  // by an earlier field's name guess (a "type" column tagged #adm1+name…).
  for (const [field, candidates] of Object.entries(candidatesByField)) {
    claim(field, findByTag(sources, candidates, used));
  }
  for (const [field, candidates] of Object.entries(candidatesByField)) {
    if (fields[field] !== undefined || constants[field] !== undefined) continue;
    claim(field, findByName(sources, normalisedNames, field, candidates, used));
  }
  const missing = requiredFieldsOf(role).filter((field) => fields[field] === undefined);
  return { role, fields, missing, constants };
}

/** COD-AB column families, deepest level first in the file's own spelling (ADM3_FR before ADM3_EN). */
const NAME_SUFFIXES = ['fr', 'en', 'ht', 'es', 'name', 'nom'] as const;

/**
 * A COD-AB boundary file (`ADM1_PCODE`, `ADM2_PCODE`, `ADM3_PCODE`…): the
 * deepest level with a P-code column is the level of its areas, its name
 * column their name, and the level above their parent. Undefined when the
 * file has no `ADMn_PCODE` column.
 */
function codAbFields(
  sources: readonly SourceColumn[],
  normalisedNames: readonly string[],
): { fields: Record<string, string>; level: number } | undefined {
  const column = (normalised: string) => {
    const index = normalisedNames.indexOf(normalised);
    return index < 0 ? undefined : sources[index]?.name;
  };
  const levels = normalisedNames
    .map((name) => /^adm([1-4])pcode$/.exec(name)?.[1])
    .filter((level): level is string => level !== undefined)
    .map(Number);
  if (levels.length === 0) return undefined;
  const level = Math.max(...levels);
  const nameOf = (at: number) =>
    NAME_SUFFIXES.map((suffix) => column(`adm${at}${suffix}`)).find((name) => name !== undefined);
  const fields: Record<string, string | undefined> = {
    pcode: column(`adm${level}pcode`),
    name: nameOf(level),
    parentPcode: level > 1 ? column(`adm${level - 1}pcode`) : undefined,
    parentName: level > 1 ? nameOf(level - 1) : undefined,
  };
  return {
    fields: Object.fromEntries(Object.entries(fields).filter(([, name]) => name !== undefined)) as Record<
      string,
      string
    >,
    level,
  };
}

function findByTag(
  sources: SourceColumn[],
  candidates: FieldCandidates,
  used: Set<string>,
): string | undefined {
  const tagged = sources.filter((source) => source.hxlTag !== undefined && !used.has(source.name));
  if (tagged.length === 0) return undefined;
  const exact = [...candidates.tags, ...candidates.exactTags];
  for (const tag of exact) {
    const match = tagged.find((source) => hxlMatchScore(source.hxlTag ?? '', tag) === 2);
    if (match) return match.name;
  }
  for (const tag of candidates.tags) {
    const match = tagged.find((source) => hxlMatchScore(source.hxlTag ?? '', tag) === 1);
    if (match) return match.name;
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
      return number === 1 || number === 2 || number === 3 ? number : undefined;
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
      properties.level = pcodeLevel(properties.pcode);
      if (properties.level === undefined) delete properties.level;
    }
    if (properties.approximate === undefined) properties.approximate = false;
  }
  return properties;
}

/**
 * The admin level a Haiti P-code spells: HT + 2 digits per level (HT01
 * department, HT0111 commune), communal sections add "-NN" (HT0111-01).
 * Undefined for anything else: a level is never guessed.
 */
export function pcodeLevel(pcode: string): 1 | 2 | 3 | undefined {
  const match = /^HT(\d{2}|\d{4})(-\d{2})?$/i.exec(pcode.trim());
  if (!match) return undefined;
  if (match[2] !== undefined) return match[1]?.length === 4 ? 3 : undefined;
  return match[1]?.length === 2 ? 1 : 2;
}

/** A new collection whose properties are the model's, ids copied from `id` when mapped. */
export function applyFieldMapping(collection: FeatureCollection, mapping: FieldMapping): FeatureCollection {
  const features = (Array.isArray(collection?.features) ? collection.features : []).map((feature) => {
    const properties = mapProperties((feature as Partial<Feature> | null)?.properties, mapping);
    return { type: 'Feature' as const, geometry: feature?.geometry ?? null, properties } as Feature;
  });
  return { type: 'FeatureCollection', features };
}
