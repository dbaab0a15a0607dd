/**
 * The movements layer in words and swatches (issue 17), for the Movements
 * section and the map product alike: the host-pressure classes with their
 * round limits and the "no data" entry, and the product's legend blocks — the
 * arcs (the categories shown in their colours, how direction reads, and line
 * widths for round numbers of people) headed by the period, then the
 * host-pressure classes and the highest pressure when they are shown — with the source (the demo's
 * fictional movements mark the product synthetic).
 */
import type { MovementSummary } from '../../workers/analysis/flow-aggregation';
import { FLOW_CATEGORIES } from '../flows/flow-categories';
import { highestHostPressure } from '../flows/flow-panel-rows';
import { selectedFlows } from '../flows/flow-selection';
import type { FlowState } from '../flows/flow-state';
import { formatNumber, type Language, localeFor, translator } from '../i18n/translate';
import {
  FLOW_LEGEND,
  FLOW_WIDTH_COLOR,
  flowCategorySymbol,
  flowWidth,
  HOST_PRESSURE_ALPHA,
  HOST_PRESSURE_BREAKS,
  HOST_PRESSURE_COLORS,
  HOST_PRESSURE_NO_DATA,
  HOST_PRESSURE_NO_DATA_ALPHA,
} from './flow-palette';
import type { LegendSymbol } from './palette';
import type { LegendBlock, ProductMovements } from './snapshot-content';

type LegendLine = LegendBlock['entries'][number];

/**
 * A host pressure as people read it: two significant digits, so a small
 * pressure stays visible (0.0039, not 0) and a large one stays short (1.3).
 */
export function formatHostPressure(language: Language, pressure: number): string {
  return new Intl.NumberFormat(localeFor(language), { maximumSignificantDigits: 2 }).format(pressure);
}

/** "Highest host pressure: Jacmel (0.42 arrivals per displaced person)", or that there is none. */
export function highestPressureText(
  summary: MovementSummary,
  communes: FlowState['communes'],
  language: Language,
): string {
  const t = translator(language);
  const highest = highestHostPressure(summary, communes);
  return highest
    ? t('flows.pressure.highest', {
        commune: highest.name,
        value: formatHostPressure(language, highest.hostPressure),
      })
    : t('flows.pressure.none');
}

/** One entry per host-pressure class ("under 0.05", "0.05 – 0.1", …, "0.5 or more"), then "no data". */
export function hostPressureLegend(language: Language): LegendLine[] {
  const t = translator(language);
  const number = (value: number) => formatNumber(language, value, 2);
  const classes = HOST_PRESSURE_COLORS.map((color, index): LegendLine => {
    const lower = HOST_PRESSURE_BREAKS[index - 1];
    const upper = HOST_PRESSURE_BREAKS[index];
    const label =
      lower === undefined
        ? t('flows.pressure.below', { upper: number(upper ?? 0) })
        : upper === undefined
          ? t('flows.pressure.top', { lower: number(lower) })
          : t('flows.pressure.class', { lower: number(lower), upper: number(upper) });
    return {
      key: `pressure-${index}`,
      symbol: { kind: 'fill', color, fillAlpha: HOST_PRESSURE_ALPHA },
      label,
    };
  });
  return [
    ...classes,
    {
      key: 'pressure-none',
      symbol: { kind: 'fill', color: HOST_PRESSURE_NO_DATA, fillAlpha: HOST_PRESSURE_NO_DATA_ALPHA },
      label: t('flows.pressure.noData'),
    },
  ];
}

const ROUND_COUNTS = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];

/** Up to three round numbers of people at or under the largest movement, a factor of 5 or more apart. */
export function legendCounts(largest: number): number[] {
  const chosen: number[] = [];
  for (const count of ROUND_COUNTS.filter((value) => value <= largest).reverse()) {
    const last = chosen.at(-1);
    if (last === undefined || last / count >= 5) chosen.push(count);
    if (chosen.length === 3) break;
  }
  return chosen;
}

/** The first and last day of the selection: the filter's ends, else the records' own. */
export function flowPeriod(
  flows: Pick<FlowState, 'records' | 'filter'>,
): { from: string; to: string } | null {
  const dates = selectedFlows(flows.records, flows.filter)
    .map((record) => record.date)
    .sort();
  const from = flows.filter.fromDate ?? dates[0];
  const to = flows.filter.toDate ?? dates.at(-1);
  return from && to ? { from, to } : null;
}

/** The movements as a product prints them; null when they are not shown or none are loaded. */
export function productMovements(flows: FlowState, language: Language): ProductMovements | null {
  if (!flows.shown || flows.source === null) return null;
  const t = translator(language);
  const period = flowPeriod(flows);
  const shown = selectedFlows(flows.records, flows.filter);
  const largest = shown.reduce((most, record) => Math.max(most, record.count), 0);
  const widths = legendCounts(largest).map(
    (count): LegendLine => ({
      key: `width-${count}`,
      symbol: { kind: 'line', color: FLOW_WIDTH_COLOR, width: flowWidth(count, largest), dashed: false },
      label: t('flows.product.width', { people: formatNumber(language, count) }),
    }),
  );
  const categories = FLOW_CATEGORIES.filter((category) => flows.filter.categories.has(category)).map(
    (category): LegendLine => ({
      key: `category-${category}`,
      symbol: flowCategorySymbol(category),
      label: t(`flows.category.${category}`),
    }),
  );
  const arcs: LegendBlock = {
    key: 'movements',
    heading: period ? t('flows.product.heading', period) : t('flows.title'),
    entries: [
      ...categories,
      ...FLOW_LEGEND.filter((entry) => flows.entriesShown || !entry.key.startsWith('entry-')).map(
        (entry): LegendLine => ({
          key: entry.key,
          symbol: entry.symbol as LegendSymbol,
          label: t(entry.label),
        }),
      ),
      ...widths,
    ],
    note: null,
    sensitive: false,
  };
  const pressure: LegendBlock[] =
    flows.pressureShown && flows.summary
      ? [
          {
            key: 'hostPressure',
            heading: t('flows.pressure.heading'),
            entries: hostPressureLegend(language),
            // The key figure of the map, where the classes are read.
            note: highestPressureText(flows.summary, flows.communes, language),
            sensitive: false,
          },
        ]
      : [];
  const source = flows.source;
  return {
    legend: [arcs, ...pressure],
    source:
      source === 'demo'
        ? t('flows.product.sourceDemo')
        : t('flows.product.sourceFile', { file: source.fileName }),
    synthetic: source === 'demo',
  };
}
