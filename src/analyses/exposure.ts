/**
 * Hazard exposure: the sites, households and people inside each hazard zone,
 * counted by type and severity (a site in several zones of a type counts
 * once, at the highest severity).
 */
import type { HazardExposure } from '../../workers/analysis/hazard-exposure';
import { HAZARD_TYPES, type HazardZoneCollection } from '../domain/types';
import type { Translate } from '../i18n/translate';
import type { AnalysisDescriptor, SummaryBlock } from './analysis-descriptor';
import { exposureTable, indicesWhere, ofTotal } from './descriptor-parts';
import { severityLabel, UNKNOWN } from './labels';

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
    return HAZARD_TYPES.map((hazardType) => ({
      label: context.t('figure.exposedIndividuals', { hazard: context.t(`hazardType.${hazardType}`) }),
      value: exposure.summary
        .filter((row) => row.hazardType === hazardType)
        .reduce((total, row) => total + row.individuals, 0),
      format: 'count',
      context: ofTotal(context, 'context.ofPeople', context.totals.individuals),
    }));
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
  ],
  overlays: () => [],
  summary: (exposure, context) => [
    exposureTable(exposure.summary, context),
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
