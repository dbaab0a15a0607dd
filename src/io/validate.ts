/**
 * Validation of an imported collection for a layer role: our geometry and
 * property rules, with geojson-validation as a structural backstop (wrapped:
 * it throws on `coordinates: [[]]`). Never throws; features with no error
 * are returned as valid, the rest are reported, and some can be repaired.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { isFeature } from 'geojson-validation';
import { SITE_LOCATION_FIELDS } from '../domain/field-synonyms';
import type { LayerRole } from './field-candidates';
import { type FieldMapping, findFieldMapping } from './field-mapping';
import { isBlank } from './numbers';
import { excerpt, makeProblem, type Problem } from './problem';
import { checkGeometry } from './validate-geometry';
import { checkNumbers, findDuplicateIds } from './validate-properties';

export interface ValidationOptions {
  /** Mapping in use; found automatically from property names when absent. */
  mapping?: FieldMapping;
  /** CSV reader's spreadsheet row per feature of the file, so problems also carry `row`. */
  sourceRows?: readonly number[];
  /** When features were split or merged before validation: the file's feature index of each. */
  sourceIndexes?: readonly number[];
}

export interface ValidationResult {
  /** Features with no error (warnings allowed), in input order. */
  validFeatures: Feature[];
  problems: Problem[];
  /** The problems that carry a repair the user may accept. */
  repairable: Problem[];
  /** Valid sites with no coordinates, located by their admin P-code or commune name only. */
  withoutCoordinates: number;
}

/** Validates every feature of `collection` for `role`. Never throws. */
export function validateCollection(
  collection: unknown,
  role: LayerRole,
  fileName: string,
  options: ValidationOptions = {},
): ValidationResult {
  const features = (collection as { features?: unknown } | null)?.features;
  if (!collection || typeof collection !== 'object' || !Array.isArray(features)) {
    return {
      validFeatures: [],
      problems: [makeProblem('error', 'not-geojson', fileName)],
      repairable: [],
      withoutCoordinates: 0,
    };
  }
  let mapping: FieldMapping;
  try {
    mapping = options.mapping ?? findFieldMapping(collection as FeatureCollection, role);
  } catch {
    mapping = { role, fields: {}, missing: [], constants: {} };
  }
  const problems: Problem[] = [];
  const featuresWithErrors = new Set<number>();
  const locate = (index: number) => {
    const featureIndex = options.sourceIndexes?.[index] ?? index;
    const row = options.sourceRows?.[featureIndex];
    return row === undefined ? { featureIndex } : { featureIndex, row };
  };
  features.forEach((feature: unknown, featureIndex) => {
    const found = checkFeature(feature, role, mapping, fileName, locate(featureIndex));
    problems.push(...found);
    if (found.some((problem) => problem.severity === 'error')) featuresWithErrors.add(featureIndex);
  });
  try {
    for (const duplicate of findDuplicateIds(features, mapping)) {
      problems.push(
        makeProblem('error', 'duplicate-id', fileName, {
          ...locate(duplicate.featureIndex),
          field: duplicate.field,
          value: excerpt(duplicate.id),
        }),
      );
      featuresWithErrors.add(duplicate.featureIndex);
    }
  } catch {
    // Ids are a convenience check; odd property objects must not stop validation.
  }
  const validFeatures = features.filter((_, index) => !featuresWithErrors.has(index)) as Feature[];
  return {
    validFeatures,
    problems,
    repairable: problems.filter((problem) => problem.repair !== undefined),
    withoutCoordinates: validFeatures.filter((feature) => feature.geometry === null).length,
  };
}

function checkFeature(
  feature: unknown,
  role: LayerRole,
  mapping: FieldMapping,
  fileName: string,
  location: { featureIndex: number; row?: number },
): Problem[] {
  try {
    if (!feature || typeof feature !== 'object' || (feature as { type?: unknown }).type !== 'Feature') {
      return [makeProblem('error', 'not-a-feature', fileName, { ...location, value: excerpt(feature) })];
    }
    const { geometry, properties } = feature as { geometry?: unknown; properties?: unknown };
    const locatedByArea = role === 'sites' && geometry === null && declaresArea(properties, mapping);
    const problems = locatedByArea
      ? []
      : checkGeometry(geometry, role).map((finding) =>
          makeProblem(
            finding.severity,
            // A site may lack coordinates, not every way of being placed: the message says so.
            role === 'sites' && finding.code === 'null-geometry' ? 'no-location' : finding.code,
            fileName,
            { ...location, ...withoutUndefined(finding) },
          ),
        );
    if (!problems.some((problem) => problem.severity === 'error') && !structurallyValid(feature)) {
      problems.push(makeProblem('error', 'invalid-structure', fileName, location));
    }
    for (const finding of checkNumbers(properties, mapping)) {
      problems.push(
        makeProblem(finding.severity, finding.code, fileName, { ...location, ...withoutUndefined(finding) }),
      );
    }
    return problems;
  } catch {
    // Only a pathological object (a getter that throws, a stack-deep nest) lands here.
    return [makeProblem('error', 'invalid-structure', fileName, location)];
  }
}

/**
 * A site without coordinates is kept when a mapped admin field (section or
 * commune P-code, commune name, department P-code) has a value: the totals
 * by admin area place it there.
 */
function declaresArea(properties: unknown, mapping: FieldMapping): boolean {
  if (!properties || typeof properties !== 'object') return false;
  return SITE_LOCATION_FIELDS.some((field) => {
    const column = mapping.fields[field];
    return column !== undefined && !isBlank((properties as Record<string, unknown>)[column]);
  });
}

/**
 * geojson-validation as a backstop for what our rules do not look at. It
 * wants rings closed in every dimension; a ring closed in 2-D whose last
 * altitude differs (GPS tracks, KML with altitude) is fine for a 2-D map, so
 * a refusal is checked again on the 2-D shape before it counts.
 */
function structurallyValid(feature: unknown): boolean {
  try {
    if (isFeature(feature)) return true;
    const { geometry } = feature as { geometry?: unknown };
    return isFeature({ ...(feature as object), geometry: flatten(geometry) });
  } catch {
    return false;
  }
}

/** The geometry with every position cut to [x, y]. */
function flatten(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    return value.length >= 2 && typeof value[0] === 'number' ? value.slice(0, 2) : value.map(flatten);
  }
  const { coordinates, geometries } = value as { coordinates?: unknown; geometries?: unknown };
  if (coordinates !== undefined) return { ...value, coordinates: flatten(coordinates) };
  if (Array.isArray(geometries)) return { ...value, geometries: geometries.map(flatten) };
  return value;
}

function withoutUndefined<T extends object>(finding: T): Partial<Omit<T, 'severity' | 'code'>> {
  const { severity: _severity, code: _code, ...rest } = finding as T & { severity?: unknown; code?: unknown };
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as Partial<
    Omit<T, 'severity' | 'code'>
  >;
}
