/**
 * Property checks on the mapped fields: numbers that do not parse (so a
 * "1 2OO" households cell is not silently zero), implausible counts, and
 * duplicate ids.
 */
import { FIELD_CANDIDATES } from './field-candidates';
import type { FieldMapping } from './field-mapping';
import { isBlank, MAXIMUM_COUNT_PER_SITE, parseCount, parseNumber } from './numbers';
import { excerpt, type Problem, type ProblemCode } from './problem';

/** A property finding: like a geometry finding, with the source column. */
export interface PropertyFinding {
  severity: Problem['severity'];
  code: ProblemCode;
  field: string;
  value?: string;
}

/**
 * Numeric model fields: unparseable values (warning: left empty), negative
 * values (error: a negative count or area would make totals go negative), and
 * for counts of people and households, anything but a whole number up to
 * MAXIMUM_COUNT_PER_SITE (error: `1e308` people would read "∞ exposed").
 * A count written "1.200" is read as 1200 with a warning naming the row.
 */
export function checkNumbers(properties: unknown, mapping: FieldMapping): PropertyFinding[] {
  if (!properties || typeof properties !== 'object') return [];
  const raw = properties as Record<string, unknown>;
  const findings: PropertyFinding[] = [];
  for (const [field, source] of Object.entries(mapping.fields)) {
    const kind = FIELD_CANDIDATES[mapping.role][field]?.kind;
    // An identity is never invented: a row without its id or P-code is left out and named.
    if (IDENTITY_FIELDS.has(field) && FIELD_CANDIDATES[mapping.role][field]?.requirement === 'required') {
      if (isBlank(raw[source])) findings.push({ severity: 'error', code: 'identity-missing', field: source });
      continue;
    }
    if (kind !== 'number' && kind !== 'needSeverity' && kind !== 'count') continue;
    const value = raw[source];
    if (isBlank(value)) {
      // A blank people count is never read as 0: the site is kept, and the row says its people are unknown.
      if (kind === 'count' && FIELD_CANDIDATES[mapping.role][field]?.requirement === 'required')
        findings.push({ severity: 'warning', code: 'count-missing', field: source });
      continue;
    }
    const finding = kind === 'count' ? checkCount(value) : checkNumber(value, kind);
    if (finding) findings.push({ ...finding, field: source });
  }
  return findings;
}

/** Fields that identify a feature (its id, an admin area's P-code). */
const IDENTITY_FIELDS: ReadonlySet<string> = new Set(['id', 'pcode']);

type NumberFinding = Omit<PropertyFinding, 'field'>;

function checkNumber(value: unknown, kind: 'number' | 'needSeverity'): NumberFinding | undefined {
  const number = parseNumber(value);
  if (number === undefined) return { severity: 'warning', code: 'number-unparseable', value: excerpt(value) };
  if (number < 0) return { severity: 'error', code: 'number-negative', value: excerpt(value) };
  if (kind === 'needSeverity' && (!Number.isInteger(number) || number < 1 || number > 5))
    return { severity: 'warning', code: 'number-out-of-range', value: excerpt(value) };
  return undefined;
}

function checkCount(value: unknown): NumberFinding | undefined {
  const reading = parseCount(value);
  if (reading === undefined) {
    // 1e400 or a JSON number past Number.MAX_VALUE reads as Infinity: implausible, not merely unreadable.
    const overflow = !Number.isFinite(Number(typeof value === 'string' ? value.trim() : value));
    const looksNumeric = typeof value === 'number' || /^[-+]?[\d.]+e[-+]?\d+$/i.test(String(value).trim());
    return overflow && looksNumeric
      ? { severity: 'error', code: 'count-implausible', value: excerpt(value) }
      : { severity: 'warning', code: 'number-unparseable', value: excerpt(value) };
  }
  const { value: count } = reading;
  if (count < 0) return { severity: 'error', code: 'number-negative', value: excerpt(value) };
  if (count > MAXIMUM_COUNT_PER_SITE)
    return { severity: 'error', code: 'count-implausible', value: excerpt(value) };
  if (!Number.isInteger(count))
    return { severity: 'error', code: 'count-not-integer', value: excerpt(value) };
  if (reading.dotThousands)
    return { severity: 'warning', code: 'count-thousands-separator', value: `${excerpt(value)} → ${count}` };
  return undefined;
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
