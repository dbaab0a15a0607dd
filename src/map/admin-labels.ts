import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { AdminAreaCollection, AdminAreaProperties } from '../domain/types';

/** Zoom from which commune names replace department names (map and products). */
export const COMMUNE_LABEL_ZOOM = 8.5;

/** Zoom from which communal-section names join the commune names (map and products). */
export const SECTION_LABEL_ZOOM = 11.5;

export interface AdminLabel {
  position: [number, number];
  text: string;
  level: AdminAreaProperties['level'];
  pcode: string;
}

/**
 * One label point per admin area: the centroid of its vertices when it falls inside the
 * area (it reads best), otherwise a point guaranteed on the area, so coastal
 * communes clipped by the sea never get a label in the water.
 */
export function adminLabels(admin: AdminAreaCollection): AdminLabel[] {
  return admin.features.map((feature) => {
    let point = centroid(feature);
    if (!booleanPointInPolygon(point, feature)) point = pointOnFeature(feature);
    const [longitude = 0, latitude = 0] = point.geometry.coordinates;
    const { name, level, pcode } = feature.properties;
    return { position: [longitude, latitude], text: name, level, pcode };
  });
}
