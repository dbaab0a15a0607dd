/**
 * The label every export of the gang-control layer carries (DOMAIN.md: such
 * maps can harm people if they leak). Its text is the catalogue key
 * `export.sensitivityLabel` in the interface language, passed to the writers
 * by their callers so the writers stay pure and free of the catalogues; one
 * key so the GeoJSON member, the CSV column and the KML description cannot
 * drift apart. Readers recognise the label in every language by the first
 * word each catalogue starts it with, so a French export re-imported in an
 * English interface keeps its label.
 */
import type { LayerRole } from './field-candidates';

/**
 * The English label exports carried before the label followed the interface
 * language; files written then must still be recognised, and it is still the
 * English catalogue's text.
 */
export const SENSITIVITY_LABEL = 'SENSITIVE — internal use only. Do not share outside the coordination team.';

/**
 * The first word of the label in each catalogue (en "SENSITIVE", fr
 * "SENSIBLE", ht "SANSIB"), in capitals on purpose: readers look for it.
 * A catalogue test checks every language's label starts with one of these.
 */
export const SENSITIVITY_LABEL_WORDS = ['SENSITIVE', 'SENSIBLE', 'SANSIB'] as const;

const WRITTEN_LABEL = new RegExp(`^(?:${SENSITIVITY_LABEL_WORDS.join('|')})(?![\\p{L}\\p{N}])`, 'u');

/** True for a long label as our writers put it in a file, in any of the three languages. */
export function isWrittenSensitivityLabel(value: unknown): boolean {
  return typeof value === 'string' && WRITTEN_LABEL.test(value.trim());
}

/** True for roles whose exports must carry the label. */
export function isSensitiveRole(role: LayerRole | undefined): boolean {
  return role === 'control';
}

/** The value the model's `sensitivity` property holds on sensitive features. */
export const SENSITIVE_VALUE = 'sensitive';

/** True for a label we write (the long label in any language, or the model's 'sensitive', in any case). */
export function isSensitivityLabel(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  return isWrittenSensitivityLabel(value) || value.trim().toLowerCase() === SENSITIVE_VALUE;
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
