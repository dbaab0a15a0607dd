/**
 * What the analyses say about the selected site, in the details card: every
 * analysis column of the site table (distances to water, health care and
 * distribution, to the nearest gang-controlled area, space per person, hazard…)
 * and the flags it raises, each with the rule behind it. It reads the same column definitions and
 * cell texts as the site table and its CSV, so the card, the table and the
 * export cannot disagree.
 */
import type { SiteFlags } from '../../workers/analysis/site-flags';
import { ANALYSIS_COLUMNS, raisedFlags } from '../analysis/site-table-columns';
import type { Language, Translate } from '../i18n/translate';
import { element } from './dom';

/** The card's analysis section for site `index` of the flags table, or a note while flags are computed. */
export function siteAnalysisSection(
  flags: SiteFlags | null,
  index: number,
  language: Language,
  t: Translate,
): HTMLElement {
  if (!flags || index < 0 || index >= flags.count) {
    return element('p', { className: 'analysis-note', text: t('details.analysisPending') });
  }
  const raised = raisedFlags(flags, index);
  const sensitive = ANALYSIS_COLUMNS.some((column) => column.sensitive);
  return element(
    'section',
    { className: 'details-analysis', attributes: { 'aria-labelledby': 'details-analysis-title' } },
    [
      element('h3', { text: t('details.analysisTitle'), attributes: { id: 'details-analysis-title' } }),
      raised.length > 0
        ? element(
            'ul',
            {
              className: 'details-flags details-flags-raised',
              attributes: { 'data-details-flags': raised.map((flag) => flag.id).join(' ') },
            },
            // Each flag with the rule that raised it: the badge's tooltip in the table, said here.
            raised.map((flag) =>
              element('li', { attributes: { 'data-details-flag': flag.id } }, [
                element('strong', { text: t(flag.label) }),
                element('span', { text: ` — ${t(flag.description)}` }),
              ]),
            ),
          )
        : element('p', {
            className: 'details-flags',
            text: t('siteTable.noFlag'),
            attributes: { 'data-details-flags': '' },
          }),
      element(
        'dl',
        { className: 'details-fields' },
        ANALYSIS_COLUMNS.flatMap((column) => [
          element('dt', { text: t(column.label) }),
          element('dd', {
            text: column.cell(flags, index, language, t),
            attributes: { 'data-details-column': column.id },
          }),
        ]),
      ),
      sensitive ? element('p', { className: 'sensitive-badge', text: t('value.sensitive') }) : null,
    ],
  );
}
