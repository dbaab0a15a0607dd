/**
 * Hazard exposure: the sites, households and people inside each hazard zone,
 * counted by type and severity (a site in several zones of a type counts
 * once, at the highest severity).
 */
import type { HazardExposure } from '../../workers/analysis/hazard-exposure';
import type { SiteFlags } from '../../workers/analysis/site-flags';
import { type Datasets, HAZARD_TYPES, type HazardType, type HazardZoneCollection } from '../domain/types';
import type { Translate } from '../i18n/translate';
import type { AnalysisColumn, AnalysisDescriptor, SummaryBlock } from './analysis-descriptor';
import { exposureTable, indicesWhere, joinContext, ofTotal } from './descriptor-parts';
import { severityLabel, UNKNOWN } from './labels';

/** Hazards that come with water: one figure counts their people once, apart from earthquakes. */
const WATER_RELATED_HAZARDS: readonly HazardType[] = ['flood', 'storm_surge', 'landslide'];

/**
 * People in sites exposed to at least one of `types` (any severity), each
 * site counted once: unlike the per-type figures, these do not double count.
 */
export function exposedIndividuals(
  exposure: HazardExposure,
  datasets: Datasets,
  types: readonly HazardType[],
): number {
  const columns = types.map((type) => HAZARD_TYPES.indexOf(type));
  let total = 0;
  datasets.sites.features.forEach((feature, site) => {
    const exposed = columns.some(
      (column) => (exposure.worstSeverity[site * HAZARD_TYPES.length + column] ?? -1) >= 0,
    );
    if (exposed) total += Number(feature.properties?.individuals) || 0;
  });
  return total;
}

/** A column per hazard type: the severity of that type's zone the site lies in, "none" outside. */
function hazardTypeColumn(hazardType: HazardType): AnalysisColumn {
  const type = HAZARD_TYPES.indexOf(hazardType);
  const rankOf = (flags: SiteFlags, index: number) =>
    flags.hazardSeverityByType[index * HAZARD_TYPES.length + type];
  return {
    id: `hazard_${hazardType}`,
    label: `siteTable.column.hazard_${hazardType}`,
    description: `siteTable.describe.hazard_${hazardType}`,
    sensitive: false,
    sortKey: (flags) => {
      const keys = new Float64Array(flags.count);
      for (let index = 0; index < flags.count; index += 1) keys[index] = rankOf(flags, index) ?? Number.NaN;
      return keys;
    },
    cell: (flags, index, _language, t) => {
      const rank = rankOf(flags, index);
      return rank === undefined ? UNKNOWN : severityLabel(t, rank);
    },
    csv: [
      {
        header: `siteTable.csv.hazard_${hazardType}`,
        hxl: `#indicator+hazard+${hazardType}+severity`,
        value: (flags, index, t) => {
          const rank = rankOf(flags, index);
          return rank === undefined ? null : severityLabel(t, rank);
        },
      },
    ],
  };
}

export const exposureAnalysis: AnalysisDescriptor<'exposure', HazardExposure> = {
  id: 'exposure',
  name: 'analysis.exposure',
  description: 'analysis.description.exposure',
  input: 'none',
  run: {
    kind: 'long',
    channel: 'exposure',
    start: (remote, _parameters, _input, requestId, onProgress) =>
      remote.runExposure({ requestId }, onProgress),
  },
  parameters: [],
  reads: ['sites', 'hazards'],
  requires: ['sites', 'hazards'],
  sensitive: false,
  mapMode: 'select',
  panel: {},
  keyFigures(exposure, context) {
    const { t } = context;
    const people = ofTotal(context, 'context.ofPeople', context.totals.individuals);
    const perHazard = HAZARD_TYPES.map((hazardType) => ({
      label: t('figure.exposedIndividuals', { hazard: t(`hazardType.${hazardType}`) }),
      value: exposure.summary
        .filter((row) => row.hazardType === hazardType)
        .reduce((total, row) => total + row.individuals, 0),
      format: 'count' as const,
      context: joinContext(people, t('context.countedPerHazard')),
    }));
    return [
      {
        label: t('figure.exposedWaterRelated'),
        value: exposedIndividuals(exposure, context.datasets, WATER_RELATED_HAZARDS),
        format: 'count',
        context: joinContext(people, t('context.countedOnce')),
      },
      {
        label: t('figure.exposedEarthquake'),
        value: exposedIndividuals(exposure, context.datasets, ['earthquake']),
        format: 'count',
        context: people,
      },
      ...perHazard,
    ];
  },
  flagged: {
    sites: (exposure) => {
      const { offsets } = exposure.siteZones;
      return indicesWhere(offsets.length - 1, (site) => (offsets[site + 1] ?? 0) > (offsets[site] ?? 0));
    },
    reason: (_exposure, t) => t('legend.flag.exposure'),
  },
  siteFlags: ['hazardExposed', 'hazardHigh'],
  tableColumns: [
    {
      id: 'hazard',
      label: 'siteTable.column.hazard',
      description: 'siteTable.describe.hazard',
      sensitive: false,
      sortKey: (flags) => Float64Array.from(flags.worstHazardSeverity),
      cell: (flags, index, _language, t) => {
        const rank = flags.worstHazardSeverity[index];
        return rank === undefined ? UNKNOWN : severityLabel(t, rank);
      },
      csv: [
        {
          header: 'siteTable.csv.hazard',
          hxl: '#indicator+hazard+severity',
          value: (flags, index, t) => {
            const rank = flags.worstHazardSeverity[index];
            return rank === undefined ? null : severityLabel(t, rank);
          },
        },
      ],
    },
    ...HAZARD_TYPES.map(hazardTypeColumn),
  ],
  overlays: () => [],
  summary: (exposure, context) => [
    exposureTable(exposure.summary, context),
    { kind: 'note', text: context.t('analysis.exposureDoubleCount') },
    ...repairedZonesNote(context.datasets.hazards, context.t),
  ],
};

/**
 * Names the zones whose geometry was repaired at import (a self-intersecting
 * polygon split into simple parts), so a figure built on a repaired zone says so.
 */
export function repairedZonesNote(hazards: HazardZoneCollection, t: Translate): SummaryBlock[] {
  const names = hazards.features
    .filter((feature) => feature.properties.repaired !== undefined)
    .map((feature) => feature.properties.name || feature.properties.id);
  if (names.length === 0) return [];
  return [{ kind: 'note', text: t('analysis.repairedZones', { zones: names.join(', ') }) }];
}
