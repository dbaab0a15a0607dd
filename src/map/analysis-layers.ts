/**
 * Pure (state, analysis results, drawing) → the deck layers that show an
 * analysis on the map. What to draw comes from the active analysis's
 * descriptor as overlay specs (src/analyses/overlays.ts), the same list the
 * legends read; this module only knows how to draw each kind of overlay
 * (site rings, commune classes, an area outline, a marker) and the drawing
 * in progress.
 */
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, Polygon } from 'geojson';
import type { SiteClusters } from '../../workers/analysis/site-clusters';
import type { OverlaySpec } from '../analyses/analysis-descriptor';
import { activeOverlays } from '../analyses/overlays';
import type { AnalysisResults } from '../analysis/analysis-results';
import type { AdminAreaFeature, Datasets, SiteCollection } from '../domain/types';
import type { AppState } from '../state/app-state';
import { adminParts } from './admin-parts';
import { type Drawing, previewPath } from './drawing';
import { pathSegments, ringSegments } from './line-segments';
import { ANALYSIS_INK, CHOROPLETH_COLORS, choroplethClass, withAlpha } from './palette';
import { siteColumns } from './site-columns';
import { siteGrouping } from './site-grouping';
import { VertexLineLayer, VertexScatterplotLayer } from './vertex-layers';

/** Layers drawn below the thematic layers (the choropleth), and above them (everything else). */
export interface AnalysisLayers {
  below: Layer[];
  above: Layer[];
}

const singlesCache = new WeakMap<SiteClusters, WeakMap<readonly number[], number[]>>();

/** The flagged sites that a grouped view draws individually (memoised per pair of answers). */
function flaggedSingles(flagged: readonly number[], clusters: SiteClusters): number[] {
  let byFlagged = singlesCache.get(clusters);
  if (!byFlagged) {
    byFlagged = new WeakMap();
    singlesCache.set(clusters, byFlagged);
  }
  const cached = byFlagged.get(flagged);
  if (cached) return cached;
  const singles = new Set(clusters.singleSites);
  const value = flagged.filter((index) => singles.has(index));
  byFlagged.set(flagged, value);
  return value;
}

/**
 * Rings around the sites an analysis flags (`flagged`: indices into `sites`). The sites' own
 * circle program, linked at start-up: deck's instanced scatterplot linked its program at the
 * first analysis that drew rings, a few hundred milliseconds on software WebGL. Positions are
 * written into deck's target, nothing allocated per site.
 */
export function flaggedSitesLayer(sites: SiteCollection, flagged: readonly number[]): Layer {
  const { positions, radii } = siteColumns(sites);
  return new VertexScatterplotLayer<number>({
    id: 'analysis-flagged-sites',
    data: flagged as number[],
    getPosition: (site, { target }) => {
      target[0] = positions[site * 2] ?? Number.NaN;
      target[1] = positions[site * 2 + 1] ?? Number.NaN;
      return target as [number, number];
    },
    getRadius: (site) => radii[site] ?? 0,
    updateTriggers: { getPosition: positions, getRadius: radii },
    radiusUnits: 'meters',
    radiusMinPixels: 4.5,
    radiusMaxPixels: 32,
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    getLineColor: withAlpha(ANALYSIS_INK, 230),
  });
}

/** The areas the choropleth fills: the communes, or the departments when the boundaries have no communes. */
function choroplethAreas(datasets: Datasets): AdminAreaFeature[] {
  const parts = adminParts(datasets.admin);
  return parts.communes.length > 0 ? parts.communes : parts.departments;
}

/** Deck layers of one overlay spec, into `below` (under the thematic layers) or `above`. */
function drawOverlay(spec: OverlaySpec, state: AppState, datasets: Datasets, layers: AnalysisLayers): void {
  switch (spec.kind) {
    case 'commune-classes':
      layers.below.push(
        new GeoJsonLayer<AdminAreaFeature['properties']>({
          id: 'analysis-choropleth',
          // Departments-only boundaries (issue 12): their totals are by department, so are the classes.
          data: choroplethAreas(datasets),
          filled: true,
          stroked: false,
          pickable: false,
          getFillColor: (feature) =>
            withAlpha(
              CHOROPLETH_COLORS[choroplethClass(spec.valueByPcode.get(feature.properties.pcode) ?? 0)] ?? [
                0, 0, 0,
              ],
              190,
            ),
          updateTriggers: { getFillColor: spec.valueByPcode },
        }),
      );
      return;
    case 'site-rings': {
      // In a grouped view only the sites drawn one by one can carry a ring: a group hides its members.
      const grouping = siteGrouping(state);
      const flagged =
        grouping.kind === 'grouped'
          ? flaggedSingles(spec.sites, grouping.clusters)
          : grouping.kind === 'one-by-one'
            ? spec.sites
            : [];
      if (flagged.length === 0) return;
      layers.above.push(flaggedSitesLayer(datasets.sites, flagged));
      return;
    }
    case 'area-outline': {
      const area = [{ type: 'Feature', geometry: spec.outline, properties: {} } satisfies Feature<Polygon>];
      layers.above.push(
        new GeoJsonLayer({
          id: 'analysis-area',
          data: area,
          filled: true,
          getFillColor: withAlpha(ANALYSIS_INK, 18),
          stroked: false,
        }),
        // Outlined with the programs the map has already linked (vertex-layers.ts): a path
        // layer's would be linked at this click, a task of about 300 ms on software WebGL.
        new VertexLineLayer({
          id: 'analysis-area-outline',
          data: ringSegments(area),
          getColor: withAlpha(ANALYSIS_INK, 230),
          widthUnits: 'pixels',
          getWidth: 2.5,
        }),
      );
      return;
    }
    case 'marker':
      layers.above.push(
        new VertexScatterplotLayer({
          id: 'analysis-candidate',
          data: [spec],
          getPosition: () => [spec.longitude, spec.latitude],
          radiusUnits: 'pixels',
          getRadius: 9,
          getFillColor: withAlpha(spec.color, 255),
          stroked: true,
          lineWidthUnits: 'pixels',
          getLineWidth: 3,
          getLineColor: [255, 255, 255, 255],
        }),
      );
      return;
  }
}

export function buildAnalysisLayers(
  state: AppState,
  results: AnalysisResults,
  drawing: Drawing | null,
): AnalysisLayers {
  const layers: AnalysisLayers = { below: [], above: [] };
  const datasets = state.datasets;
  if (!datasets) return layers;
  for (const overlay of activeOverlays(state, results)) drawOverlay(overlay.spec, state, datasets, layers);
  const { above } = layers;

  if (drawing) {
    const path = previewPath(drawing);
    above.push(
      // Segments and circles with programs the map has already linked: the first click of a
      // drawing would otherwise link deck's path program, about 300 ms on software WebGL.
      new VertexLineLayer({
        id: 'analysis-drawing-path',
        data: pathSegments(
          drawing.kind === 'polygon' && path.length > 2 ? [...path, path[0] as [number, number]] : path,
        ),
        widthUnits: 'pixels',
        getWidth: 2,
        getColor: withAlpha(ANALYSIS_INK, 230),
      }),
      new VertexScatterplotLayer<[number, number]>({
        id: 'analysis-drawing-vertices',
        data: drawing.vertices,
        getPosition: (vertex) => vertex,
        radiusUnits: 'pixels',
        getRadius: 4,
        getFillColor: [255, 255, 255, 255],
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        getLineColor: withAlpha(ANALYSIS_INK, 255),
      }),
    );
  }

  return layers;
}
