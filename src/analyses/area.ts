/**
 * Area of interest: the sites inside a polygon or circle the user draws,
 * their totals and their hazard exposure. The answer keeps its shape, so the
 * outline is drawn from the answer, not from the drawing.
 */
import { area as polygonArea } from '@turf/turf';
import type { AreaShape } from '../../workers/analysis/area-of-interest';
import type { SITE_FLAG } from '../../workers/analysis/site-flags';
import { featureId } from '../domain/feature-identity';
import type { LayerId } from '../domain/types';
import type { MessageKey } from '../i18n/fr';
import { shapeOutline } from '../map/drawing';
import { ANALYSIS_INK } from '../map/palette';
import type {
  AnalysisDescriptor,
  FigureContext,
  KeyFigure,
  Overlay,
  SummaryBlock,
} from './analysis-descriptor';
import { type AreaAnswer, areaDownload } from './area-export';
import { exposureTable, figureText, joinContext, ofTotal } from './descriptor-parts';
import { AREA_SHAPE_CODE } from './input-codes';
import { ACCESS_DISTANCE, HEALTH_DISTANCE } from './parameters';

export type { AreaAnswer } from './area-export';

const SQUARE_METRES_PER_SQUARE_KILOMETRE = 1_000_000;

/** The area's surface in km² (a circle's exactly, a polygon's geodesically as Turf measures it). */
export function shapeSquareKilometres(shape: AreaShape): number {
  const squareMetres =
    shape.kind === 'circle'
      ? Math.PI * shape.radiusMeters ** 2
      : polygonArea({ type: 'Feature', properties: {}, geometry: shape.geometry });
  return squareMetres / SQUARE_METRES_PER_SQUARE_KILOMETRE;
}

/**
 * The flags whose people an area totals, the layer that must be loaded for the total
 * to mean something (without services, "0 people without water" would be false), and
 * the label naming the threshold. Every flag of the flags table is listed: a new flag
 * without an entry here does not compile.
 */
const FLAG_FIGURES: Record<keyof typeof SITE_FLAG, { needs: LayerId; label: MessageKey }> = {
  hazardExposed: { needs: 'hazards', label: 'figure.area.hazardExposed' },
  hazardHigh: { needs: 'hazards', label: 'figure.area.hazardHigh' },
  accessConstrained: { needs: 'control', label: 'figure.area.accessConstrained' },
  waterBeyondSphere: { needs: 'services', label: 'figure.area.waterBeyondSphere' },
  healthBeyondReach: { needs: 'services', label: 'figure.area.healthBeyondReach' },
  waterPointOverloaded: { needs: 'services', label: 'figure.area.waterPointOverloaded' },
  overcrowded: { needs: 'sites', label: 'figure.area.overcrowded' },
  coveredSpaceShort: { needs: 'sites', label: 'figure.area.coveredSpaceShort' },
};

/** How many of the area's sites the panel lists by name (the site table lists them all). */
const LISTED_SITES = 25;

/**
 * The area's largest sites by people, by name: the list a shelter team reads out. Each name
 * selects its site (details card, highlight on the map), as a row of the site table does.
 */
function largestSites(area: AreaAnswer, context: FigureContext): SummaryBlock {
  const { t, datasets } = context;
  const features = datasets.sites?.features ?? [];
  const people = (index: number) => Number(features[index]?.properties?.individuals) || 0;
  const listed = Array.from(area.siteIndices)
    .sort((a, b) => people(b) - people(a) || a - b)
    .slice(0, LISTED_SITES);
  return {
    kind: 'table',
    headers: [t('column.name'), t('column.individuals')],
    rows: listed.map((index) => [
      String(features[index]?.properties?.name ?? features[index]?.properties?.id ?? index + 1),
      figureText(context, people(index)),
    ]),
    rowSiteIds: listed.map((index) => {
      const feature = features[index];
      return feature ? featureId('sites', feature) : '';
    }),
    caption:
      area.sites > LISTED_SITES
        ? t('analysis.area.largestSites', {
            listed: figureText(context, LISTED_SITES),
            total: figureText(context, area.sites),
          })
        : null,
  };
}

/** People in the area's sites under each flag whose layer is loaded, "of N people in the area". */
function flagFigures(area: AreaAnswer, context: FigureContext): KeyFigure[] {
  const { t, parameters, datasets } = context;
  const figures: KeyFigure[] = [];
  for (const [flag, { needs, label }] of Object.entries(FLAG_FIGURES) as [
    keyof typeof SITE_FLAG,
    (typeof FLAG_FIGURES)[keyof typeof SITE_FLAG],
  ][]) {
    const totals = area.byFlag[flag];
    if (!totals || !datasets[needs]) continue;
    figures.push({
      label: t(label, {
        access: figureText(context, parameters.accessDistanceMeters, 'metres'),
        health: figureText(context, parameters.healthDistanceMeters, 'metres'),
      }),
      value: totals.individuals,
      format: 'count',
      context: joinContext(
        t('context.inSites', { count: totals.sites }),
        ofTotal(context, 'context.ofPeople', area.individuals),
      ),
    });
  }
  return figures;
}

export const areaAnalysis: AnalysisDescriptor<'area', AreaAnswer, AreaShape> = {
  id: 'area',
  name: 'analysis.area',
  description: 'analysis.description.area',
  input: 'area-shape',
  inputCode: AREA_SHAPE_CODE,
  run: {
    kind: 'long',
    channel: 'area',
    start: async (remote, parameters, shape, requestId, onProgress) => {
      const answer = await remote.runAreaOfInterest(
        shape,
        {
          accessDistanceMeters: parameters.accessDistanceMeters,
          healthDistanceMeters: parameters.healthDistanceMeters,
        },
        { requestId },
        onProgress,
      );
      return answer.status === 'done' ? { ...answer, result: { ...answer.result, shape } } : answer;
    },
  },
  parameters: [ACCESS_DISTANCE, HEALTH_DISTANCE],
  reads: ['sites', 'hazards', 'control', 'services'],
  requires: ['sites'],
  // Its people near armed-group lines derive from the gang-control layer.
  sensitive: true,
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
      {
        label: t(area.shape.kind === 'circle' ? 'figure.areaOfCircle' : 'figure.areaOfPolygon'),
        value: shapeSquareKilometres(area.shape),
        format: 'squareKilometres',
        context:
          area.shape.kind === 'circle'
            ? t('context.radius', { radius: figureText(context, area.shape.radiusMeters, 'metres') })
            : null,
      },
      ...flagFigures(area, context),
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
  summary: (area, context) => [
    areaDownload(area, context, shapeSquareKilometres(area.shape)),
    ...(area.exposure.some((row) => row.sites > 0) ? [exposureTable(area.exposure, context)] : []),
    ...(area.sites > 0 ? [largestSites(area, context)] : []),
  ],
};
