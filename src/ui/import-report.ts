/**
 * The validation report: a table of problems, each with its place (file,
 * row or feature, field, value excerpt) and a message in the user's language,
 * inside an element with role="alert". Every value is set as text.
 */

import type { Translate } from '../i18n/translate';
import type { Problem } from '../io/problem';
import { element } from './dom';
import { problemMessage, problemPlace } from './import-messages';

/** How many rows the table shows; the rest are counted below it. */
export const REPORT_ROWS_SHOWN = 200;

export interface ReportContent {
  summary: readonly string[];
  problems: readonly Problem[];
  /** All problems, when more exist than were sent. */
  problemCount: number;
}

/** Builds the report; the returned element is the role="alert" region. */
export function importReport(content: ReportContent, t: Translate): HTMLElement {
  const shown = content.problems.slice(0, REPORT_ROWS_SHOWN);
  const hidden = content.problemCount - shown.length;
  const table =
    shown.length === 0
      ? element('p', { className: 'import-report-empty', text: t('import.noProblems') })
      : element('div', { className: 'import-report-scroll' }, [
          element('table', { className: 'import-report-table' }, [
            element('thead', {}, [
              element(
                'tr',
                {},
                (
                  [
                    'import.columnSeverity',
                    'import.columnFile',
                    'import.columnPlace',
                    'import.columnField',
                    'import.columnValue',
                    'import.columnProblem',
                  ] as const
                ).map((key) => element('th', { text: t(key), attributes: { scope: 'col' } })),
              ),
            ]),
            element(
              'tbody',
              {},
              shown.map((problem) =>
                element(
                  'tr',
                  { className: `problem-${problem.severity}`, attributes: { 'data-code': problem.code } },
                  [
                    element('td', {}, [
                      element('span', {
                        className: `severity-badge severity-${problem.severity}`,
                        text: t(
                          problem.severity === 'error' ? 'import.severityError' : 'import.severityWarning',
                        ),
                      }),
                    ]),
                    element('td', { className: 'import-report-file', text: problem.fileName }),
                    element('td', { className: 'import-report-place', text: problemPlace(problem, t) }),
                    element('td', { text: problem.field ?? '' }),
                    element('td', { className: 'import-report-value', text: problem.value ?? '' }),
                    element('td', { text: problemMessage(problem, t) }),
                  ],
                ),
              ),
            ),
          ]),
        ]);
  return element('div', { className: 'import-report', attributes: { role: 'alert' } }, [
    ...content.summary.map((line) => element('p', { className: 'import-report-summary', text: line })),
    table,
    hidden > 0
      ? element('p', { className: 'import-report-more', text: t('import.reportMore', { count: hidden }) })
      : null,
  ]);
}
