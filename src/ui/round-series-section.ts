/**
 * The data manager's series of rounds: the sites datasets that have a date,
 * earliest first, each with its label, date, site count and name.
 */
import { formatDate, type Language, type Translate } from '../i18n/translate';
import type { DatasetRecord } from '../io/dataset-store';
import { countText } from '../rounds/round-figures';
import { roundSeries } from '../rounds/round-series';
import { element } from './dom';

/** Null when no sites dataset has a date. */
export function roundSeriesSection(
  t: Translate,
  language: Language,
  records: readonly DatasetRecord[],
): HTMLElement | null {
  const series = roundSeries(records);
  if (series.length === 0) return null;
  return element('section', { className: 'round-series', attributes: { 'data-round-series': '' } }, [
    element('h3', { text: t('rounds.seriesTitle') }),
    element('p', { className: 'io-hint', text: t('rounds.seriesHint') }),
    element(
      'ol',
      {},
      series.map((entry) =>
        element('li', {
          text: t('rounds.seriesEntry', {
            label: entry.round.label,
            date: formatDate(language, entry.round.asOf),
            sites: countText(language, entry.featureCount),
            name: entry.name,
          }),
          attributes: { 'data-round-id': entry.id },
        }),
      ),
    ),
  ]);
}
