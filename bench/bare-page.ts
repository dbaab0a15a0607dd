/**
 * The bare MapLibre page the browser benchmark compares the app with: the
 * same MapLibre build, a background and one GeoJSON source of circles (a
 * thousand seeded points over Haiti at first, 100k when the benchmark sets
 * them), no application code. It marks body[data-ready="true"] at its first
 * idle, as the app does.
 */
export function barePageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Bare MapLibre</title>
<link rel="stylesheet" href="./maplibre-gl.css">
<style>html, body, #map { margin: 0; width: 100%; height: 100%; }</style>
</head>
<body>
<div id="map"></div>
<script type="module">
import * as maplibregl from './maplibre-gl.mjs';
let state = 7;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let value = state;
  value = Math.imul(value ^ (value >>> 15), value | 1);
  value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
  return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
};
const features = [];
for (let index = 0; index < 1000; index += 1)
  features.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [-74.5 + random() * 2.9, 18 + random() * 2] } });
const map = new maplibregl.Map({
  container: 'map',
  center: [-72.8, 19.0],
  zoom: 7.5,
  style: {
    version: 8,
    sources: { sites: { type: 'geojson', data: { type: 'FeatureCollection', features } } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe8ef' } },
      { id: 'sites', type: 'circle', source: 'sites', paint: { 'circle-radius': 4, 'circle-color': '#b3452c', 'circle-stroke-width': 1, 'circle-stroke-color': '#ffffff' } },
    ],
  },
});
globalThis.__map = map;
map.once('idle', () => { document.body.dataset.ready = 'true'; });
</script>
</body>
</html>
`;
}
