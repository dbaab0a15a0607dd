/**
 * Pure (state, data) → deck.gl layers. Called on every state change: deck.gl
 * diffs layers by id and only re-uploads attributes whose data or
 * updateTriggers changed, so rebuilding the list is cheap.
 */
import type { Layer } from '@deck.gl/core';
import type { FillStyleExtensionProps } from '@deck.gl/extensions';
import { GeoJsonLayer, IconLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Feature } from 'geojson';
import { AGGREGATE_BELOW_ZOOM } from '../../workers/analysis/aggregation-zoom';
import { findFeature } from '../domain/feature-identity';
import type {
  AdminAreaFeature,
  ControlAreaFeature,
  Datasets,
  HazardZoneFeature,
  ServicePointFeature,
  SiteFeature,
} from '../domain/types';
import type { AppState } from '../state/app-state';
import type { AdminLabel } from './admin-labels';
import { adminParts, type CommuneDashes, communeDashes, sectionDashes } from './admin-parts';
import type { Bounds } from './camera';
import { hatchExtension, plainFill } from './fill-program';
import {
  ADMIN_COLORS,
  CONTROL_COLORS,
  CONTROL_PATTERNS,
  HAZARD_COLORS,
  SEVERITY_FILL_ALPHA,
  SITE_COLORS,
  SITE_OUTLINE,
  siteRadiusMetres,
  withAlpha,
} from './palette';
import { COMMUNES_LAYER_ID } from './picking';
import type { IconAtlas } from './service-icons';
import { singleSites, siteClusterLayers } from './site-cluster-layers';
import { sitesToDraw } from './site-window';
import { ADMIN_LABELS_LAYER_ID } from './snapshot-capture';

/** What the specs need besides state: the service icon atlas (a canvas made once in the browser). */
export interface LayerResources {
  serviceIcons: IconAtlas;
}

/** System fonts only: labels must render offline, with no font file to fetch. */
export const LABEL_FONT = 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

/** Zoom from which commune names replace department names. */
export const COMMUNE_LABEL_ZOOM = 8.5;

/** Zoom from which communal sections are drawn: below it their outlines crowd the communes'. */
export const SECTION_ZOOM = 10;

/** Zoom from which communal-section names join the commune names. */
export const SECTION_LABEL_ZOOM = 11.5;

const controlPatterns = {
  'cross-hatch': { type: 'cross-hatch', angles: [45, 135], strokeWidth: 1.5, gap: 6 },
  hatch: { type: 'hatch', angle: 45, strokeWidth: 2, gap: 6 },
  dots: { type: 'dots', radius: 1.6, gap: 6 },
} as const;

/**
 * Builds the full, ordered deck layer list (bottom to top) for the current state; at street
 * zoom a large site collection and the commune dashes are drawn only inside `siteWindow`
 * (site-window.ts).
 */
export function buildLayers(
  state: AppState,
  resources: LayerResources,
  siteWindow: Bounds | null = null,
): Layer[] {
  const datasets = state.datasets;
  if (!datasets) return [];
  const settings = state.layers;
  const { communes, departments, sections, communeLabels, departmentLabels, sectionLabels } = adminParts(
    datasets.admin,
  );
  const communeOutlines = communeDrawing(datasets.admin, communes, state.zoomStep, siteWindow);
  const showSections = sections.length > 0 && state.zoomStep >= SECTION_ZOOM;
  // At country zoom, sites arrive grouped (see workers/analysis/site-clusters.ts).
  const aggregated = state.zoomStep < AGGREGATE_BELOW_ZOOM ? state.siteClusters : null;

  const layers: Layer[] = [
    // Only from the zoom where sections read, so nothing is cut into dashes for the country view.
    ...(showSections
      ? [
          new GeoJsonLayer<AdminAreaFeature['properties']>({
            id: 'admin-sections',
            data: sectionDrawing(datasets.admin, state.zoomStep, siteWindow),
            visible: settings.admin.visible,
            opacity: settings.admin.opacity,
            pickable: false,
            filled: false,
            stroked: true,
            getLineColor: withAlpha(ADMIN_COLORS.section, 255),
            lineWidthUnits: 'pixels',
            getLineWidth: 0.75,
          }),
        ]
      : []),
    new GeoJsonLayer<AdminAreaFeature['properties'], FillStyleExtensionProps<AdminAreaFeature>>({
      id: COMMUNES_LAYER_ID,
      data: communeOutlines,
      visible: settings.admin.visible,
      opacity: settings.admin.opacity,
      pickable: true,
      filled: true,
      ...plainFill,
      // Nearly transparent fill: clicking anywhere in a commune selects it.
      getFillColor: [0, 0, 0, 1],
      // Polygons are filled only; the dashes are line features (see admin-parts.ts).
      stroked: false,
      getLineColor: withAlpha(ADMIN_COLORS.commune, 255),
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
    }),
    new GeoJsonLayer<AdminAreaFeature['properties']>({
      id: 'admin-departments',
      data: departments,
      visible: settings.admin.visible,
      opacity: settings.admin.opacity,
      pickable: false,
      filled: false,
      stroked: true,
      getLineColor: withAlpha(ADMIN_COLORS.department, 255),
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
    }),
    new GeoJsonLayer<HazardZoneFeature['properties'], FillStyleExtensionProps<HazardZoneFeature>>({
      id: 'hazards-zones',
      data: datasets.hazards.features as HazardZoneFeature[],
      visible: settings.hazards.visible,
      opacity: settings.hazards.opacity,
      pickable: true,
      filled: true,
      ...plainFill,
      getFillColor: (feature) =>
        withAlpha(
          HAZARD_COLORS[feature.properties.hazardType],
          SEVERITY_FILL_ALPHA[feature.properties.severity],
        ),
      stroked: true,
      getLineColor: (feature) => withAlpha(HAZARD_COLORS[feature.properties.hazardType], 255),
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
    }),
    new GeoJsonLayer<ControlAreaFeature['properties'], FillStyleExtensionProps<ControlAreaFeature>>({
      id: 'control-areas',
      data: datasets.control.features as ControlAreaFeature[],
      visible: settings.control.visible,
      opacity: settings.control.opacity,
      pickable: true,
      filled: true,
      getFillColor: (feature) => withAlpha(CONTROL_COLORS[feature.properties.controlLevel], 210),
      extensions: [hatchExtension],
      fillPatternMapping: controlPatterns,
      fillPatternMask: true,
      fillPatternSizeUnits: 'pixels',
      getFillPattern: (feature: ControlAreaFeature) => CONTROL_PATTERNS[feature.properties.controlLevel],
      getFillPatternScale: 1,
      stroked: true,
      getLineColor: (feature) => withAlpha(CONTROL_COLORS[feature.properties.controlLevel], 255),
      lineWidthUnits: 'pixels',
      getLineWidth: 2.5,
    }),
    new IconLayer<ServicePointFeature>({
      id: 'services-points',
      data: datasets.services.features as ServicePointFeature[],
      visible: settings.services.visible,
      opacity: settings.services.opacity,
      pickable: true,
      iconAtlas: resources.serviceIcons.atlas as unknown as string,
      iconMapping: resources.serviceIcons.mapping,
      getIcon: (feature) => feature.properties.serviceType,
      getPosition: (feature) => feature.geometry.coordinates as [number, number],
      // Metres, so service symbols stay discreet at country zoom and readable in a commune.
      sizeUnits: 'meters',
      getSize: 450,
      sizeMinPixels: 7,
      sizeMaxPixels: 22,
    }),
    new ScatterplotLayer<SiteFeature>({
      id: 'sites-circles',
      data: aggregated ? singleSites(datasets.sites, aggregated) : sitesToDraw(datasets.sites, siteWindow),
      visible: settings.sites.visible,
      opacity: settings.sites.opacity,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 110],
      getPosition: (feature) => feature.geometry.coordinates as [number, number],
      radiusUnits: 'meters',
      getRadius: (feature) => siteRadiusMetres(feature.properties.individuals),
      radiusMinPixels: 3.5,
      radiusMaxPixels: 30,
      filled: true,
      getFillColor: (feature) => withAlpha(SITE_COLORS[feature.properties.siteType], 235),
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
      getLineColor: withAlpha(SITE_OUTLINE, 255),
    }),
    ...(aggregated ? siteClusterLayers(aggregated, settings.sites, LABEL_FONT) : []),
    new TextLayer<AdminLabel>({
      id: ADMIN_LABELS_LAYER_ID,
      data: adminLabelsAt(state.zoomStep, { communeLabels, departmentLabels, sectionLabels }),
      visible: settings.admin.visible,
      opacity: settings.admin.opacity,
      getPosition: (label) => label.position,
      getText: (label) => (label.level === 1 ? label.text.toUpperCase() : label.text),
      getSize: (label) => (label.level === 1 ? 13 : label.level === 2 ? 12 : 10),
      getColor: (label) => withAlpha(ADMIN_COLORS.label, label.level === 3 ? 200 : 255),
      fontFamily: LABEL_FONT,
      fontWeight: 600,
      characterSet: 'auto',
      fontSettings: { sdf: true },
      outlineWidth: 4,
      outlineColor: withAlpha(ADMIN_COLORS.labelHalo, 230),
    }),
  ];

  const selected = selectionLayer(state, datasets);
  if (selected) layers.push(selected);
  return layers;
}

/** Names for the zoom: departments, then communes, then communes and their sections (one stable array each). */
const labelsAtZoom = new WeakMap<AdminLabel[], AdminLabel[]>();
function adminLabelsAt(
  zoomStep: number,
  labels: { communeLabels: AdminLabel[]; departmentLabels: AdminLabel[]; sectionLabels: AdminLabel[] },
): AdminLabel[] {
  if (zoomStep < COMMUNE_LABEL_ZOOM) return labels.departmentLabels;
  if (zoomStep < SECTION_LABEL_ZOOM || labels.sectionLabels.length === 0) return labels.communeLabels;
  let both = labelsAtZoom.get(labels.sectionLabels);
  if (!both) {
    // Sections first, so a commune's name is drawn over its sections' where they meet.
    both = [...labels.sectionLabels, ...labels.communeLabels];
    labelsAtZoom.set(labels.sectionLabels, both);
  }
  return both;
}

/**
 * Commune polygons (filled, for picking) then their dashed outlines: one
 * stable array per zoom step and window. At street zoom only the dashes in
 * the window are kept: deck shades every segment on every frame, in view or
 * not, and at zoom 11 the communes make about 32,000 of them, which on
 * software WebGL held panning far below a bare map's frame rate.
 */
const communeDrawings = new WeakMap<CommuneDashes[], { window: Bounds | null; drawing: Feature[] }>();
function communeDrawing(
  admin: Datasets['admin'],
  communes: AdminAreaFeature[],
  zoomStep: number,
  window: Bounds | null,
): Feature[] {
  const dashes = communeDashes(admin, zoomStep);
  const cached = communeDrawings.get(dashes);
  if (cached?.window === window) return cached.drawing;
  const drawing = [...communes, ...(window ? dashesInside(dashes, window) : dashes)];
  communeDrawings.set(dashes, { window, drawing });
  return drawing;
}

/** Communal-section outlines, culled to the window as the communes' are: one stable array per zoom step and window. */
const sectionDrawings = new WeakMap<CommuneDashes[], { window: Bounds | null; drawing: CommuneDashes[] }>();
function sectionDrawing(admin: Datasets['admin'], zoomStep: number, window: Bounds | null): CommuneDashes[] {
  const dashes = sectionDashes(admin, zoomStep);
  const cached = sectionDrawings.get(dashes);
  if (cached?.window === window) return cached.drawing;
  const drawing = window ? dashesInside(dashes, window) : dashes;
  sectionDrawings.set(dashes, { window, drawing });
  return drawing;
}

/** The dashes starting inside `window` (a dash is a few pixels long: where it starts says where it is). */
function dashesInside(dashes: CommuneDashes[], window: Bounds): CommuneDashes[] {
  const { west, south, east, north } = window;
  const inside: CommuneDashes[] = [];
  for (const commune of dashes) {
    const segments = commune.geometry.coordinates.filter((segment) => {
      const [longitude = Number.NaN, latitude = Number.NaN] = segment[0] ?? [];
      return longitude >= west && longitude <= east && latitude >= south && latitude <= north;
    });
    if (segments.length > 0)
      inside.push({ ...commune, geometry: { type: 'MultiLineString', coordinates: segments } });
  }
  return inside;
}

/** A bold outline around the selected feature so the details panel has an anchor on the map. */
function selectionLayer(state: AppState, datasets: Datasets): Layer | null {
  const selection = state.selection;
  if (!selection) return null;
  const feature = findFeature(datasets, selection.layerId, selection.featureId);
  // A site without coordinates (placed by its admin area) has no anchor to draw.
  if (!feature?.geometry) return null;
  if (feature.geometry.type === 'Point') {
    const radius =
      selection.layerId === 'sites' ? siteRadiusMetres(Number(feature.properties?.individuals ?? 0)) : 0;
    const position = feature.geometry.coordinates as [number, number];
    return new ScatterplotLayer<Feature>({
      id: 'selection-point',
      data: [feature],
      getPosition: () => position,
      radiusUnits: 'meters',
      getRadius: radius,
      radiusMinPixels: 13,
      radiusMaxPixels: 34,
      filled: false,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 3,
      getLineColor: [17, 17, 17, 255],
    });
  }
  return new GeoJsonLayer({
    id: 'selection-area',
    data: [feature],
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 3.5,
    getLineColor: [17, 17, 17, 255],
  });
}
