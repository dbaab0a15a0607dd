/**
 * Pure (state, analysis results, drawing) → the deck layers that show an
 * analysis on the map: flagged sites ringed, the commune choropleth, the area
 * of interest, the drawing in progress and the candidate-site marker.
 */
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, Polygon } from 'geojson';
import { AGGREGATE_BELOW_ZOOM } from '../../workers/analysis/aggregation-zoom';
import type { SiteClusters } from '../../workers/analysis/site-clusters';
import type { AnalysisResults } from '../analysis/analysis-results';
import type { AdminAreaFeature } from '../domain/types';
import type { AppState } from '../state/app-state';
import { adminParts } from './admin-parts';
import { type Drawing, previewPath, shapeOutline } from './drawing';
import { flaggedSiteIndices } from './flagged-sites';
import { ANALYSIS_INK, CHOROPLETH_COLORS, choroplethClass, VERDICT_COLORS, withAlpha } from './palette';
import { gatherSites, siteColumns } from './site-columns';

/** Layers drawn below the thematic layers (the choropleth), and above them (everything else). */
export interface AnalysisLayers {
  below: Layer[];
  above: Layer[];
}

const singlesCache = new WeakMap<SiteClusters, WeakMap<number[], number[]>>();

/** The flagged sites that a grouped view draws individually (memoised per pair of answers). */
function flaggedSingles(flagged: number[], clusters: SiteClusters): number[] {
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

export function buildAnalysisLayers(
  state: AppState,
  results: AnalysisResults,
  drawing: Drawing | null,
): AnalysisLayers {
  const below: Layer[] = [];
  const above: Layer[] = [];
  const datasets = state.datasets;
  if (!datasets) return { below, above };
  const current = results.sites === datasets.sites;

  if (state.choropleth && current && results.admin) {
    const totals = new Map(results.admin.communes.map((row) => [row.pcode, row.individuals]));
    below.push(
      new GeoJsonLayer<AdminAreaFeature['properties']>({
        id: 'analysis-choropleth',
        data: adminParts(datasets.admin).communes,
        filled: true,
        stroked: false,
        pickable: false,
        getFillColor: (feature) =>
          withAlpha(
            CHOROPLETH_COLORS[choroplethClass(totals.get(feature.properties.pcode) ?? 0)] ?? [0, 0, 0],
            190,
          ),
        updateTriggers: { getFillColor: results.admin },
      }),
    );
  }

  const allFlagged = current ? flaggedSiteIndices(state.activeAnalysis, results) : null;
  // In a grouped view only the sites drawn one by one can carry a ring: a group hides its members.
  const aggregated = state.zoomStep < AGGREGATE_BELOW_ZOOM ? state.siteClusters : null;
  const flagged = allFlagged && aggregated ? flaggedSingles(allFlagged, aggregated) : allFlagged;
  if (flagged && flagged.length > 0) {
    const rings = gatherSites(siteColumns(datasets.sites), flagged);
    above.push(
      new ScatterplotLayer<unknown>({
        id: 'analysis-flagged-sites',
        data: {
          length: flagged.length,
          attributes: {
            getPosition: { value: rings.positions, size: 2 },
            getRadius: { value: rings.radii, size: 1 },
          },
        },
        radiusUnits: 'meters',
        radiusMinPixels: 4.5,
        radiusMaxPixels: 32,
        filled: false,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        getLineColor: withAlpha(ANALYSIS_INK, 230),
      }),
    );
  }

  const area = current && state.activeAnalysis === 'area' ? results.area : null;
  const outline = area ? shapeOutline(area.shape) : null;
  if (outline) {
    above.push(
      new GeoJsonLayer({
        id: 'analysis-area',
        data: [{ type: 'Feature', geometry: outline, properties: {} } satisfies Feature<Polygon>],
        filled: true,
        getFillColor: withAlpha(ANALYSIS_INK, 18),
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 2.5,
        getLineColor: withAlpha(ANALYSIS_INK, 230),
      }),
    );
  }

  if (drawing) {
    const path = previewPath(drawing);
    above.push(
      new PathLayer<{ path: [number, number][] }>({
        id: 'analysis-drawing-path',
        data: [
          {
            path:
              drawing.kind === 'polygon' && path.length > 2 ? [...path, path[0] as [number, number]] : path,
          },
        ],
        getPath: (datum) => datum.path,
        widthUnits: 'pixels',
        getWidth: 2,
        getColor: withAlpha(ANALYSIS_INK, 230),
      }),
      new ScatterplotLayer<[number, number]>({
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

  const candidate = state.activeAnalysis === 'candidate' ? results.candidate : null;
  if (candidate) {
    above.push(
      new ScatterplotLayer({
        id: 'analysis-candidate',
        data: [candidate],
        getPosition: () => [candidate.longitude, candidate.latitude],
        radiusUnits: 'pixels',
        getRadius: 9,
        getFillColor: withAlpha(VERDICT_COLORS[candidate.verdict], 255),
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        getLineColor: [255, 255, 255, 255],
      }),
    );
  }
  return { below, above };
}
