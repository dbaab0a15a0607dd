/**
 * The texts of a comparison: signed changes ("+12", "−8 420") and counts,
 * every number through the one key-figure formatter, so the panel reads as
 * the rest of the app.
 */
import { formatFigure } from '../analyses/figure-format';
import type { Language, Translate } from '../i18n/translate';
import type { CommuneChange, RoundSummary } from './round-summary';

/** A whole count in the language's format. */
export const countText = (language: Language, value: number): string =>
  formatFigure({ value, format: 'count', language });

/** A change with its sign: "+12", "−8 420" (a true minus sign), "0". */
export function signedText(language: Language, value: number): string {
  const sign = value > 0 ? '+' : value < 0 ? '\u2212' : '';
  return `${sign}${countText(language, Math.abs(value))}`;
}

/** The labels of the two rounds compared. */
export interface RoundLabels {
  base: string;
  later: string;
}

/** "+12 sites, −8 420 people since Round 23". */
export function headlineText(t: Translate, language: Language, summary: RoundSummary, labels: RoundLabels) {
  return t('rounds.headline', {
    sites: signedText(language, summary.sitesChange),
    people: signedText(language, summary.peopleChange),
    label: labels.base,
  });
}

/** The key figures under the headline, by the key of their label. */
export function keyFigureTexts(language: Language, summary: RoundSummary) {
  return (['opened', 'closed', 'continuing', 'moved', 'renamed', 'changeUnknown'] as const).map((key) => ({
    key,
    value: countText(language, summary[key]),
  }));
}

/** People in a commune in one round: "unknown" when no site's count is known, its unknown sites said beside. */
function peopleCellText(
  t: Translate,
  language: Language,
  people: number,
  sites: number,
  unknown: number,
): string {
  if (unknown === 0) return countText(language, people);
  if (unknown >= sites) return t('rounds.unknownValue');
  return t('rounds.unknownCell', {
    value: countText(language, people),
    unknown: countText(language, unknown),
  });
}

/** A commune's change in people: unknown when a round knows none of its counts, its unknown sites said beside. */
function peopleChangeText(t: Translate, language: Language, row: CommuneChange): string {
  const noneKnown = (sites: number, unknown: number) => sites > 0 && unknown >= sites;
  if (noneKnown(row.sitesBefore, row.unknownBefore) || noneKnown(row.sitesAfter, row.unknownAfter))
    return t('rounds.unknownValue');
  const unknown = row.unknownBefore + row.unknownAfter;
  const change = signedText(language, row.peopleChange);
  return unknown === 0
    ? change
    : t('rounds.unknownCell', { value: change, unknown: countText(language, unknown) });
}

/** One line of the change table as texts, in column order: the change in people first, as the table is sorted by it. */
export function communeRowTexts(t: Translate, language: Language, row: CommuneChange): string[] {
  return [
    row.code === '' ? t('rounds.noCommune') : row.name,
    peopleChangeText(t, language, row),
    peopleCellText(t, language, row.peopleBefore, row.sitesBefore, row.unknownBefore),
    peopleCellText(t, language, row.peopleAfter, row.sitesAfter, row.unknownAfter),
    signedText(language, row.sitesChange),
    countText(language, row.sitesBefore),
    countText(language, row.sitesAfter),
  ];
}
