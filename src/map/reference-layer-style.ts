/**
 * Reference layers in a MapLibre style: every archive becomes a source
 * (`pmtiles://key/{z}/{x}/{y}`, read from the device or the user's address)
 * and a plain look in its own colour — polygons filled lightly with an
 * outline, lines, small circles for points; images drawn as they are. They go
 * below the basemap's first label layer, where the thematic layers are also
 * inserted (after them), so sites and labels stay on top.
 */
import type { LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { BasemapSummary } from './basemap-archive';
import { type DrawnReferenceLayer, REFERENCE_LAYERS_METADATA } from './basemap-attribution';

/** One reference layer as the style draws it. */
export interface ReferenceStyleLayer {
  key: string;
  /** As the legend names it. */
  name: string;
  summary: BasemapSummary;
  /** CSS colour (REFERENCE_COLORS). */
  colour: string;
}

const POLYGONS = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const POINTS = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];

/** The style's source id for a reference archive. */
export function referenceSourceId(key: string): string {
  return `reference-${key}`;
}

function vectorLayers(reference: ReferenceStyleLayer, source: string): LayerSpecification[] {
  const { colour } = reference;
  return reference.summary.vectorLayers.flatMap((sourceLayer): LayerSpecification[] => {
    const id = `${source}-${sourceLayer}`;
    const common = { source, 'source-layer': sourceLayer };
    return [
      {
        id: `${id}-fill`,
        type: 'fill',
        ...common,
        filter: POLYGONS as never,
        paint: { 'fill-color': colour, 'fill-opacity': 0.22 },
      },
      {
        id: `${id}-line`,
        type: 'line',
        ...common,
        paint: {
          'line-color': colour,
          'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.6, 16, 1.6] as never,
        },
      },
      {
        id: `${id}-point`,
        type: 'circle',
        ...common,
        filter: POINTS as never,
        paint: {
          'circle-color': colour,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 16, 4] as never,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 0.5,
        },
      },
    ];
  });
}

/** `style` with the reference layers added, in order (the first added drawn lowest). */
export function withReferenceLayers(
  style: StyleSpecification,
  references: readonly ReferenceStyleLayer[],
): StyleSpecification {
  if (references.length === 0) return style;
  const sources = { ...style.sources };
  const added: LayerSpecification[] = [];
  for (const reference of references) {
    const { summary } = reference;
    const id = referenceSourceId(reference.key);
    const common = {
      tiles: [`pmtiles://${reference.key}/{z}/{x}/{y}`],
      minzoom: summary.minZoom,
      maxzoom: summary.maxZoom,
      bounds: [summary.bounds.west, summary.bounds.south, summary.bounds.east, summary.bounds.north] as [
        number,
        number,
        number,
        number,
      ],
      ...(summary.attribution ? { attribution: summary.attribution } : {}),
    };
    if (summary.kind === 'vector') {
      sources[id] = { type: 'vector', ...common };
      added.push(...vectorLayers(reference, id));
    } else {
      sources[id] = { type: 'raster', tileSize: 256, ...common };
      added.push({ id: `${id}-raster`, type: 'raster', source: id, paint: { 'raster-opacity': 0.75 } });
    }
  }
  const firstLabel = style.layers.findIndex((layer) => layer.type === 'symbol');
  const at = firstLabel === -1 ? style.layers.length : firstLabel;
  // Read back by MapView for map products: their legend and sources.
  const drawn: DrawnReferenceLayer[] = references.map((reference) => ({
    name: reference.name,
    colour: reference.colour,
    attribution: reference.summary.attribution,
  }));
  const metadata = typeof style.metadata === 'object' && style.metadata !== null ? style.metadata : {};
  return {
    ...style,
    metadata: { ...metadata, [REFERENCE_LAYERS_METADATA]: drawn },
    sources,
    layers: [...style.layers.slice(0, at), ...added, ...style.layers.slice(at)],
  };
}
