/**
 * Sentences for the import report, built from problem values in the user's
 * language: one catalogue key per problem code and per store error code, so
 * tsc fails when a code has no message. The results are plain text for
 * `textContent`; user values (cell excerpts, file names) are never HTML.
 */

import type { Translate } from '../i18n/translate';
import type { TextEncodingName } from '../io/bytes';
import type { StoreErrorCode } from '../io/dataset-store';
import type { DefaultedField } from '../io/import-display-defaults';
import type { ReviewSummary } from '../io/import-pipeline';
import type { Problem, ProblemCode, RepairKind } from '../io/problem';
import { classValueLabel, fieldLabel } from './import-mapping-grid';

/**
 * Refusals that come after the file was read: its bytes are fine, but it
 * holds nothing this layer model can take as it is (no coordinate column,
 * no header, an empty sheet). Headed so, never "could not be read".
 */
const REFUSED_AFTER_READING: ReadonlySet<ProblemCode> = new Set([
  'csv-no-header',
  'csv-no-coordinate-columns',
  'spreadsheet-no-data',
  'kmz-without-kml',
  'shapefile-without-layer',
  'no-features',
  'not-geojson',
  'not-kml',
]);

/** The heading of a failed import: "could not be read", or "read, but cannot be imported as it is". */
export function failureHeading(problems: readonly Pick<Problem, 'code'>[], t: Translate): string {
  const refused = problems.length > 0 && problems.every((problem) => REFUSED_AFTER_READING.has(problem.code));
  return t(refused ? 'import.refused' : 'import.failed');
}

const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

/** The name of a detected text encoding, as the user would find it in a save dialog. */
export function encodingLabel(encoding: TextEncodingName): string {
  return ENCODING_LABELS[encoding];
}

/** The plain-language message of a problem. */
export function problemMessage(problem: Pick<Problem, 'code'>, t: Translate): string {
  return t(`problem.${problem.code}` as const);
}

/**
 * Where the problem is, as the user would look for it: the spreadsheet row
 * for CSV, the feature number (1-based) for geographic files, the line and
 * column of the text for broken JSON/XML, else the whole file.
 */
export function problemPlace(problem: Problem, t: Translate): string {
  if (problem.row !== undefined) return t('import.placeRow', { row: String(problem.row) });
  if (problem.line !== undefined)
    return t('import.placeText', { line: String(problem.line), column: String(problem.column ?? 1) });
  if (problem.featureIndex !== undefined)
    return t('import.placeFeature', { index: String(problem.featureIndex + 1) });
  return t('import.placeFile');
}

/** The label of a repair checkbox. */
export function repairLabel(kind: RepairKind, count: number, t: Translate): string {
  return t(`import.repair.${kind}` as const, { count });
}

/** The message of a dataset-store failure (quota, another tab, unreadable record…). */
export function storeErrorMessage(code: StoreErrorCode, t: Translate): string {
  return t(`storeError.${code}` as const);
}

/** One line per problem, for a plain-text summary (copy, logs, tests). */
export function problemLine(problem: Problem, t: Translate): string {
  const parts = [problem.fileName, problemPlace(problem, t)];
  if (problem.field !== undefined) parts.push(problem.field);
  if (problem.value !== undefined) parts.push(`"${problem.value}"`);
  return `${parts.join(' · ')} — ${problemMessage(problem, t)}`;
}

/**
 * Why the import button is disabled, naming each field and where to act:
 * required fields to map in the grid, display classes to choose a value for
 * (with their row counts). Empty when nothing blocks.
 */
export function blockedMessage(review: Pick<ReviewSummary, 'missing' | 'unresolved'>, t: Translate): string {
  const lines: string[] = [];
  if (review.missing.length > 0)
    lines.push(
      t('import.blockedMapping', { fields: review.missing.map((field) => fieldLabel(field, t)).join(', ') }),
    );
  if (review.unresolved.length > 0)
    lines.push(
      t('import.blockedDefaults', {
        fields: review.unresolved.map((entry) => `${fieldLabel(entry.field, t)} (${entry.count})`).join(', '),
      }),
    );
  return lines.join(' ');
}

/** The values the user chose for rows lacking a display class, with counts, for the import notice. */
export function defaultsSummary(defaulted: readonly DefaultedField[], t: Translate): string {
  if (defaulted.length === 0) return '';
  return t('import.doneDefaults', {
    items: defaulted
      .map(
        (entry) =>
          `${fieldLabel(entry.field, t)} = ${classValueLabel(entry.field, entry.value, t)} (${entry.count})`,
      )
      .join(', '),
  });
}
