/**
 * A round is a sites dataset with an "as of" date and a round label (issue
 * 17): DTM publishes one site list per round, and coordinators plan from
 * what changed between two of them. The date is read from the file (the most
 * common assessment date of its sites) or typed at import; it is never
 * invented, so a dataset without one is simply not in the series.
 */

/** The round a stored sites dataset is: its "as of" date and its label. */
export interface RoundInfo {
  /** ISO date (YYYY-MM-DD). */
  asOf: string;
  /** What the user calls it ("Round 24"); the dataset's name when none was given. */
  label: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = ISO_DATE.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What storage holds is checked before it is trusted (another build or a hand edit may have written it). */
export function isRoundInfo(value: unknown): value is RoundInfo {
  if (typeof value !== 'object' || value === null) return false;
  const { asOf, label } = value as Record<string, unknown>;
  return isIsoDate(asOf) && typeof label === 'string' && label.trim() !== '' && label.length <= 200;
}

/**
 * The date a site list is "as of": the most common assessment date of its
 * sites (a DTM round is assessed over a few days, most sites on one of them).
 * Ties go to the later date. Undefined when no site carries a valid date.
 */
export function mostCommonDate(values: Iterable<unknown>): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) {
    const day = typeof value === 'string' ? value.slice(0, 10) : '';
    if (isIsoDate(day)) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [day, count] of counts)
    if (count > bestCount || (count === bestCount && best !== undefined && day > best)) {
      best = day;
      bestCount = count;
    }
  return best;
}

/** "DTM_Haiti_Round_24.xlsx" → "Round 24"; '' when the file name names no round. */
export function roundLabelFromFileName(fileName: string): string {
  const match = /(?:^|[^a-z])(round|rnd|rond|wonn|tour)[\s_.-]*(\d{1,3})(?!\d)/i.exec(fileName);
  if (!match) return '';
  const word = match[1] ?? '';
  return `${word.charAt(0).toUpperCase()}${word.slice(1).toLowerCase()} ${Number(match[2])}`;
}

/** What the import review holds: typed by the user, possibly empty. */
export interface RoundEntered {
  asOf: string;
  label: string;
}

/**
 * The round of an imported sites dataset: the date typed in the review, else
 * the most common assessment date in the file; no date, no round. The label
 * is the one typed, else `fallbackLabel` (the dataset's name).
 */
export function roundOfImport(
  entered: RoundEntered,
  assessmentDates: Iterable<unknown>,
  fallbackLabel: string,
): RoundInfo | undefined {
  const typed = entered.asOf.trim();
  const asOf = isIsoDate(typed) ? typed : mostCommonDate(assessmentDates);
  if (asOf === undefined) return undefined;
  const label = (entered.label.trim() || fallbackLabel.trim()).slice(0, 200);
  return { asOf, label: label === '' ? asOf : label };
}
