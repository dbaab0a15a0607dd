/**
 * Key figures of the active analysis from its descriptor, with the totals
 * they are put in context with, and the key-figures CSV. Pure: answers in,
 * translated figures (numbers and their format, not yet text) out; the text
 * is always made by `formatFigure`.
 */
import type { Datasets } from '../domain/types';
import { type Language, translator } from '../i18n/translate';
import type { FigureContext, KeyFigure } from './analysis-descriptor';
import { figureTexts } from './figure-format';
import type { AnalysisParameters } from './parameters';
import { type AnalysisAnswers, type AnalysisId, analysisOf } from './registry';

const totalsCache = new WeakMap<Datasets['sites'], FigureContext['totals']>();

/** Sites, households and people on the map: the denominators of the figures. */
export function siteTotals(sites: Datasets['sites']): FigureContext['totals'] {
  let totals = totalsCache.get(sites);
  if (!totals) {
    let households = 0;
    let individuals = 0;
    for (const site of sites.features) {
      households += Number(site.properties?.households) || 0;
      individuals += Number(site.properties?.individuals) || 0;
    }
    totals = { sites: sites.features.length, households, individuals };
    totalsCache.set(sites, totals);
  }
  return totals;
}

export function figureContext(language: Language, parameters: AnalysisParameters, datasets: Datasets) {
  return {
    t: translator(language),
    language,
    parameters,
    datasets,
    totals: siteTotals(datasets.sites),
  } satisfies FigureContext;
}

/** The key figures of `analysis` from its answer; empty until it has one. */
export function keyFiguresOf(
  analysis: AnalysisId | null,
  answers: AnalysisAnswers,
  context: FigureContext,
): KeyFigure[] {
  if (!analysis) return [];
  const result = answers[analysis];
  return result ? analysisOf(analysis).keyFigures(result, context) : [];
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
