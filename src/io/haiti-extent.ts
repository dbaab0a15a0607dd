/**
 * Haiti's extent (DOMAIN.md): latitude 18–20.1, longitude −74.5 to −71.6.
 * A position whose numbers fit this box only once swapped was typed in the
 * wrong order — the most common coordinate mistake in site lists.
 */

export const HAITI_EXTENT = { south: 18, north: 20.1, west: -74.5, east: -71.6 } as const;

/** Slack for islands and coastal features drawn a little outside the box. */
const MARGIN_DEGREES = 0.1;

/** True when [longitude, latitude] lies in Haiti (with a small margin). */
export function isInHaiti(longitude: number, latitude: number): boolean {
  return (
    latitude >= HAITI_EXTENT.south - MARGIN_DEGREES &&
    latitude <= HAITI_EXTENT.north + MARGIN_DEGREES &&
    longitude >= HAITI_EXTENT.west - MARGIN_DEGREES &&
    longitude <= HAITI_EXTENT.east + MARGIN_DEGREES
  );
}

/** True when the position lies in Haiti only after swapping its two numbers. */
export function isSwappedHaiti(first: number, second: number): boolean {
  return !isInHaiti(first, second) && isInHaiti(second, first);
}
