/**
 * The label every export of the gang-control layer carries (DOMAIN.md: such
 * maps can harm people if they leak). One constant so the GeoJSON member, the
 * CSV column and the KML description cannot drift apart, and so readers can
 * recognise it coming back.
 */
import type { LayerRole } from './field-candidates';

/** Written into exports of sensitive layers. Starts with "SENSITIVE" on purpose: readers look for it. */
export const SENSITIVITY_LABEL = 'SENSITIVE — internal use only. Do not share outside the coordination team.';

/** True for roles whose exports must carry the label. */
export function isSensitiveRole(role: LayerRole | undefined): boolean {
  return role === 'control';
}

/** The value the model's `sensitivity` property holds on sensitive features. */
export const SENSITIVE_VALUE = 'sensitive';

/** True for a label we write (the long label, or the model's 'sensitive'), in any case. */
export function isSensitivityLabel(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return text.startsWith('SENSITIVE') || text.toLowerCase() === SENSITIVE_VALUE;
}

/**
 * True when a read file carries a sensitivity label: at collection level (our
 * GeoJSON member, KML description, CSV column) or on any of its features.
 */
export function carriesSensitivityLabel(collection: {
  sensitivity?: unknown;
  features: ReadonlyArray<{ properties?: unknown } | null>;
}): boolean {
  if (isSensitivityLabel(collection.sensitivity)) return true;
  return collection.features.some((feature) => {
    const properties = feature?.properties;
    return (
      typeof properties === 'object' &&
      properties !== null &&
      isSensitivityLabel((properties as Record<string, unknown>).sensitivity)
    );
  });
}

/**
 * True when exports of this collection must carry the label: the
 * gang-control role, or features that kept a label from the file they were
 * imported from (whatever layer they went into).
 */
export function isSensitiveCollection(
  collection: { features: ReadonlyArray<{ properties?: unknown } | null> },
  role: LayerRole | undefined,
): boolean {
  return isSensitiveRole(role) || carriesSensitivityLabel(collection);
}
