/**
 * The MapLibre style for a stored PMTiles basemap. Vector archives in the
 * Protomaps schema get the maintained Protomaps layers (`@protomaps/basemaps`):
 * the light flavour, or a grayscale one for print that lets thematic layers
 * stand out; labels in the interface language where the data has them. Raster
 * archives are shown as they are. Loaded on demand, so the style library stays
 * out of the main bundle until a basemap is used.
 *
 * No `glyphs` and no `sprite`: MapLibre draws label text with local fonts when
 * a style has no glyphs URL. The few Protomaps layers that need sprite icons
 * lose them: one-way arrows and road shields go, points of interest and towns
 * keep their names without their icons. So the style makes no request at all.
 */
// Style types from the style specification itself: the map library stays behind MapView.
import type { LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { layers, namedFlavor } from '@protomaps/basemaps';
import type { FeatureCollection } from 'geojson';
import type { BasemapSummary } from './basemap-archive';
import { BASEMAP_ATTRIBUTION_METADATA } from './basemap-attribution';

export type BasemapFlavour = 'light' | 'print';

export interface ArchiveStyleOptions {
  /** The archive's key in `pmtiles://` tile URLs. */
  key: string;
  summary: BasemapSummary;
  flavour: BasemapFlavour;
  /** Interface language: fr, en or ht. */
  language: string;
  /** Natural Earth countries, drawn under the archive so land outside its bounds is not blank. */
  countries: FeatureCollection;
  /** Shown when the archive names no attribution of its own. */
  fallbackAttribution: string;
}

const SOURCE = 'basemap';

/**
 * Protomaps builds carry `name:fr` and `name:en` but no `name:ht`; in Creole the
 * local `name` (often Creole or French in Haiti) comes through French's fallback.
 */
const LABEL_LANGUAGE: Record<string, string> = { fr: 'fr', en: 'en', ht: 'fr' };

/** Road shields: a route number drawn inside its shield icon, meaningless without it. */
const ICON_BOUND_LAYERS = new Set(['roads_shields']);

/** Drops sprite icons: icon-only layers and shields go, other labels keep their text. */
function withoutIcons(layer: LayerSpecification): LayerSpecification | null {
  if (layer.type !== 'symbol' || !layer.layout || !('icon-image' in layer.layout)) return layer;
  if (!('text-field' in layer.layout) || ICON_BOUND_LAYERS.has(layer.id)) return null;
  const layout = Object.fromEntries(
    Object.entries(layer.layout).filter(([property]) => !property.startsWith('icon-')),
  );
  return { ...layer, layout } as LayerSpecification;
}

function vectorLayers(options: ArchiveStyleOptions): LayerSpecification[] {
  const flavour = namedFlavor(options.flavour === 'print' ? 'grayscale' : 'light');
  const all = layers(SOURCE, flavour, {
    lang: LABEL_LANGUAGE[options.language] ?? 'fr',
  }) as LayerSpecification[];
  const drawn = all.map(withoutIcons).filter((layer): layer is LayerSpecification => layer !== null);
  // Natural Earth land right above the background: the archive's own earth covers it where it has data.
  const land: LayerSpecification = {
    id: 'natural-earth-land',
    type: 'fill',
    source: 'countries',
    paint: { 'fill-color': flavour.earth },
  };
  const backgroundIndex = drawn.findIndex((layer) => layer.type === 'background');
  drawn.splice(backgroundIndex + 1, 0, land);
  return drawn;
}

function rasterLayers(): LayerSpecification[] {
  return [
    { id: 'sea', type: 'background', paint: { 'background-color': '#cfe3ec' } },
    { id: 'natural-earth-land', type: 'fill', source: 'countries', paint: { 'fill-color': '#efede8' } },
    { id: 'basemap-raster', type: 'raster', source: SOURCE },
  ];
}

export function archiveStyle(options: ArchiveStyleOptions): StyleSpecification {
  const { summary } = options;
  const tiles = [`pmtiles://${options.key}/{z}/{x}/{y}`];
  const common = {
    tiles,
    minzoom: summary.minZoom,
    maxzoom: summary.maxZoom,
    bounds: [summary.bounds.west, summary.bounds.south, summary.bounds.east, summary.bounds.north] as [
      number,
      number,
      number,
      number,
    ],
    attribution: summary.attribution ?? options.fallbackAttribution,
  };
  return {
    version: 8,
    name: 'Katsit stored basemap',
    // Read back by MapView for map products, which print the basemap's source.
    metadata: { [BASEMAP_ATTRIBUTION_METADATA]: common.attribution },
    sources: {
      countries: { type: 'geojson', data: options.countries },
      [SOURCE]:
        summary.kind === 'vector'
          ? { type: 'vector', ...common }
          : { type: 'raster', tileSize: 256, ...common },
    },
    layers: summary.kind === 'vector' ? vectorLayers(options) : rasterLayers(),
  };
}
