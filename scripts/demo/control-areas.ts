/**
 * FICTIONAL control areas in the Port-au-Prince metro. Real gang-control
 * maps can get people hurt if they leak (shared/DOMAIN.md), so these shapes
 * are invented: neutral letter names, rough placements near neighbourhoods
 * the news associates with insecurity, nothing taken from any real map.
 * Controlled cores are small, contested areas sit where two cores meet, and
 * areas of influence are wide, as in the published examples of such maps.
 */
import type { ControlAreaFeature, ControlLevel } from '../../src/domain/types';
import { roundPolygonal } from './coordinates';
import { randomIsoDate } from './dates';
import { haitiLand } from './natural-earth';
import { type EllipseShape, noisyEllipse } from './noisy-shapes';
import { intersectGeometries } from './polygon-operations';
import type { Random } from './random';

export const CONTROL_SOURCE = 'Fictional demo data — not real';
export const FIRST_CONTROL_UPDATE = '2026-10-01';
export const LAST_CONTROL_UPDATE = '2026-11-15';

interface ControlAreaPlan {
  controlLevel: ControlLevel;
  shape: EllipseShape;
}

const PLANS: readonly ControlAreaPlan[] = [
  {
    controlLevel: 'controlled',
    shape: { centre: [-72.347, 18.578], eastKilometres: 1.4, northKilometres: 1 },
  },
  {
    controlLevel: 'controlled',
    shape: { centre: [-72.337, 18.552], eastKilometres: 1.1, northKilometres: 0.9 },
  },
  {
    controlLevel: 'controlled',
    shape: { centre: [-72.357, 18.527], eastKilometres: 1.2, northKilometres: 0.8 },
  },
  {
    controlLevel: 'controlled',
    shape: { centre: [-72.212, 18.597], eastKilometres: 1.8, northKilometres: 1.3 },
  },
  {
    controlLevel: 'controlled',
    shape: { centre: [-72.285, 18.64], eastKilometres: 2.2, northKilometres: 1.4 },
  },
  {
    controlLevel: 'controlled',
    shape: { centre: [-72.316, 18.566], eastKilometres: 0.9, northKilometres: 0.7 },
  },
  {
    controlLevel: 'contested',
    shape: { centre: [-72.331, 18.569], eastKilometres: 0.7, northKilometres: 0.6 },
  },
  {
    controlLevel: 'contested',
    shape: { centre: [-72.351, 18.54], eastKilometres: 0.6, northKilometres: 0.6 },
  },
  {
    controlLevel: 'contested',
    shape: { centre: [-72.242, 18.59], eastKilometres: 0.8, northKilometres: 0.6 },
  },
  {
    controlLevel: 'contested',
    shape: { centre: [-72.266, 18.585], eastKilometres: 0.9, northKilometres: 0.7 },
  },
  {
    controlLevel: 'influence',
    shape: { centre: [-72.245, 18.615], eastKilometres: 4.2, northKilometres: 2.6, rotationDegrees: 10 },
  },
  {
    controlLevel: 'influence',
    shape: { centre: [-72.39, 18.526], eastKilometres: 3, northKilometres: 1.5, rotationDegrees: -10 },
  },
  {
    controlLevel: 'influence',
    shape: { centre: [-72.325, 18.572], eastKilometres: 3, northKilometres: 1.7, rotationDegrees: 20 },
  },
];

export function buildControlAreas(random: Random): ControlAreaFeature[] {
  const land = haitiLand().geometry;
  return PLANS.map((plan, index) => {
    const outline = noisyEllipse(random, plan.shape, 0.25, random.integer(60, 100));
    // Clipped to land: a control area over the bay would only look careless.
    const onLand = intersectGeometries(outline, land);
    const geometry = onLand === undefined ? undefined : roundPolygonal(onLand);
    if (geometry === undefined) throw new Error(`Control area ${index} is entirely at sea`);
    const letter = String.fromCharCode('A'.charCodeAt(0) + index);
    return {
      type: 'Feature',
      geometry,
      properties: {
        id: `DEMO-CTRL-${String(index + 1).padStart(2, '0')}`,
        name: `Zone fictive ${letter} — démo`,
        controlLevel: plan.controlLevel,
        lastUpdate: randomIsoDate(random, FIRST_CONTROL_UPDATE, LAST_CONTROL_UPDATE),
        source: CONTROL_SOURCE,
        sensitivity: 'sensitive',
      },
    };
  });
}
