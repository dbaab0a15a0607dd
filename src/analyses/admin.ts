/**
 * Totals by admin area: sites, households and people per area at the finest
 * level the boundaries provide (departments, communes or communal sections),
 * with a row for the sites in no area, optionally drawn as a commune
 * choropleth of people. Sites joined by their declared P-code and sites in
 * no area are listed by name, so nobody drops out unseen.
 */
import type { AdminRow, AdminTotals } from '../../workers/analysis/admin-aggregation';
import { CHOROPLETH_BREAKS, CHOROPLETH_COLORS } from '../map/palette';
import { adminSiteLists, finestRows } from './admin-site-lists';
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
    const { level, rows } = finestRows(admin);
    const areasInBoundaries = new Set(
      context.datasets.admin.features
        .filter((feature) => Number(feature.properties?.level) === level)
        .map((feature) => feature.properties?.pcode),
    ).size;
    const inAreas = rows.reduce((total, row) => total + row.individuals, 0);
    return [
      {
        label: t(LEVEL_WORDS[level].withSites),
        value: rows.filter((row) => row.sites > 0).length,
        format: 'count',
        context: ofTotal(context, LEVEL_WORDS[level].ofTotal, areasInBoundaries),
      },
      {
        label: t('figure.individuals'),
        value: inAreas + admin.unassigned.individuals,
        format: 'count',
        context: t('context.inSites', { count: context.totals.sites }),
      },
      ...(admin.unassigned.sites > 0
        ? [
            {
              label: t('figure.unassignedIndividuals'),
              value: admin.unassigned.individuals,
              format: 'count' as const,
              context: ofTotal(context, 'context.ofSites', admin.unassigned.sites),
            },
          ]
        : []),
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
        // Every level's areas: P-codes differ between levels, and the map fills the ones it draws.
        valueByPcode: new Map(
          [...admin.departments, ...admin.communes, ...admin.sections].map((row) => [
            row.pcode,
            row.individuals,
          ]),
        ),
      },
      legend: choroplethLegend(),
    };
    return [overlay];
  },
  summary(admin, context) {
    const { t } = context;
    const { level, rows } = finestRows(admin);
    const parentNames = new Map(
      [...admin.departments, ...admin.communes].map((row) => [row.pcode, row.name || row.pcode]),
    );
    const areaText = (row: AdminRow) => {
      const parent = level === 1 ? undefined : parentNames.get(parentCode(row.pcode, level));
      return parent ? `${row.name || row.pcode} — ${parent}` : row.name || row.pcode;
    };
    const tableRows = rows
      .filter((row) => row.sites > 0)
      .sort((a, b) => b.individuals - a.individuals)
      .map((row) => [areaText(row), figureText(context, row.sites), figureText(context, row.individuals)]);
    if (admin.unassigned.sites > 0)
      tableRows.push([
        t('admin.unassignedRow'),
        figureText(context, admin.unassigned.sites),
        figureText(context, admin.unassigned.individuals),
      ]);
    return [
      {
        kind: 'table',
        // Three columns fit the side panel; the parent area follows the area's name.
        headers: [t(LEVEL_WORDS[level].column), t('column.sites'), t('column.individuals')],
        rows: tableRows,
        caption: null,
      },
      ...adminSiteLists(admin, context),
    ];
  },
};

/** The words of each level: its column, its "with sites" figure and its "of N" context. */
const LEVEL_WORDS = {
  1: {
    column: 'column.department',
    withSites: 'figure.departmentsWithSites',
    ofTotal: 'context.ofDepartments',
  },
  2: { column: 'column.commune', withSites: 'figure.communesWithSites', ofTotal: 'context.ofCommunes' },
  3: { column: 'column.section', withSites: 'figure.sectionsWithSites', ofTotal: 'context.ofSections' },
} as const;

/** The parent's P-code in the COD-AB pattern: HT0111 → HT01, HT0111-01 → HT0111. */
function parentCode(pcode: string, level: 2 | 3): string {
  return pcode.slice(0, level === 3 ? 6 : 4);
}
