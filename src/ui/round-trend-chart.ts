/**
 * The trend of a scope (the country, an area, a site) over the rounds: its
 * people and sites as small charts, and the same values as a table for
 * screen readers. Each chart is one measure drawn as plain SVG from the model
 * in rounds/round-trend.ts: grid lines with their values, the known values
 * joined (an unknown value is a gap), a hollow point where some sites' counts
 * are unknown, and the round shown marked by a vertical line. Text only
 * through `textContent`; each picture is labelled with every value.
 */
import { formatDate, type Language, localeFor, type Translate } from '../i18n/translate';
import { countText } from '../rounds/round-figures';
import {
  chartedPeople,
  chartedSites,
  type RoundTotals,
  type TimelineStep,
  type TrendScope,
} from '../rounds/round-timeline';
import { type TrendLayout, trendChart } from '../rounds/round-trend';
import { element } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
const LAYOUT: TrendLayout = { width: 260, height: 78, left: 42, right: 10, top: 8, bottom: 16 };

/** What one chart shows. */
interface TrendChartInput {
  /** One value per round, earliest first; null when unknown. */
  values: readonly (number | null)[];
  /** Rounds where part of the sites' counts are unknown (the value is a lower bound). */
  partial: readonly boolean[];
  /** The label of each round (the first and last are written under the axis). */
  labels: readonly string[];
  /** The round shown. */
  current: number;
  /** Everything the chart says, for screen readers. */
  description: string;
  /** `people` or `sites`: the colour of its line. */
  measure: 'people' | 'sites';
  language: Language;
}

function svg<Tag extends keyof SVGElementTagNameMap>(
  tag: Tag,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[Tag] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const fixed = (value: number) => Number(value.toFixed(1));

/** The chart as an SVG element. */
function roundTrendChart(input: TrendChartInput): SVGSVGElement {
  const model = trendChart(input.values, input.current, LAYOUT);
  const compact = new Intl.NumberFormat(localeFor(input.language), {
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const root = svg('svg', {
    viewBox: `0 0 ${LAYOUT.width} ${LAYOUT.height}`,
    class: `round-trend-chart round-trend-${input.measure}`,
    role: 'img',
    'aria-label': input.description,
    'data-round-trend': input.measure,
  });
  const plotRight = LAYOUT.width - LAYOUT.right;
  for (const tick of model.ticks) {
    root.append(
      // Grid lines and values stand off the first round's point (its marker is 4 units wide).
      svg('line', {
        class: 'round-trend-grid',
        x1: LAYOUT.left - 6,
        x2: plotRight,
        y1: tick.y,
        y2: tick.y,
      }),
      svg(
        'text',
        { class: 'round-trend-tick', x: LAYOUT.left - 8, y: fixed(tick.y + 3), 'text-anchor': 'end' },
        compact.format(tick.value),
      ),
    );
  }
  if (model.current)
    root.append(
      svg('line', {
        class: 'round-trend-current',
        x1: fixed(model.current.x),
        x2: fixed(model.current.x),
        y1: LAYOUT.top,
        y2: model.baseline,
        'data-round-trend-current': model.current.index,
      }),
    );
  for (const line of model.lines)
    if (line.length > 1)
      root.append(
        svg('polyline', {
          class: 'round-trend-line',
          points: line.map((point) => `${fixed(point.x)},${fixed(point.y)}`).join(' '),
        }),
      );
  for (const point of model.points) {
    if (point.y === null) continue;
    const current = point.index === input.current;
    const partial = input.partial[point.index] === true;
    root.append(
      svg('circle', {
        class: `round-trend-point${current ? ' current' : ''}${partial ? ' partial' : ''}`,
        cx: fixed(point.x),
        cy: fixed(point.y),
        r: current ? 4 : 2.5,
      }),
    );
  }
  const first = input.labels[0];
  const last = input.labels.at(-1);
  const labelY = LAYOUT.height - 4;
  if (first !== undefined)
    root.append(
      svg('text', { class: 'round-trend-label', x: LAYOUT.left, y: labelY, 'text-anchor': 'start' }, first),
    );
  if (last !== undefined && input.labels.length > 1)
    root.append(
      svg('text', { class: 'round-trend-label', x: plotRight, y: labelY, 'text-anchor': 'end' }, last),
    );
  return root;
}

/** A total as text: a count, or with its unknown sites said beside; "unknown" when no count is known. */
export function totalText(
  t: Translate,
  language: Language,
  totals: RoundTotals,
  key: 'sites' | 'people' | 'households',
): string {
  const unknown =
    key === 'people' ? totals.peopleUnknown : key === 'households' ? totals.householdsUnknown : 0;
  if (unknown === 0) return countText(language, totals[key]);
  if (unknown >= totals.sites) return t('rounds.unknownValue');
  return t('rounds.unknownCell', {
    value: countText(language, totals[key]),
    unknown: countText(language, unknown),
  });
}

const scopeName = (t: Translate, scope: TrendScope) =>
  scope.kind === 'country'
    ? t('timeline.country')
    : t(scope.kind === 'site' ? 'timeline.scopeSite' : 'timeline.scopeArea', { name: scope.name });

/** One scope's block: its name, its charts (people, and sites unless it is one site) and the table of their values. */
export function trendBlock(
  t: Translate,
  language: Language,
  steps: readonly TimelineStep[],
  current: number,
  scope: TrendScope,
  totals: readonly RoundTotals[],
): HTMLElement {
  const name = scopeName(t, scope);
  const labels = steps.map((step) => step.label);
  const peopleText = (each: RoundTotals) =>
    scope.kind === 'site' && each.sites === 0
      ? t('timeline.siteAbsent')
      : totalText(t, language, each, 'people');
  const measures = [
    {
      measure: 'people' as const,
      values: totals.map((each) => chartedPeople(each, scope)),
      texts: totals.map(peopleText),
      partial: totals.map((each) => each.peopleUnknown > 0 && each.peopleUnknown < each.sites),
    },
    ...(scope.kind === 'site'
      ? []
      : [
          {
            measure: 'sites' as const,
            values: totals.map((each) => chartedSites(each, scope)),
            texts: totals.map((each) => countText(language, each.sites)),
            partial: totals.map(() => false),
          },
        ]),
  ];
  const charts = measures.map(({ measure, values, texts, partial }) => {
    const title = t(`timeline.${measure}`);
    const description = t('timeline.chartLabel', {
      measure: title,
      scope: name,
      values: texts
        .map((value, index) => t('timeline.chartValue', { label: labels[index] ?? '', value }))
        .join(' ; '),
    });
    return element('figure', { className: 'round-trend' }, [
      element('figcaption', { text: title, attributes: { 'aria-hidden': 'true' } }),
      roundTrendChart({ values, partial, labels, current, description, measure, language }),
    ]);
  });
  const table = element(
    'table',
    { className: 'visually-hidden', attributes: { 'data-round-trend-table': '' } },
    [
      element('caption', { text: t('timeline.tableCaption', { scope: name }) }),
      element('thead', {}, [
        element(
          'tr',
          {},
          [
            t('timeline.columnRound'),
            t('timeline.columnDate'),
            ...measures.map(({ measure }) => t(`timeline.${measure}`)),
          ].map((text) => element('th', { text, attributes: { scope: 'col' } })),
        ),
      ]),
      element(
        'tbody',
        {},
        steps.map((step, index) =>
          element('tr', { attributes: { 'aria-current': index === current ? 'true' : undefined } }, [
            element('th', { text: step.label, attributes: { scope: 'row' } }),
            element('td', { text: formatDate(language, step.asOf) }),
            ...measures.map(({ texts }) => element('td', { text: texts[index] ?? '' })),
          ]),
        ),
      ),
    ],
  );
  return element(
    'section',
    { className: 'round-trend-scope', attributes: { 'data-round-trend-scope': scope.kind } },
    [element('h4', { text: name }), element('div', { className: 'round-trend-charts' }, charts), table],
  );
}
