/**
 * GeoJSON export. Sensitive layers carry a `sensitivity` member at collection
 * level (a GeoJSON "foreign member": QGIS and other tools ignore it, our
 * reader keeps it), written first so anyone opening the file sees it.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerRole } from './field-candidates';
import { isSensitiveCollection } from './sensitivity';

/**
 * Serialises a collection; `role` (or labels kept from an imported file)
 * decides whether `sensitivityLabel` (the catalogue's
 * `export.sensitivityLabel` in the interface language) is added.
 */
export function writeGeoJson(
  collection: FeatureCollection & { metadata?: unknown },
  role: LayerRole | undefined,
  sensitivityLabel: string,
): string {
  const output: Record<string, unknown> = { type: 'FeatureCollection' };
  if (isSensitiveCollection(collection, role)) output.sensitivity = sensitivityLabel;
  if (collection.metadata !== undefined) output.metadata = collection.metadata;
  output.features = collection.features;
  return JSON.stringify(output);
}
