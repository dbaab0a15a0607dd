import type { Layer } from '@deck.gl/core';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { LAYER_IDS, type SiteFeature } from '../../src/domain/types';
import { COMMUNE_LABEL_ZOOM } from '../../src/map/admin-labels';
import { buildLayers, type LayerResources } from '../../src/map/layer-specs';
import { LEGEND, SEVERITY_FILL_ALPHA } from '../../src/map/palette';
import { thematicLayerOf } from '../../src/map/picking';
import type { IconAtlas } from '../../src/map/service-icons';
import { VertexLineLayer, VertexScatterplotLayer } from '../../src/map/vertex-layers';
import { type AppState, initialAppState, withLayerSettings } from '../../src/state/app-state';
import { smallDatasets } from '../fixtures/small-datasets';

function resources(): LayerResources {
  // The atlas is a canvas in the browser; layer specs only pass it through.
  const serviceIcons: IconAtlas = {
    atlas: {} as HTMLCanvasElement,
    mapping: {
      water: { x: 0, y: 0, width: 48, height: 48, mask: false },
      health: { x: 48, y: 0, width: 48, height: 48, mask: false },
      distribution: { x: 96, y: 0, width: 48, height: 48, mask: false },
    },
  };
  return { serviceIcons };
}

/** The initial state with the small fixture datasets loaded. */
const loadedState = (): AppState => ({ ...initialAppState('fr'), datasets: smallDatasets() });

const byId = (layers: Layer[], id: string) => {
  const layer = layers.find((candidate) => candidate.id === id);
  if (!layer) throw new Error(`no layer ${id}`);
  return layer;
};
type ColourAccessor = (feature: Feature) => readonly number[];
/** Reads an accessor prop of a built layer (the props type of the generic Layer does not list them). */
const accessor = (layer: Layer, name: string) =>
  (layer.props as unknown as Record<string, ColourAccessor>)[name] as ColourAccessor;

/**
 * Every segment of an outline layer (six vertices each) carries the colour `expected` gives
 * its area, segments in ring order; and there are as many segments as ring edges.
 */
function expectOutlineColours(
  layers: Layer[],
  id: string,
  areas: readonly Feature[],
  expected: (area: Feature) => number[],
): void {
  const outlines = byId(layers, id).props.data as unknown as {
    segments: number;
    attributes: { getColor: { value: Uint8Array } };
  };
  const colourAt = (segment: number, vertex: number) => {
    const offset = (segment * 6 + vertex) * 4;
    return [...outlines.attributes.getColor.value.subarray(offset, offset + 4)];
  };
  const ringSegments = (area: Feature) =>
    area.geometry.type === 'Polygon'
      ? area.geometry.coordinates.reduce((total, ring) => total + ring.length - 1, 0)
      : 0;
  let segment = 0;
  for (const area of areas) {
    const colour = expected(area);
    expect(colour, id).toHaveLength(4);
    for (let index = 0; index < ringSegments(area); index += 1, segment += 1) {
      expect(colourAt(segment, 0), id).toEqual(colour);
      expect(colourAt(segment, 5), id).toEqual(colour);
    }
  }
  expect(segment, id).toBe(outlines.segments);
  expect(segment, id).toBeGreaterThan(0);
}

describe('buildLayers', () => {
  it('draws nothing before data is loaded', () => {
    expect(buildLayers(initialAppState('fr'), resources())).toEqual([]);
  });

  it('draws every thematic layer, bottom to top, visible by default', () => {
    const layers = buildLayers(loadedState(), resources());
    expect(layers.map((layer) => layer.id)).toEqual([
      'admin-communes',
      'admin-commune-dashes',
      'admin-departments',
      'hazards-zones',
      'hazards-outlines',
      'control-areas',
      'control-outlines',
      'services-points',
      'sites-circles',
      'admin-labels',
    ]);
    expect(layers.every((layer) => layer.props.visible)).toBe(true);
    expect(new Set(layers.map((layer) => thematicLayerOf(layer.id)))).toEqual(new Set(LAYER_IDS));
  });

  it('hides and fades exactly the layer whose settings changed', () => {
    const state = loadedState();
    state.layers = withLayerSettings(state.layers, 'hazards', { visible: false });
    state.layers = withLayerSettings(state.layers, 'sites', { opacity: 0.4 });
    const layers = buildLayers(state, resources());
    expect(byId(layers, 'hazards-zones').props.visible).toBe(false);
    expect(byId(layers, 'sites-circles').props.opacity).toBe(0.4);
    expect(byId(layers, 'control-areas').props.visible).toBe(true);
    expect(byId(layers, 'control-areas').props.opacity).toBe(1);
  });

  it('colours features with exactly the legend colours (legend and map cannot disagree)', () => {
    const state = loadedState();
    const datasets = state.datasets ?? smallDatasets();
    const layers = buildLayers(state, resources());
    const siteColour = accessor(byId(layers, 'sites-circles'), 'getFillColor');
    for (const feature of datasets.sites.features) {
      const entry = LEGEND.sites.find((candidate) => candidate.key === feature.properties.siteType);
      expect(entry?.symbol.kind).toBe('circle');
      if (entry?.symbol.kind === 'circle')
        expect(siteColour(feature).slice(0, 3)).toEqual([...entry.symbol.color]);
    }
    // Each zone's outline segments carry its type's colour, opaque.
    expectOutlineColours(layers, 'hazards-outlines', datasets.hazards.features, (feature) => {
      const entry = LEGEND.hazards.find((candidate) => candidate.key === feature.properties?.hazardType);
      return entry && 'color' in entry.symbol ? [...entry.symbol.color, 255] : [];
    });
    expectOutlineColours(layers, 'control-outlines', datasets.control.features, (feature) => {
      const entry = LEGEND.control.find((candidate) => candidate.key === feature.properties?.controlLevel);
      return entry && 'color' in entry.symbol ? [...entry.symbol.color, 255] : [];
    });
    const hazardFill = accessor(byId(layers, 'hazards-zones'), 'getFillColor');
    for (const feature of datasets.hazards.features) {
      const entry = LEGEND.hazards.find((candidate) => candidate.key === feature.properties.hazardType);
      if (entry?.symbol.kind !== 'fill') throw new Error('hazard legend must be a fill');
      const colour = hazardFill(feature);
      expect(colour.slice(0, 3)).toEqual([...entry.symbol.color]);
      expect(colour[3]).toBe(SEVERITY_FILL_ALPHA[feature.properties.severity]);
    }
    const controlPattern = byId(layers, 'control-areas').props as unknown as {
      getFillPattern: (feature: Feature) => string;
    };
    for (const feature of datasets.control.features) {
      const entry = LEGEND.control.find((candidate) => candidate.key === feature.properties.controlLevel);
      if (entry?.symbol.kind !== 'pattern') throw new Error('control legend must be a pattern');
      expect(controlPattern.getFillPattern(feature)).toBe(entry.symbol.pattern);
    }
  });

  it('gives every legend category a distinct colour within its layer', () => {
    for (const entries of Object.values(LEGEND)) {
      const colours = entries.flatMap((entry) =>
        'color' in entry.symbol ? [entry.symbol.color.join(',')] : [],
      );
      expect(new Set(colours).size).toBe(colours.length);
    }
  });

  it('hands deck.gl the same data arrays on every rebuild, so unchanged layers are not re-uploaded', () => {
    const state = loadedState();
    const first = buildLayers(state, resources());
    const second = buildLayers({ ...state, selection: { layerId: 'sites', featureId: 'S1' } }, resources());
    for (const id of [
      'admin-communes',
      'admin-commune-dashes',
      'admin-departments',
      'hazards-zones',
      'hazards-outlines',
      'control-outlines',
      'sites-circles',
      'admin-labels',
    ]) {
      expect(byId(second, id).props.data, id).toBe(byId(first, id).props.data);
    }
  });

  it('draws at street zoom only the commune dashes starting inside the site window, the same data while it holds', () => {
    const state = { ...loadedState(), zoomStep: 11 };
    // Per vertex: six vertices per segment, the first one's values read here.
    type Segments = { segments: number; attributes: Record<string, { value: Float64Array }> };
    const dashesOf = (window: { west: number; south: number; east: number; north: number } | null) =>
      byId(buildLayers(state, resources(), window), 'admin-commune-dashes').props.data as unknown as Segments;
    const starts = (segments: Segments) => {
      const sources = segments.attributes.getSourcePosition?.value ?? new Float64Array();
      expect(sources).toHaveLength(segments.segments * 6 * 2);
      return Array.from({ length: segments.segments }, (_, index) => [
        sources[index * 12] ?? Number.NaN,
        sources[index * 12 + 1] ?? Number.NaN,
      ]);
    };
    const everywhere = starts(dashesOf(null));
    expect(everywhere.length).toBeGreaterThan(10);
    const longitudes = everywhere.map(([longitude]) => longitude ?? Number.NaN).sort((a, b) => a - b);
    const middle = longitudes[longitudes.length >> 1] ?? Number.NaN;
    const window = { west: -180, south: -90, east: middle, north: 90 };
    const inside = starts(dashesOf(window));
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(everywhere.length);
    expect(inside.every(([longitude = Number.NaN]) => longitude <= middle)).toBe(true);
    expect(inside).toHaveLength(everywhere.filter(([longitude = Number.NaN]) => longitude <= middle).length);
    // Each dash keeps its end: a segment, not a point.
    const targets = dashesOf(window).attributes.getTargetPosition?.value ?? new Float64Array();
    expect(targets).toHaveLength(inside.length * 12);
    expect(inside.some(([longitude], index) => targets[index * 12] !== longitude)).toBe(true);
    const again = buildLayers(
      { ...state, selection: { layerId: 'sites', featureId: 'S1' } },
      resources(),
      window,
    );
    expect(byId(again, 'admin-commune-dashes').props.data).toBe(dashesOf(window));
  });

  it('keeps the area layers to the site window at street zoom: areas outside left out, areas across it cut', () => {
    const state = { ...loadedState(), zoomStep: 11 };
    // West of the hazards' square (-72.4 → -72.35), across the western one's middle.
    const window = { west: -73, south: 18, east: -72.375, north: 19 };
    const hazards = byId(buildLayers(state, resources(), window), 'hazards-zones').props.data as Feature[];
    expect(hazards.map((feature) => feature.properties?.id)).toEqual(['H1', 'H2']);
    for (const feature of hazards) {
      if (feature.geometry.type !== 'Polygon') throw new Error('a hazard square stays a polygon');
      const longitudes = feature.geometry.coordinates.flat().map(([longitude = Number.NaN]) => longitude);
      expect(Math.max(...longitudes)).toBeCloseTo(-72.375, 9);
    }
    // The control area (-72.35 → -72.33) lies east of the window: not drawn.
    expect(byId(buildLayers(state, resources(), window), 'control-areas').props.data).toEqual([]);
    // Without a window (country zoom), the layers draw the collections themselves.
    const datasets = state.datasets ?? smallDatasets();
    expect(byId(buildLayers(state, resources(), null), 'hazards-zones').props.data).toBe(
      datasets.hazards.features,
    );
  });

  it("hatches the control areas only: every other fill keeps deck's plain fill shader", () => {
    // The hatching shader costs as much with patterns off: shared by the hazard zones, it took
    // 37 ms of every panned frame on software WebGL.
    const fills = buildLayers(loadedState(), resources()).filter(
      (layer) => (layer.props as { filled?: boolean }).filled === true && layer.id !== 'sites-circles',
    );
    expect(fills.map((layer) => layer.id)).toEqual(['admin-communes', 'hazards-zones', 'control-areas']);
    expect(fills.map((layer) => layer.props.extensions.length)).toEqual([0, 0, 1]);
  });

  it('draws large sites first so small ones stay visible on top', () => {
    const drawn = byId(buildLayers(loadedState(), resources()), 'sites-circles').props.data as SiteFeature[];
    const sizes = drawn.map((feature) => feature.properties.individuals);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(drawn).toHaveLength(3);
  });

  it('labels departments at country zoom and communes when zoomed in', () => {
    const state = loadedState();
    const labelsAt = (zoomStep: number) =>
      (
        byId(buildLayers({ ...state, zoomStep }, resources()), 'admin-labels').props.data as {
          text: string;
        }[]
      ).map((label) => label.text);
    expect(labelsAt(7.5)).toEqual(['Ouest']);
    expect(labelsAt(COMMUNE_LABEL_ZOOM)).toEqual(['Port-au-Prince']);
  });

  it('outlines the selected feature, and nothing when the selection is unknown', () => {
    const state = loadedState();
    const selected = buildLayers({ ...state, selection: { layerId: 'sites', featureId: 'S2' } }, resources());
    expect(selected.at(-1)?.id).toBe('selection-point');
    const area = buildLayers({ ...state, selection: { layerId: 'admin', featureId: 'HT0111' } }, resources());
    expect(area.at(-1)?.id).toBe('selection-area');
    const unknown = buildLayers(
      { ...state, selection: { layerId: 'sites', featureId: 'nope' } },
      resources(),
    );
    expect(unknown.map((layer) => layer.id)).not.toContain('selection-point');
  });

  it("draws the selection with programs the map has already linked, not deck's scatterplot or path (a first click linked one)", () => {
    const state = loadedState();
    const site = buildLayers({ ...state, selection: { layerId: 'sites', featureId: 'S2' } }, resources()).at(
      -1,
    );
    expect(site).toBeInstanceOf(VertexScatterplotLayer);
    const area = buildLayers({ ...state, selection: { layerId: 'admin', featureId: 'HT0111' } }, resources());
    const outline = area.at(-1);
    expect(outline).toBeInstanceOf(VertexLineLayer);
    if (!outline) throw new Error('no selection outline');
    // Every edge of the commune's rings, as a segment.
    const segments = (outline.props.data as unknown as { segments: number }).segments;
    const communes = state.datasets?.admin.features ?? [];
    const commune = communes.find((feature) => feature.properties.pcode === 'HT0111');
    const geometry = commune?.geometry;
    const rings =
      geometry?.type === 'Polygon'
        ? [geometry.coordinates]
        : geometry?.type === 'MultiPolygon'
          ? geometry.coordinates
          : [];
    expect(segments).toBe(rings.flat().reduce((total, ring) => total + ring.length - 1, 0));
  });
});
