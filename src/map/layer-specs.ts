/**
 * Pure (state, data) → deck.gl layers. Called on every state change: deck.gl
 * diffs layers by id and only re-uploads attributes whose data or
 * updateTriggers changed, so rebuilding the list is cheap.
 */
import type { Layer } from '@deck.gl/core';
import type { FillStyleExtensionProps } from '@deck.gl/extensions';
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { Feature } from 'geojson';
import { findFeature } from '../domain/feature-identity';
import type {
  AdminAreaFeature,
  ControlAreaFeature,
  Datasets,
  HazardZoneFeature,
  ServicePointFeature,
  SiteCollection,
  SiteFeature,
} from '../domain/types';
import type { AppState, LayerSettings } from '../state/app-state';
import { type AdminLabel, COMMUNE_LABEL_ZOOM, SECTION_LABEL_ZOOM } from './admin-labels';
import { adminParts, communeDashes, sectionDashes } from './admin-parts';
import { type AreaFeature, areasInWindow, placedInWindow } from './area-window';
import type { Bounds } from './camera';
import { hatchExtension } from './hatch-extension';
import { dashSegments, type LineSegments, outlineSegments, ringSegments } from './line-segments';
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
import { type SiteGrouping, siteGrouping } from './site-grouping';
import { sitesToDraw } from './site-window';
import { ADMIN_LABELS_LAYER_ID } from './snapshot-capture';
import { VertexIconLayer, VertexLineLayer, VertexScatterplotLayer } from './vertex-layers';

/** What the specs need besides state: the service icon atlas (a canvas made once in the browser). */
export interface LayerResources {
  serviceIcons: IconAtlas;
}

/** System fonts only: labels must render offline, with no font file to fetch. */
export const LABEL_FONT = 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

/** The communes' dashed outlines (the communes' own layer is their fill, for picking). */
export const COMMUNE_DASHES_LAYER_ID = 'admin-commune-dashes';

/** The hazard zones' outlines (the zones' own layer is their fill). */
export const HAZARD_OUTLINES_LAYER_ID = 'hazards-outlines';

/** The control areas' outlines (the areas' own layer is their hatched fill). */
export const CONTROL_OUTLINES_LAYER_ID = 'control-outlines';

/** The departments' outlines (drawn as segments: no fill, nothing to pick). */
export const DEPARTMENT_OUTLINES_LAYER_ID = 'admin-departments';

/** A hazard zone's outline: its type's colour, opaque. */
const hazardOutlineColour = (zone: HazardZoneFeature) =>
  withAlpha(HAZARD_COLORS[zone.properties.hazardType], 255);

const controlOutlineColour = (area: ControlAreaFeature) =>
  withAlpha(CONTROL_COLORS[area.properties.controlLevel], 255);

/** Zoom from which communal sections are drawn: below it their outlines crowd the communes'. */
export const SECTION_ZOOM = 10;

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
  const showSections = sections.length > 0 && state.zoomStep >= SECTION_ZOOM;
  // At country zoom, sites arrive grouped (see workers/analysis/site-clusters.ts).
  const grouping = siteGrouping(state);

  const hazards = areasInWindow(datasets.hazards.features as HazardZoneFeature[], siteWindow);
  const controlAreas = areasInWindow(datasets.control.features as ControlAreaFeature[], siteWindow);

  const layers: Layer[] = [
    // Only from the zoom where sections read, so nothing is cut into dashes for the country view.
    ...(showSections
      ? [
          outlineLayer(
            'admin-sections',
            dashSegments(sectionDashes(datasets.admin, state.zoomStep), siteWindow),
            settings.admin,
            0.75,
            ADMIN_COLORS.section,
          ),
        ]
      : []),
    new GeoJsonLayer<AdminAreaFeature['properties']>({
      id: COMMUNES_LAYER_ID,
      data: areasInWindow(communes, siteWindow),
      visible: settings.admin.visible,
      opacity: settings.admin.opacity,
      pickable: true,
      filled: true,
      // Nearly transparent fill: clicking anywhere in a commune selects it.
      getFillColor: [0, 0, 0, 1],
      // Outlined by the dashes below (admin-parts.ts).
      stroked: false,
    }),
    outlineLayer(
      COMMUNE_DASHES_LAYER_ID,
      dashSegments(communeDashes(datasets.admin, state.zoomStep), siteWindow),
      settings.admin,
      1,
      ADMIN_COLORS.commune,
    ),
    outlineLayer(
      DEPARTMENT_OUTLINES_LAYER_ID,
      ringSegments(areasInWindow(departments, siteWindow)),
      settings.admin,
      2,
      ADMIN_COLORS.department,
    ),
    new GeoJsonLayer<HazardZoneFeature['properties']>({
      id: 'hazards-zones',
      data: hazards,
      visible: settings.hazards.visible,
      opacity: settings.hazards.opacity,
      pickable: true,
      filled: true,
      getFillColor: (feature) =>
        withAlpha(
          HAZARD_COLORS[feature.properties.hazardType],
          SEVERITY_FILL_ALPHA[feature.properties.severity],
        ),
      // Outlined by the segments below (line-segments.ts).
      stroked: false,
    }),
    outlineLayer(
      HAZARD_OUTLINES_LAYER_ID,
      outlineSegments(hazards, hazardOutlineColour),
      settings.hazards,
      1,
    ),
    new GeoJsonLayer<ControlAreaFeature['properties'], FillStyleExtensionProps<ControlAreaFeature>>({
      id: 'control-areas',
      data: controlAreas,
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
      // Outlined by the segments below (line-segments.ts).
      stroked: false,
    }),
    outlineLayer(
      CONTROL_OUTLINES_LAYER_ID,
      outlineSegments(controlAreas, controlOutlineColour),
      settings.control,
      2.5,
    ),
    new VertexIconLayer<ServicePointFeature>({
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
    new VertexScatterplotLayer<SiteFeature>({
      id: 'sites-circles',
      data: sitesDrawn(datasets.sites, grouping, siteWindow),
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
    ...(grouping.kind === 'grouped' ? siteClusterLayers(grouping.clusters, settings.sites, LABEL_FONT) : []),
    new TextLayer<AdminLabel>({
      id: ADMIN_LABELS_LAYER_ID,
      data: placedInWindow(
        adminLabelsAt(state.zoomStep, { communeLabels, departmentLabels, sectionLabels }),
        siteWindow,
      ),
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
const NO_SITES: SiteFeature[] = [];

/** The sites drawn one by one: the groups' single sites, those around the view, or none while groups are due. */
function sitesDrawn(sites: SiteCollection, grouping: SiteGrouping, siteWindow: Bounds | null): SiteFeature[] {
  switch (grouping.kind) {
    case 'grouped':
      return singleSites(sites, grouping.clusters);
    case 'one-by-one':
      return sitesToDraw(sites, siteWindow);
    case 'awaiting-groups':
      return NO_SITES;
  }
}

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
 * An outline (dashes or rings) drawn and never picked: a click inside an area picks its fill.
 * Opaque in `colour`, or in each segment's own colour when the segments carry them.
 */
function outlineLayer(
  id: string,
  segments: LineSegments,
  settings: LayerSettings,
  width: number,
  colour?: readonly [number, number, number],
): VertexLineLayer {
  return new VertexLineLayer({
    id,
    data: segments,
    visible: settings.visible,
    opacity: settings.opacity,
    pickable: false,
    ...(colour ? { getColor: withAlpha(colour, 255) } : {}),
    widthUnits: 'pixels',
    getWidth: width,
  });
}

/** The one-area list a selected area's outline is built from: one array per feature, so its segments are kept. */
const selectedAreas = new WeakMap<AreaFeature, AreaFeature[]>();

/** The selection's outline and ring are always drawn in full. */
const SELECTION_SETTINGS: LayerSettings = { visible: true, opacity: 1 };
const SELECTION_INK = [17, 17, 17] as const;

/**
 * A bold outline around the selected feature so the details panel has an anchor on the map.
 * Drawn with the programs the map already linked (the sites' circles, the outlines' segments):
 * deck's own scatterplot and path layers would link theirs at the first click, a few hundred
 * milliseconds of main thread on software WebGL.
 */
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
    return new VertexScatterplotLayer<Feature>({
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
      getLineColor: withAlpha(SELECTION_INK, 255),
    });
  }
  if (feature.geometry.type !== 'Polygon' && feature.geometry.type !== 'MultiPolygon') return null;
  const area = feature as AreaFeature;
  let areas = selectedAreas.get(area);
  if (!areas) {
    areas = [area];
    selectedAreas.set(area, areas);
  }
  return outlineLayer('selection-area', ringSegments(areas), SELECTION_SETTINGS, 3.5, SELECTION_INK);
}
