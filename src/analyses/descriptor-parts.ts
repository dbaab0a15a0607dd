/**
 * Pieces several descriptors share: site indices where a condition holds,
 * the "of N sites" context of a figure, and the exposure summary table.
 */
import type { ExposureRow } from '../../workers/analysis/hazard-exposure';
import type { MessageKey } from '../i18n/fr';
import type { FigureContext, SummaryBlock } from './analysis-descriptor';
import { type FigureFormat, formatFigure } from './figure-format';

/** Indices in 0…count−1 where `predicate` holds. */
export function indicesWhere(count: number, predicate: (index: number) => boolean): number[] {
  const indices: number[] = [];
  for (let index = 0; index < count; index++) if (predicate(index)) indices.push(index);
  return indices;
}

/** A number as a figure reads it (same function as the figure itself). */
export function figureText(context: FigureContext, value: number, format: FigureFormat = 'count'): string {
  return formatFigure({ value, format, language: context.language });
}

/** "of 400 sites"-style context: the denominator of a figure. */
export function ofTotal(
  context: FigureContext,
  key: Extract<MessageKey, `context.of${string}`>,
  total: number,
): string {
  return context.t(key, { total: figureText(context, total) });
}

/** Context parts joined: "farther than 5 km — of 400 sites". */
export function joinContext(...parts: (string | null)[]): string | null {
  const kept = parts.filter((part): part is string => Boolean(part));
  return kept.length > 0 ? kept.join(' — ') : null;
}

/** Sites, households and people per hazard type × severity (rows without sites left out). */
export function exposureTable(rows: readonly ExposureRow[], context: FigureContext): SummaryBlock {
  const { t } = context;
  return {
    kind: 'table',
    headers: [t('column.hazard'), t('column.sites'), t('column.households'), t('column.individuals')],
    rows: rows
      .filter((row) => row.sites > 0)
      .map((row) => [
        `${t(`hazardType.${row.hazardType}`)} — ${t(`severity.${row.severity}`)}`,
        figureText(context, row.sites),
        figureText(context, row.households),
        figureText(context, row.individuals),
      ]),
    caption: null,
  };
}
