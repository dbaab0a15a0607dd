/**
 * Property checks on the mapped fields: numbers that do not parse (so a
 * "1 2OO" households cell is not silently zero) and duplicate ids.
 */
import { FIELD_CANDIDATES } from './field-candidates';
import type { FieldMapping } from './field-mapping';
import { isBlank, parseNumber } from './numbers';
import { excerpt, type Problem, type ProblemCode } from './problem';

/** A property finding: like a geometry finding, with the source column. */
export interface PropertyFinding {
  severity: Problem['severity'];
  code: ProblemCode;
  field: string;
  value?: string;
}

/** Numeric model fields: unparseable, negative or out-of-scale values. */
export function checkNumbers(properties: unknown, mapping: FieldMapping): PropertyFinding[] {
  if (!properties || typeof properties !== 'object') return [];
  const raw = properties as Record<string, unknown>;
  const findings: PropertyFinding[] = [];
  for (const [field, source] of Object.entries(mapping.fields)) {
    const kind = FIELD_CANDIDATES[mapping.role][field]?.kind;
    if (kind !== 'number' && kind !== 'needSeverity') continue;
    const value = raw[source];
    if (isBlank(value)) continue;
    const number = parseNumber(value);
    if (number === undefined) {
      findings.push({
        severity: 'warning',
        code: 'number-unparseable',
        field: source,
        value: excerpt(value),
      });
    } else if (number < 0) {
      findings.push({ severity: 'warning', code: 'number-negative', field: source, value: excerpt(value) });
    } else if (kind === 'needSeverity' && (!Number.isInteger(number) || number < 1 || number > 5)) {
      findings.push({
        severity: 'warning',
        code: 'number-out-of-range',
        field: source,
        value: excerpt(value),
      });
    }
  }
  return findings;
}

/** The id of a feature: the mapped id (or pcode) column, else the GeoJSON `id`. */
export function featureIdentifier(
  feature: unknown,
  mapping: FieldMapping,
): { field: string; id: string } | undefined {
  if (!feature || typeof feature !== 'object') return undefined;
  const { properties, id } = feature as { properties?: unknown; id?: unknown };
  const source = mapping.fields[mapping.role === 'admin' ? 'pcode' : 'id'];
  if (source !== undefined && properties && typeof properties === 'object') {
    const value = (properties as Record<string, unknown>)[source];
    if (typeof value === 'string' || typeof value === 'number') {
      const text = String(value).trim();
      return text === '' ? undefined : { field: source, id: text };
    }
    return undefined;
  }
  if (typeof id === 'string' || typeof id === 'number') return { field: 'id', id: String(id) };
  return undefined;
}

/** Indexes of features whose id already appeared earlier, with the id and column. */
export function findDuplicateIds(
  features: readonly unknown[],
  mapping: FieldMapping,
): Array<{ featureIndex: number; field: string; id: string }> {
  const seen = new Set<string>();
  const duplicates: Array<{ featureIndex: number; field: string; id: string }> = [];
  features.forEach((feature, featureIndex) => {
    const identifier = featureIdentifier(feature, mapping);
    if (!identifier) return;
    if (seen.has(identifier.id)) duplicates.push({ featureIndex, ...identifier });
    seen.add(identifier.id);
  });
  return duplicates;
}
