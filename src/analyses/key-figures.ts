/**
 * Key figures of the active analysis from its descriptor, with the totals
 * they are put in context with, and the key-figures CSV. Pure: answers in,
 * translated figures (numbers and their format, not yet text) out; the text
 * is always made by `formatFigure`.
 */
import type { Datasets, LayerId } from '../domain/types';
import { formatDate, type Language, translator } from '../i18n/translate';
import { attachedColumns, columnSum } from '../io/columnar-sites';
import { isSiteFilterActive, type SiteFilter } from '../state/site-filter';
import type { FigureContext, KeyFigure } from './analysis-descriptor';
import { figureTexts, formatFigure } from './figure-format';
import { siteFilterConditions } from './filter-summary';
import type { AnalysisParameters } from './parameters';
import { type AnalysisAnswers, type AnalysisId, analysisOf } from './registry';

const totalsCache = new WeakMap<Datasets['sites'], FigureContext['totals']>();

/** Sites, households and people on the map: the denominators of the figures. */
export function siteTotals(sites: Datasets['sites']): FigureContext['totals'] {
  let totals = totalsCache.get(sites);
  if (!totals) {
    let households = 0;
    let individuals = 0;
    // Sites with their columnar form are summed from it (no feature read).
    const columns = attachedColumns(sites.features);
    if (columns) {
      households = columnSum(columns.households);
      individuals = columnSum(columns.individuals);
    } else
      for (const site of sites.features) {
        households += Number(site.properties?.households) || 0;
        individuals += Number(site.properties?.individuals) || 0;
      }
    totals = { sites: sites.features.length, households, individuals };
    totalsCache.set(sites, totals);
  }
  return totals;
}

/** What the analysed sites were taken from: the filter and the unfiltered data. */
export interface FigureScope {
  filter: SiteFilter;
  source: Datasets | null;
}

export function figureContext(
  language: Language,
  parameters: AnalysisParameters,
  datasets: Datasets,
  scope?: FigureScope,
): FigureContext & { scope?: FigureScope } {
  return {
    t: translator(language),
    language,
    parameters,
    datasets,
    totals: siteTotals(datasets.sites),
    ...(scope ? { scope } : {}),
  };
}

/**
 * The last figure of every analysis: how many sites it read, out of how
 * many, under which filter, and the date of the data ("55 — filter: Delmas ·
 * any of: … — of 400 sites — data as of 1 November 2026"). It travels with
 * the figures to the panel, the products and the CSV, so none of them can
 * show a filtered figure as if it were the whole.
 */
export function scopeFigure(context: FigureContext, scope: FigureScope): KeyFigure {
  const { t, language } = context;
  const total = scope.source?.sites.features.length ?? context.totals.sites;
  const filtered = isSiteFilterActive(scope.filter);
  const asOf = context.datasets.sites.metadata?.asOf;
  const parts = [
    filtered
      ? t('context.filtered', {
          filter: siteFilterConditions(scope.filter, {
            source: scope.source,
            language,
            parameters: context.parameters,
          }).join(' · '),
          total: formatFigure({ value: total, format: 'count', language }),
        })
      : t('context.allSites'),
    asOf ? t('context.asOf', { date: formatDate(language, asOf) }) : null,
  ];
  return {
    label: t('figure.sitesAnalysed'),
    value: context.totals.sites,
    format: 'count',
    context: parts.filter((part): part is string => part !== null).join(' — '),
  };
}

const withoutCoordinatesCache = new WeakMap<Datasets['sites'], { sites: number; individuals: number }>();

/** Sites with no coordinates (placed by their admin area only) and their people. */
export function sitesWithoutCoordinates(sites: Datasets['sites']): { sites: number; individuals: number } {
  let found = withoutCoordinatesCache.get(sites);
  if (!found) {
    found = { sites: 0, individuals: 0 };
    for (const site of sites.features) {
      if (site.geometry) continue;
      found.sites += 1;
      found.individuals += Number(site.properties?.individuals) || 0;
    }
    withoutCoordinatesCache.set(sites, found);
  }
  return found;
}

/** Layers whose analyses measure where a site is (containment, distance): they need its coordinates. */
const PLACE_LAYERS: readonly LayerId[] = ['hazards', 'control', 'services'];

/**
 * "Sites not analysed (no coordinates)", for the analyses that measure
 * distances or zones on sites: the sites known only by their admin area are
 * left out of them, and their figures must say so.
 */
function notAnalysedFigure(analysis: AnalysisId, context: FigureContext): KeyFigure[] {
  const { reads } = analysisOf(analysis);
  if (!reads.includes('sites') || !reads.some((layer) => PLACE_LAYERS.includes(layer))) return [];
  const missing = sitesWithoutCoordinates(context.datasets.sites);
  if (missing.sites === 0) return [];
  return [
    {
      label: context.t('figure.notAnalysedNoCoordinates'),
      value: missing.sites,
      format: 'count',
      context: context.t('context.notAnalysedPeople', {
        people: formatFigure({ value: missing.individuals, format: 'count', language: context.language }),
      }),
    },
  ];
}

/** The key figures of `analysis` from its answer; empty until it has one. */
export function keyFiguresOf(
  analysis: AnalysisId | null,
  answers: AnalysisAnswers,
  context: FigureContext & { scope?: FigureScope },
): KeyFigure[] {
  if (!analysis) return [];
  const result = answers[analysis];
  if (!result) return [];
  const figures = [
    ...analysisOf(analysis).keyFigures(result, context),
    ...notAnalysedFigure(analysis, context),
  ];
  // Last, so each analysis's own figures keep their places; only with figures to put in scope.
  return context.scope && figures.length > 0 ? [...figures, scopeFigure(context, context.scope)] : figures;
}

export type CsvCell = string | number | null;

/**
 * The key figures as CSV rows: a header, then per figure its analysis, label,
 * the text as the panel and the snapshot show it, the plain number, its
 * format and context; sensitive figures carry the sensitivity label, in
 * `language` like the rest of the file.
 */
export function keyFiguresCsvRows(
  analysis: AnalysisId,
  figures: readonly KeyFigure[],
  language: Language,
): CsvCell[][] {
  const t = translator(language);
  const descriptor = analysisOf(analysis);
  const header: CsvCell[] = [
    t('figures.csv.sensitivity'),
    t('figures.csv.analysis'),
    t('figures.csv.figure'),
    t('figures.csv.text'),
    t('figures.csv.value'),
    t('figures.csv.format'),
    t('figures.csv.context'),
  ];
  return [
    header,
    ...figureTexts(figures, language).map((text, index) => {
      const value = figures[index]?.value ?? Number.NaN;
      return [
        descriptor.sensitive ? t('export.sensitivityLabel') : '',
        t(descriptor.name),
        text.label,
        text.value,
        Number.isFinite(value) ? value : null,
        text.format,
        text.context ?? '',
      ];
    }),
  ];
}
