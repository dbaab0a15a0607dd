/**
 * Totals of the sites on the map, shown before any analysis is chosen: the
 * first thing a coordinator asks. Pure: datasets in, translated figures out.
 */
import { siteTotals } from '../analyses/key-figures';
import { type Datasets, SITE_TYPES } from '../domain/types';
import type { Translate } from '../i18n/translate';
import { attachedColumns, textCounts } from '../io/columnar-sites';
import type { KeyFigure } from '../state/app-state';

export function overviewFigures(datasets: Datasets, t: Translate): KeyFigure[] {
  const sites = datasets.sites.features;
  // Shared with the analyses' figure contexts (memoised per collection), so an answer does not recount them.
  const { households, individuals } = siteTotals(datasets.sites);
  const columns = attachedColumns(sites);
  const byType = columns ? textCounts(columns.texts.siteType) : new Map<string, number>();
  if (!columns)
    for (const site of sites)
      byType.set(site.properties.siteType, (byType.get(site.properties.siteType) ?? 0) + 1);
  return [
    { label: t('overview.sites'), value: sites.length, format: 'count', context: null },
    { label: t('overview.households'), value: households, format: 'count', context: null },
    { label: t('overview.individuals'), value: individuals, format: 'count', context: null },
    ...SITE_TYPES.filter((type) => (byType.get(type) ?? 0) > 0).map(
      (type): KeyFigure => ({
        label: t(`siteType.${type}`),
        value: byType.get(type) ?? 0,
        format: 'count',
        context: null,
      }),
    ),
  ];
}
