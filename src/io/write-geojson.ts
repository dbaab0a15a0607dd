/**
 * GeoJSON export. Sensitive layers carry a `sensitivity` member at collection
 * level (a GeoJSON "foreign member": QGIS and other tools ignore it, our
 * reader keeps it), written first so anyone opening the file sees it.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerRole } from './field-candidates';
import { isSensitiveCollection, SENSITIVITY_LABEL } from './sensitivity';

/** Serialises a collection; `role` decides whether the sensitivity label is added. */
export function writeGeoJson(
  collection: FeatureCollection & { metadata?: unknown },
  role?: LayerRole,
): string {
  const output: Record<string, unknown> = { type: 'FeatureCollection' };
  if (isSensitiveCollection(collection, role)) output.sensitivity = SENSITIVITY_LABEL;
  if (collection.metadata !== undefined) output.metadata = collection.metadata;
  output.features = collection.features;
  return JSON.stringify(output);
}
