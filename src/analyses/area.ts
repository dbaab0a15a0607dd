/**
 * Area of interest: the sites inside a polygon or circle the user draws,
 * their totals and their hazard exposure. The answer keeps its shape, so the
 * outline is drawn from the answer, not from the drawing.
 */
import type { AreaOfInterest, AreaShape } from '../../workers/analysis/area-of-interest';
import { shapeOutline } from '../map/drawing';
import { ANALYSIS_INK } from '../map/palette';
import type { AnalysisDescriptor, Overlay } from './analysis-descriptor';
import { exposureTable, ofTotal } from './descriptor-parts';

/** The worker's answer with the shape it was asked about. */
export type AreaAnswer = AreaOfInterest & { shape: AreaShape };

export const areaAnalysis: AnalysisDescriptor<'area', AreaAnswer, AreaShape> = {
  id: 'area',
  name: 'analysis.area',
  description: 'analysis.description.area',
  input: 'area-shape',
  run: {
    kind: 'long',
    channel: 'area',
    start: async (remote, _parameters, shape, requestId, onProgress) => {
      const answer = await remote.runAreaOfInterest(shape, { requestId }, onProgress);
      return answer.status === 'done' ? { ...answer, result: { ...answer.result, shape } } : answer;
    },
  },
  parameters: [],
  reads: ['sites', 'hazards'],
  requires: ['sites'],
  sensitive: false,
  mapMode: 'select',
  panel: {
    mapModes: [
      { mode: 'draw-polygon', label: 'analysis.drawPolygon', hint: 'analysis.drawPolygonHint' },
      { mode: 'draw-circle', label: 'analysis.drawCircle', hint: 'analysis.drawCircleHint' },
    ],
    emptyHint: 'analysis.areaEmpty',
  },
  keyFigures(area, context) {
    const { t, totals } = context;
    return [
      {
        label: t('figure.sitesInArea'),
        value: area.sites,
        format: 'count',
        context: ofTotal(context, 'context.ofSites', totals.sites),
      },
      {
        label: t('figure.householdsInArea'),
        value: area.households,
        format: 'count',
        context: ofTotal(context, 'context.ofHouseholds', totals.households),
      },
      {
        label: t('figure.individualsInArea'),
        value: area.individuals,
        format: 'count',
        context: ofTotal(context, 'context.ofPeople', totals.individuals),
      },
    ];
  },
  flagged: {
    sites: (area) => Array.from(area.siteIndices),
    reason: (_area, t) => t('legend.flag.area'),
  },
  siteFlags: [],
  tableColumns: [],
  overlays(area) {
    const outline = shapeOutline(area.shape);
    const overlays: Overlay[] = [];
    if (outline)
      overlays.push({
        spec: { kind: 'area-outline', outline },
        legend: [
          {
            key: 'area-outline',
            symbol: { kind: 'fill', color: ANALYSIS_INK, fillAlpha: 18 },
            label: (t) => t('legend.area'),
          },
        ],
      });
    return overlays;
  },
  summary: (area, context) =>
    area.exposure.some((row) => row.sites > 0) ? [exposureTable(area.exposure, context)] : [],
};
