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
