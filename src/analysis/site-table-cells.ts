/**
 * The text of each site-table cell, formatted for the language (numbers,
 * distances, translated vocabularies). Pure: the UI puts the result in
 * `textContent`. Flag-derived cells read "—" until the flags arrive.
 */
import { CONTROL_LEVELS, SEVERITIES } from '../domain/types';
import { formatDistance, formatNumber, isMessageKey, type Language, type Translate } from '../i18n/translate';
import type { SiteTableColumnId, SiteTableData } from './site-table-columns';
import { raisedFlags } from './site-table-columns';

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

function number(language: Language, value: number | undefined, digits = 0): string {
  return value === undefined || !Number.isFinite(value) ? UNKNOWN : formatNumber(language, value, digits);
}

function distance(language: Language, meters: number | undefined): string {
  if (meters === undefined || Number.isNaN(meters)) return UNKNOWN;
  return formatDistance(language, meters);
}

/** The cell text of site `index` in `column`. */
export function cellText(
  column: SiteTableColumnId,
  index: number,
  data: SiteTableData,
  language: Language,
  t: Translate,
): string {
  const { source, flags } = data;
  switch (column) {
    case 'name':
      return source.names[index] || UNKNOWN;
    case 'id':
      return source.ids[index] || UNKNOWN;
    case 'siteType':
      return siteTypeLabel(t, source.siteTypes[index] ?? '') || UNKNOWN;
    case 'commune':
      return source.communeNames[index] || UNKNOWN;
    case 'individuals':
      return number(language, source.individuals[index]);
    case 'households':
      return number(language, source.households[index]);
    case 'spacePerPerson':
      return number(language, flags?.squareMetresPerPerson[index], 1);
    case 'hazard': {
      const rank = flags?.worstHazardSeverity[index];
      return rank === undefined ? UNKNOWN : severityLabel(t, rank);
    }
    case 'control': {
      const level = flags?.controlLevel[index];
      if (level === undefined) return UNKNOWN;
      if (level < 0) return t('siteTable.noControl');
      const meters = flags?.controlMeters[index] ?? Number.NaN;
      const where = meters <= 0 ? t('siteTable.insideControl') : distance(language, meters);
      return `${controlLevelLabel(t, level)} · ${where}`;
    }
    case 'water':
      return distance(language, flags?.waterMeters[index]);
    case 'health':
      return distance(language, flags?.healthMeters[index]);
    case 'distribution':
      return distance(language, flags?.distributionMeters[index]);
    case 'flags':
      if (!flags) return UNKNOWN;
      return (
        raisedFlags(flags, index)
          .map((flag) => t(flag.label))
          .join(', ') || t('siteTable.noFlag')
      );
  }
}
