/**
 * The basemap as a MapLibre style. Offline by default: every source is inline
 * GeoJSON (Natural Earth 10 m countries), no glyphs, no sprites, no tiles, so
 * MapLibre makes no request. The OpenStreetMap raster is added only when the
 * user opts in.
 */

import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { BASEMAP_COLORS } from './palette';

export const ONLINE_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** Natural Earth names Haiti "Haiti"; its ISO numeric code is 332. */
const HAITI_FILTER = ['any', ['==', ['get', 'name'], 'Haiti'], ['==', ['get', 'iso'], '332']];

export interface BasemapOptions {
  countries: FeatureCollection;
  online: boolean;
  onlineAttribution: string;
  offlineAttribution: string;
}

export function basemapStyle(options: BasemapOptions): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    name: 'Katsit offline basemap',
    sources: {
      countries: { type: 'geojson', data: options.countries, attribution: options.offlineAttribution },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } },
      // Haiti left out of the other land: on software WebGL each fill over the whole view costs a
      // full pass of fragment shading, and at city zoom Haiti fills the view on every panned frame.
      {
        id: 'land',
        type: 'fill',
        source: 'countries',
        filter: ['!', HAITI_FILTER] as never,
        paint: { 'fill-color': BASEMAP_COLORS.land },
      },
      {
        id: 'land-haiti',
        type: 'fill',
        source: 'countries',
        filter: HAITI_FILTER as never,
        paint: { 'fill-color': BASEMAP_COLORS.haiti },
      },
      {
        id: 'country-borders',
        type: 'line',
        source: 'countries',
        paint: {
          'line-color': BASEMAP_COLORS.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.6, 12, 1.6],
        },
      },
    ],
  };
  if (options.online) {
    style.sources.online = {
      type: 'raster',
      tiles: [ONLINE_TILE_URL],
      tileSize: 256,
      maxzoom: 19,
      attribution: options.onlineAttribution,
    };
    // Raster above the offline land so it replaces it, below nothing else: deck layers draw on top.
    style.layers.push({
      id: 'online-raster',
      type: 'raster',
      source: 'online',
      paint: { 'raster-opacity': 1 },
    });
  }
  return style;
}
