/**
 * Values the map needs to draw a feature at all: a site's type picks its
 * colour, a hazard's type and severity its fill, a service's type its icon.
 * A partner's file often lacks one of them; rather than drop the feature or
 * crash the layer, the import fills a stated default and the review says so
 * (how many features, which field, which value) before the user confirms.
 * Ids are numbered when the file has none, so features can be selected.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerRole } from './field-candidates';

/** One field filled with a default, and in how many features. */
export interface DefaultedField {
  field: string;
  value: string | number;
  count: number;
}

/** The default of each drawing-critical field, per role. */
export const DISPLAY_DEFAULTS: Record<LayerRole, Record<string, string | number>> = {
  // Spontaneous sites are the most common kind in the Port-au-Prince area (DOMAIN.md).
  sites: { siteType: 'spontaneous_site', individuals: 0, households: 0 },
  hazards: { hazardType: 'flood', severity: 'medium' },
  control: { controlLevel: 'contested' },
  services: { serviceType: 'distribution' },
  admin: { level: 2 },
};

/**
 * Returns a new collection whose features all carry the drawing-critical
 * fields, and the list of fields that had to be filled. The input is not
 * modified.
 */
export function applyDisplayDefaults(
  collection: FeatureCollection,
  role: LayerRole,
): { collection: FeatureCollection; defaulted: DefaultedField[] } {
  const defaults = DISPLAY_DEFAULTS[role];
  const counts = new Map<string, number>();
  const idField = role === 'admin' ? 'pcode' : 'id';
  const features = collection.features.map((feature, index): Feature => {
    const properties: Record<string, unknown> = { ...(feature.properties ?? {}) };
    for (const [field, value] of Object.entries(defaults)) {
      if (properties[field] === undefined || properties[field] === null) {
        properties[field] = value;
        counts.set(field, (counts.get(field) ?? 0) + 1);
      }
    }
    const id = properties[idField];
    if (id === undefined || id === null || String(id).trim() === '') {
      properties[idField] = `${index + 1}`;
      counts.set(idField, (counts.get(idField) ?? 0) + 1);
    }
    return { ...feature, properties };
  });
  const defaulted = [...counts].map(([field, count]) => ({
    field,
    value: defaults[field] ?? '1, 2, 3…',
    count,
  }));
  return { collection: { ...collection, features }, defaulted };
}
