/**
 * GeoJSON text with one feature per line: no indentation (small over weak
 * connections), yet a regenerated file gives a readable, per-feature git diff.
 */
import type { FeatureCollection } from 'geojson';

export function serializeCollection(collection: FeatureCollection & { metadata?: unknown }): string {
  const { features, ...header } = collection;
  const head = JSON.stringify({ ...header, features: [] }).slice(0, -2);
  const body = features.map((feature) => JSON.stringify(feature)).join(',\n');
  return `${head}\n${body}\n]}\n`;
}
