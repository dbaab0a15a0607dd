/**
 * Service coverage against Sphere: water within 500 m, health within a
 * user-set distance, and the load on each water point.
 */
import type { ServiceCoverage } from '../../workers/analysis/service-coverage';
import type { SiteFlags } from '../../workers/analysis/site-flags';
import { WATER_DISTANCE_METRES } from '../../workers/analysis/sphere-standards';
import type { AnalysisColumn, AnalysisDescriptor } from './analysis-descriptor';
import { figureText, indicesWhere, joinContext, ofTotal } from './descriptor-parts';
import { formatFigure } from './figure-format';
import { distanceText, rounded } from './labels';
import { HEALTH_DISTANCE } from './parameters';

type DistanceColumn = 'waterMeters' | 'healthMeters' | 'distributionMeters';

/** A distance-to-service column of the site table. */
function distanceColumn(id: 'water' | 'health' | 'distribution', field: DistanceColumn): AnalysisColumn {
  const values = (flags: SiteFlags) => flags[field];
  return {
    id,
    label: `siteTable.column.${id}`,
    description: `siteTable.describe.${id}`,
    sensitive: false,
    sortKey: values,
    cell: (flags, index, language) => distanceText(language, values(flags)[index]),
    csv: [
      {
        header: `siteTable.csv.${field}`,
        hxl: `#indicator+${id}+distance_m+num`,
        value: (flags, index) => rounded(values(flags)[index]),
      },
    ],
  };
}

export const coverageAnalysis: AnalysisDescriptor<'coverage', ServiceCoverage> = {
  id: 'coverage',
  name: 'analysis.coverage',
  description: 'analysis.description.coverage',
  input: 'none',
  run: {
    kind: 'long',
    channel: 'coverage',
    start: (remote, parameters, _input, requestId, onProgress) =>
      remote.runCoverage(parameters.healthDistanceMeters, { requestId }, onProgress),
  },
  parameters: [HEALTH_DISTANCE],
  reads: ['sites', 'services'],
  requires: ['sites', 'services'],
  sensitive: false,
  mapMode: 'select',
  panel: {},
  keyFigures(coverage, context) {
    const { t } = context;
    const people = ofTotal(context, 'context.ofPeople', coverage.individualsTotal);
    const water = t('context.within', { distance: figureText(context, WATER_DISTANCE_METRES, 'metres') });
    return [
      {
        label: t('figure.shareWithWater'),
        value: coverage.shareCovered,
        format: 'percent',
        context: joinContext(water, people),
      },
      {
        label: t('figure.individualsWithoutWater'),
        value: coverage.individualsTotal - coverage.individualsCovered,
        format: 'count',
        context: people,
      },
      {
        label: t('figure.sitesHealthBeyond'),
        value: coverage.healthBeyondReach.reduce((total, flag) => total + flag, 0),
        format: 'count',
        context: joinContext(
          t('context.fartherThan', {
            distance: figureText(context, coverage.healthDistanceMeters, 'metres'),
          }),
          ofTotal(context, 'context.ofSites', coverage.healthBeyondReach.length),
        ),
      },
      {
        label: t('figure.overloadedWaterPoints'),
        value: coverage.waterPointLoads.filter((load) => load.overloaded).length,
        format: 'count',
        context: joinContext(
          t('context.aboveSphere'),
          ofTotal(context, 'context.ofWaterPoints', coverage.waterPointLoads.length),
        ),
      },
    ];
  },
  flagged: {
    sites: (coverage) =>
      indicesWhere(
        coverage.waterBeyondSphere.length,
        (site) => coverage.waterBeyondSphere[site] === 1 || coverage.healthBeyondReach[site] === 1,
      ),
    reason: (coverage, t, language) =>
      t('legend.flag.coverage', {
        water: formatFigure({ value: WATER_DISTANCE_METRES, format: 'metres', language }),
        health: formatFigure({ value: coverage.healthDistanceMeters, format: 'metres', language }),
      }),
  },
  siteFlags: ['waterBeyondSphere', 'healthBeyondReach', 'waterPointOverloaded'],
  tableColumns: [
    distanceColumn('water', 'waterMeters'),
    distanceColumn('health', 'healthMeters'),
    distanceColumn('distribution', 'distributionMeters'),
  ],
  overlays: () => [],
  summary(coverage, context) {
    const { t } = context;
    const overloaded = coverage.waterPointLoads
      .filter((load) => load.overloaded)
      .sort((a, b) => b.individuals - a.individuals);
    const services = context.datasets.services.features;
    return [
      { kind: 'note', text: t('analysis.sphereWater') },
      overloaded.length === 0
        ? { kind: 'note', text: t('analysis.noneOverloaded') }
        : {
            kind: 'table',
            headers: [t('column.name'), t('column.load'), t('column.maximum')],
            rows: overloaded
              .slice(0, 12)
              .map((load) => [
                services[load.serviceIndex]?.properties.name ?? String(load.serviceIndex),
                figureText(context, load.individuals),
                load.maximumPeople === null ? '—' : figureText(context, load.maximumPeople),
              ]),
            caption: t('analysis.overloadedWaterPoints'),
          },
    ];
  },
};
