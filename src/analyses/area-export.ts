/**
 * A drawn area of interest as a GeoJSON file: its outline, with its totals as
 * properties under stable English names (a spreadsheet or GIS joins on them
 * whatever the interface language), so a shelter team can hand the area and its
 * figures to a partner. Totals derived from the gang-control layer make the file
 * sensitive, and it is labelled like every other sensitive export.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { AreaOfInterest, AreaShape } from '../../workers/analysis/area-of-interest';
import { message } from '../i18n/translate';
import { exportFileName } from '../io/export-file-name';
import { writeGeoJson } from '../io/write-geojson';
import { shapeOutline } from '../map/drawing';
import type { FigureContext, SummaryBlock } from './analysis-descriptor';

/** The worker's answer with the shape it was asked about. */
export type AreaAnswer = AreaOfInterest & { shape: AreaShape };

/** Properties of the exported area: totals, surface, parameters and, per flag, sites and people. */
export function areaProperties(
  area: AreaAnswer,
  context: Pick<FigureContext, 'parameters'>,
  squareKilometres: number,
): Record<string, number | string> {
  const properties: Record<string, number | string> = {
    sites: area.sites,
    households: area.households,
    individuals: area.individuals,
    areaSquareKilometres: Number(squareKilometres.toFixed(4)),
    accessDistanceMetres: context.parameters.accessDistanceMeters,
    healthDistanceMetres: context.parameters.healthDistanceMeters,
  };
  if (area.shape.kind === 'circle') {
    properties.centreLongitude = area.shape.longitude;
    properties.centreLatitude = area.shape.latitude;
    properties.radiusMetres = Math.round(area.shape.radiusMeters);
  }
  for (const [flag, totals] of Object.entries(area.byFlag)) {
    if (!totals) continue;
    properties[`${flag}Sites`] = totals.sites;
    properties[`${flag}Individuals`] = totals.individuals;
  }
  return properties;
}

/** The "download this area" block of the area's panel summary. */
export function areaDownload(
  area: AreaAnswer,
  context: FigureContext,
  squareKilometres: number,
): SummaryBlock {
  // A circle is written as its 64-gon (GeoJSON has no circle); its centre and radius are properties.
  const geometry = area.shape.kind === 'polygon' ? area.shape.geometry : shapeOutline(area.shape);
  const sensitive = Boolean(context.datasets.control);
  const properties = areaProperties(area, context, squareKilometres);
  if (sensitive) properties.sensitivity = 'sensitive';
  const feature: Feature = {
    type: 'Feature',
    properties,
    geometry: geometry ?? { type: 'GeometryCollection', geometries: [] },
  };
  const collection: FeatureCollection = { type: 'FeatureCollection', features: [feature] };
  return {
    kind: 'download',
    label: context.t('analysis.area.download'),
    fileName: exportFileName('area-of-interest', 'geojson', new Date()),
    mediaType: 'application/geo+json',
    text: writeGeoJson(collection, undefined, message(context.language, 'export.sensitivityLabel')),
  };
}
