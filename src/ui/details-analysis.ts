/**
 * What the analyses say about the selected site, in the details card: every
 * analysis column of the site table (distances to water, health care and
 * distribution, to the nearest gang-controlled area, space per person, hazard…)
 * and the flags it raises, each with the rule behind it. It reads the same column definitions and
 * cell texts as the site table and its CSV, so the card, the table and the
 * export cannot disagree.
 */
import type { SiteFlags } from '../../workers/analysis/site-flags';
import { numberText } from '../analyses/labels';
import { gapBreakdown, type PriorityWeights } from '../analyses/priority-score';
import { ANALYSIS_COLUMNS, raisedFlags } from '../analysis/site-table-columns';
import type { Language, Translate } from '../i18n/translate';
import { element } from './dom';

/** The card's analysis section for site `index` of the flags table, or a note while flags are computed. */
export function siteAnalysisSection(
  flags: SiteFlags | null,
  index: number,
  priority: { people: number; weights: PriorityWeights },
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
      prioritySection(flags, index, priority, language, t),
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

/**
 * The site's priority score as the table ranks it, worked out: people × gap points, and the
 * points each gap adds under the weights set in the analysis panel (priority-score.ts).
 */
function prioritySection(
  flags: SiteFlags,
  index: number,
  priority: { people: number; weights: PriorityWeights },
  language: Language,
  t: Translate,
): HTMLElement {
  const parts = gapBreakdown(flags, index, priority.weights);
  const points = parts.reduce((sum, part) => sum + part.points, 0);
  const people = Number.isFinite(priority.people) ? priority.people : Number.NaN;
  return element('dl', { className: 'details-fields details-priority' }, [
    element('dt', { text: t('priority.title') }),
    element('dd', {
      text: t('details.priority', {
        score: numberText(language, people * points),
        people: numberText(language, people),
        count: points,
      }),
      attributes: { 'data-details-priority': String(people * points) },
    }),
    ...parts.map((part) =>
      element('dd', {
        className: 'details-priority-gap',
        text: t('details.priorityGap', { gap: t(`priority.weight.${part.gap}`), points: part.points }),
      }),
    ),
  ]);
}
