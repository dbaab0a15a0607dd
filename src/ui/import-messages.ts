/**
 * Sentences for the import report, built from problem values in the user's
 * language: one catalogue key per problem code and per store error code, so
 * tsc fails when a code has no message. The results are plain text for
 * `textContent`; user values (cell excerpts, file names) are never HTML.
 */

import type { Translate } from '../i18n/translate';
import type { StoreErrorCode } from '../io/dataset-store';
import type { Problem, RepairKind } from '../io/problem';

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
