import type { Feature } from 'geojson';
import type { Datasets, LayerId } from './types';

/** The stable id of a feature: `id` for thematic layers, `pcode` for admin areas. */
export function featureId(layerId: LayerId, feature: Feature): string {
  const properties = feature.properties ?? {};
  const value = layerId === 'admin' ? properties.pcode : properties.id;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** Finds a feature of a layer by its stable id (linear: used on clicks, not per frame). */
export function findFeature(datasets: Datasets, layerId: LayerId, id: string): Feature | undefined {
  const features: readonly Feature[] = datasets[layerId].features;
  return features.find((feature) => featureId(layerId, feature) === id);
}
