/**
 * The last movements import as lines of text: how many movements were read,
 * then every row left out with its number and why (at most `limit`, then how
 * many more), or the columns a refused file lacks.
 */
import type { FlowField } from '../flows/flow-columns';
import type { FlowImportReport } from '../flows/flow-state';
import type { Translate } from '../i18n/translate';

const FIELD_KEYS: Partial<Record<FlowField, Parameters<Translate>[0]>> = {
  originName: 'flows.field.origin',
  destinationName: 'flows.field.destination',
  count: 'flows.field.count',
  date: 'flows.field.date',
  category: 'flows.field.category',
};

export function flowReportLines(report: FlowImportReport | null, t: Translate, limit = 20): string[] {
  if (!report) return [];
  if (!report.ok) {
    const fields = report.missing.map((field) => t(FIELD_KEYS[field] ?? 'flows.field.origin')).join(', ');
    return [t('flows.report.missing', { file: report.fileName, fields })];
  }
  const lines = [t('flows.report.imported', { file: report.fileName, count: report.imported })];
  const rowsLeftOut = new Set(report.problems.map((problem) => problem.row)).size;
  if (rowsLeftOut > 0) lines.push(t('flows.report.leftOut', { count: rowsLeftOut }));
  for (const problem of report.problems.slice(0, limit)) {
    lines.push(
      t('flows.report.row', {
        row: problem.row,
        problem: t(`flows.problem.${problem.code}`, { value: problem.value }),
      }),
    );
  }
  if (report.problems.length > limit)
    lines.push(t('flows.report.more', { count: report.problems.length - limit }));
  return lines;
}
