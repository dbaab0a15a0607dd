/**
 * Access constraints: sites inside or within a user-set distance of a
 * gang-controlled area, by the most severe control level. Everything it
 * shows derives from the gang-control layer, so it is sensitive.
 */
import type { AccessConstraints } from '../../workers/analysis/access-constraints';
import { CONTROL_LEVELS } from '../domain/types';
import type { AnalysisDescriptor } from './analysis-descriptor';
import { figureText, indicesWhere, joinContext, ofTotal } from './descriptor-parts';
import { formatFigure } from './figure-format';
import { controlLevelLabel, distanceText, rounded, UNKNOWN } from './labels';
import { ACCESS_DISTANCE } from './parameters';

/**
 * A control-level sort key where larger is more severe: controlled above
 * contested above influence, and within a level the closer site first; 0 for
 * sites outside every control buffer.
 */
function controlSeverity(level: number, meters: number): number {
  if (level < 0) return 0;
  const distance = Number.isFinite(meters) ? Math.min(Math.max(meters, 0), 999_999) : 999_999;
  return (CONTROL_LEVELS.length - level) * 1_000_000 - distance;
}

export const accessAnalysis: AnalysisDescriptor<'access', AccessConstraints> = {
  id: 'access',
  name: 'analysis.access',
  description: 'analysis.description.access',
  input: 'none',
  run: {
    kind: 'long',
    channel: 'access',
    start: (remote, parameters, _input, requestId, onProgress) =>
      remote.runAccess(parameters.accessDistanceMeters, { requestId }, onProgress),
  },
  parameters: [ACCESS_DISTANCE],
  reads: ['sites', 'control'],
  requires: ['sites', 'control'],
  sensitive: true,
  mapMode: 'select',
  panel: {},
  keyFigures(access, context) {
    const threshold = context.t('context.withinOfArea', {
      distance: figureText(context, access.distanceMeters, 'metres'),
    });
    const people = ofTotal(context, 'context.ofPeople', context.totals.individuals);
    // Each site counts once, under its most severe level: the levels add up to the total.
    const total = access.summary.reduce((sum, row) => sum + row.individuals, 0);
    return [
      {
        label: context.t('figure.constrainedTotal'),
        value: total,
        format: 'count',
        context: joinContext(threshold, people),
      },
      ...CONTROL_LEVELS.map((level) => ({
        label: context.t('figure.constrainedIndividuals', { level: context.t(`controlLevel.${level}`) }),
        value: access.summary.find((row) => row.level === level)?.individuals ?? 0,
        format: 'count' as const,
        context: joinContext(threshold, people),
      })),
    ];
  },
  flagged: {
    sites: (access) => indicesWhere(access.siteLevel.length, (site) => (access.siteLevel[site] ?? -1) >= 0),
    reason: (access, t, language) =>
      t('legend.flag.access', {
        distance: formatFigure({ value: access.distanceMeters, format: 'metres', language }),
      }),
  },
  siteFlags: ['accessConstrained'],
  tableColumns: [
    {
      id: 'control',
      label: 'siteTable.column.control',
      description: 'siteTable.describe.control',
      sensitive: true,
      sortKey: (flags) => {
        const keys = new Float64Array(flags.count);
        flags.controlLevel.forEach((level, index) => {
          keys[index] = controlSeverity(level, flags.controlMeters[index] ?? Number.NaN);
        });
        return keys;
      },
      cell: (flags, index, language, t) => {
        const level = flags.controlLevel[index];
        if (level === undefined) return UNKNOWN;
        if (level < 0) return t('siteTable.noControl');
        const meters = flags.controlMeters[index] ?? Number.NaN;
        const where = meters <= 0 ? t('siteTable.insideControl') : distanceText(language, meters);
        return `${controlLevelLabel(t, level)} · ${where}`;
      },
      csv: [
        {
          header: 'siteTable.csv.controlLevel',
          hxl: '#indicator+access+control_level',
          value: (flags, index, t) => {
            const level = flags.controlLevel[index];
            return level === undefined ? null : controlLevelLabel(t, level);
          },
        },
        {
          header: 'siteTable.csv.controlMeters',
          hxl: '#indicator+access+distance_m+num',
          value: (flags, index) => rounded(flags.controlMeters[index]),
        },
      ],
    },
  ],
  overlays: () => [],
  summary: (access, context) => [
    {
      kind: 'table',
      headers: [
        context.t('column.level'),
        context.t('column.sites'),
        context.t('column.households'),
        context.t('column.individuals'),
      ],
      rows: access.summary.map((row) => [
        context.t(`controlLevel.${row.level}`),
        figureText(context, row.sites),
        figureText(context, row.households),
        figureText(context, row.individuals),
      ]),
      caption: null,
    },
  ],
};
