/**
 * Totals by admin area: sites, households and people per commune and
 * department, optionally drawn as a commune choropleth of people.
 */
import type { AdminTotals } from '../../workers/analysis/admin-aggregation';
import { CHOROPLETH_BREAKS, CHOROPLETH_COLORS } from '../map/palette';
import type { AnalysisDescriptor, Overlay, OverlayLegendEntry } from './analysis-descriptor';
import { figureText, ofTotal } from './descriptor-parts';
import { formatFigure } from './figure-format';

/** One legend entry per choropleth class: "1 000 – 4 999", …, "≥ 50 000". */
function choroplethLegend(): OverlayLegendEntry[] {
  const lowers = [0, ...CHOROPLETH_BREAKS];
  return CHOROPLETH_COLORS.map((color, index) => {
    const lower = lowers[index] ?? 0;
    const upper = CHOROPLETH_BREAKS[index];
    return {
      key: `choropleth-${index}`,
      symbol: { kind: 'fill', color, fillAlpha: 190 },
      label: (t, language) => {
        const count = (value: number) => formatFigure({ value, format: 'count', language });
        return upper === undefined
          ? t('legend.choroplethTop', { lower: count(lower) })
          : t('legend.choroplethClass', { lower: count(lower), upper: count(upper - 1) });
      },
    };
  });
}

export const adminAnalysis: AnalysisDescriptor<'admin', AdminTotals> = {
  id: 'admin',
  name: 'analysis.admin',
  description: 'analysis.description.admin',
  input: 'none',
  run: {
    kind: 'long',
    channel: 'admin',
    start: (remote, _parameters, _input, requestId, onProgress) =>
      remote.runByAdmin({ requestId }, onProgress),
  },
  parameters: [],
  reads: ['sites', 'admin'],
  requires: ['sites', 'admin'],
  sensitive: false,
  mapMode: 'select',
  panel: { choroplethToggle: 'analysis.choropleth' },
  keyFigures(admin, context) {
    const { t } = context;
    return [
      {
        label: t('figure.communesWithSites'),
        value: admin.communes.filter((row) => row.sites > 0).length,
        format: 'count',
        context: ofTotal(context, 'context.ofCommunes', admin.communes.length),
      },
      {
        label: t('figure.individuals'),
        value: admin.communes.reduce((total, row) => total + row.individuals, 0),
        format: 'count',
        context: t('context.inSites', { count: context.totals.sites }),
      },
    ];
  },
  flagged: null,
  siteFlags: [],
  tableColumns: [],
  overlays(admin, options) {
    if (!options.choropleth) return [];
    const overlay: Overlay = {
      spec: {
        kind: 'commune-classes',
        valueByPcode: new Map(admin.communes.map((row) => [row.pcode, row.individuals])),
      },
      legend: choroplethLegend(),
    };
    return [overlay];
  },
  summary(admin, context) {
    const { t } = context;
    const departments = new Map(admin.departments.map((row) => [row.pcode, row.name]));
    const communes = admin.communes
      .filter((row) => row.sites > 0)
      .sort((a, b) => b.individuals - a.individuals);
    return [
      {
        kind: 'table',
        // Three columns fit the side panel; the department follows the commune's name.
        headers: [t('column.commune'), t('column.sites'), t('column.individuals')],
        rows: communes.map((row) => [
          `${row.name || row.pcode} — ${departments.get(row.pcode.slice(0, 4)) ?? row.pcode.slice(0, 4)}`,
          figureText(context, row.sites),
          figureText(context, row.individuals),
        ]),
        caption: null,
      },
      ...(admin.fallbackSites > 0
        ? [{ kind: 'note' as const, text: t('analysis.fallbackSites', { count: admin.fallbackSites }) }]
        : []),
    ];
  },
};
