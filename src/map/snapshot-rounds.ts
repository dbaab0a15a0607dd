/**
 * The line a map product prints when two rounds are compared (issue 17):
 * "Évolution du Round 23 (15 août 2026) au Round 24 (15 nov. 2026)", in the
 * product's language with its dates written the language's way (in words:
 * the PDF's embedded Noto Sans has no arrow, which printed as nothing), so a printed map says
 * which lists it compares; with no comparison, a product whose sites are one
 * dated round names that round and its date. It heads the line under the
 * subtitle, before the site filter, and like the filter it is never left out.
 */
import { formatDate, type Language, translator } from '../i18n/translate';
import type { RoundSiteChanges } from '../rounds/round-site-changes';

/**
 * The compared rounds with their dates; else the one round the sites shown
 * are (`shown`, from their metadata); null when neither.
 */
export function roundsLine(
  rounds: RoundSiteChanges | null,
  shown: { asOf: string; label: string } | undefined,
  language: Language,
): string | null {
  if (!rounds)
    return shown
      ? translator(language)('roundTable.product.single', {
          label: shown.label,
          date: formatDate(language, shown.asOf),
        })
      : null;
  return translator(language)('roundTable.product.comparison', {
    base: rounds.base.label,
    baseDate: formatDate(language, rounds.base.asOf),
    later: rounds.later.label,
    laterDate: formatDate(language, rounds.later.asOf),
  });
}

/** The lines that are there, joined as one; null when none is. */
export function joinedLines(...lines: readonly (string | null)[]): string | null {
  const present = lines.filter((line): line is string => line !== null && line !== '');
  return present.length > 0 ? present.join(' · ') : null;
}
