/**
 * The site filter in words, for every place that must say a filter applies:
 * the filter panel's count, the analysis panel and the products (snapshot
 * title block, CSV). "Delmas · any of: no water point within 500 m, no
 * health facility within 5 km — 55 of 400 sites". Pure: state in, text out.
 */
import { type Datasets, NEED_SECTORS } from '../domain/types';
import { type Language, translator } from '../i18n/translate';
import { analysisConditionCount, isSiteFilterActive, type SiteFilter } from '../state/site-filter';
import { formatFigure } from './figure-format';
import type { AnalysisParameters } from './parameters';

export interface FilterSummaryOptions {
  /** The unfiltered data (admin names, the total). */
  source: Datasets | null;
  /** Sites left by the filter. */
  shown: number;
  language: Language;
  /** The analysis distances in use (the health reach is part of a flag's meaning). */
  parameters?: Pick<AnalysisParameters, 'healthDistanceMeters'>;
}

/** The name of an admin area by P-code, from the admin layer, else from the sites, else the code. */
function adminName(source: Datasets | null, pcode: string): string {
  const area = source?.admin.features.find((feature) => feature.properties?.pcode === pcode);
  if (area?.properties.name) return String(area.properties.name);
  for (const site of source?.sites.features ?? []) {
    if (site.properties.admin2Pcode === pcode && site.properties.admin2Name)
      return site.properties.admin2Name;
    if (site.properties.admin1Pcode === pcode && site.properties.admin1Name)
      return site.properties.admin1Name;
  }
  return pcode;
}

/** Each condition of the filter as a short phrase, in the panel's order. */
export function siteFilterConditions(
  filter: SiteFilter,
  options: Omit<FilterSummaryOptions, 'shown'>,
): string[] {
  const { source, language } = options;
  const t = translator(language);
  const count = (value: number) => formatFigure({ value, format: 'count', language });
  const parts: string[] = [];
  if (filter.commune !== null) parts.push(adminName(source, filter.commune));
  else if (filter.department !== null) parts.push(adminName(source, filter.department));
  if (filter.search !== '') parts.push(t('filter.searchWords', { words: filter.search }));
  if (filter.siteTypes.length > 0)
    parts.push(filter.siteTypes.map((type) => t(`siteType.${type}`)).join(', '));
  const { individualsMin: minimum, individualsMax: maximum } = filter;
  if (minimum !== null && maximum !== null)
    parts.push(t('filter.people', { minimum: count(minimum), maximum: count(maximum) }));
  else if (minimum !== null) parts.push(t('filter.peopleAtLeast', { minimum: count(minimum) }));
  else if (maximum !== null) parts.push(t('filter.peopleAtMost', { maximum: count(maximum) }));
  for (const sector of NEED_SECTORS) {
    const severity = filter.minimumNeeds[sector];
    if (severity !== undefined)
      parts.push(
        `${t(`filter.need.${sector}`)} ${t('filter.atLeast', { value: t(`needSeverity.${severity}`) })}`,
      );
  }
  if (filter.peopleChange) {
    const percent = formatFigure({ value: filter.peopleChange.percent / 100, format: 'percent', language });
    parts.push(t(`roundTable.summary.${filter.peopleChange.direction}`, { percent }));
  }
  if (filter.roundStatus) parts.push(t(`roundTable.summary.${filter.roundStatus}`));
  if (analysisConditionCount(filter) > 0) {
    const distance = formatFigure({
      value: options.parameters?.healthDistanceMeters ?? 5000,
      format: 'metres',
      language,
    });
    const conditions = [
      ...filter.flags.map((flag) => t(`filter.flag.${flag}`, { distance })),
      ...filter.hazardTypes.map((type) => t('filter.exposedTo', { hazard: t(`hazardType.${type}`) })),
    ].join(filter.flagMode === 'any' ? ', ' : ' + ');
    parts.push(t(filter.flagMode === 'any' ? 'filter.anyOf' : 'filter.allOf', { conditions }));
  }
  return parts;
}

/**
 * "Delmas · … — 55 of 400 sites", or "All sites (400)" with no filter. The
 * total is the unfiltered count.
 */
export function siteFilterSummary(filter: SiteFilter, options: FilterSummaryOptions): string {
  const t = translator(options.language);
  const total = formatFigure({
    value: options.source?.sites.features.length ?? options.shown,
    format: 'count',
    language: options.language,
  });
  if (!isSiteFilterActive(filter)) return t('filter.summaryAll', { total });
  const shown = formatFigure({ value: options.shown, format: 'count', language: options.language });
  return t('filter.summary', { filter: siteFilterConditions(filter, options).join(' · '), shown, total });
}
