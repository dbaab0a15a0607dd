/**
 * Small translations shared by the descriptors and the site table: severity
 * ranks, control levels and site types as words, and the "—" of an unknown.
 */
import { CONTROL_LEVELS, SEVERITIES } from '../domain/types';
import { formatDistance, formatNumber, isMessageKey, type Language, type Translate } from '../i18n/translate';

/** Shown for a value not known (yet). */
export const UNKNOWN = '—';

/** The translated label of a site-type code; the code itself when we have no translation. */
export function siteTypeLabel(t: Translate, code: string): string {
  const key = `siteType.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** "élevée" for severity rank 2, "aucun" for −1. */
export function severityLabel(t: Translate, rank: number): string {
  const severity = SEVERITIES[rank];
  return severity ? t(`severity.${severity}`) : t('siteTable.noHazard');
}

/** "Disputée" for level 1; "" for −1. */
export function controlLevelLabel(t: Translate, level: number): string {
  const name = CONTROL_LEVELS[level];
  return name ? t(`controlLevel.${name}`) : '';
}

/** A number for a cell, "—" when unknown. */
export function numberText(language: Language, value: number | undefined, digits = 0): string {
  return value === undefined || !Number.isFinite(value) ? UNKNOWN : formatNumber(language, value, digits);
}

/** A distance for a cell, "—" when unknown. */
export function distanceText(language: Language, meters: number | undefined): string {
  if (meters === undefined || Number.isNaN(meters)) return UNKNOWN;
  return formatDistance(language, meters);
}

/** A finite number rounded to `digits` decimals for a CSV cell, else an empty cell. */
export function rounded(value: number | undefined, digits = 0): number | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
