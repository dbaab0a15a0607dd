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

/** A file whose features lie outside Haiti more often than this gets one file-level warning. */
const OUTSIDE_SHARE = 0.5;

/**
 * How many features lie outside Haiti, judged by the centre of each
 * feature's bounding box (a commune straddling the border is in), and
 * whether that is most of the file. Features without coordinates are not
 * counted either way.
 */
export function placementOfFile(features: readonly unknown[]): {
  outside: number;
  placed: number;
  mostlyOutside: boolean;
} {
  let outside = 0;
  let placed = 0;
  for (const feature of features) {
    const box = boundingBox((feature as { geometry?: unknown } | null)?.geometry);
    if (!box) continue;
    placed++;
    if (!isInHaiti((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)) outside++;
  }
  return { outside, placed, mostlyOutside: placed > 0 && outside / placed > OUTSIDE_SHARE };
}

/** West, south, east and north of everything an import holds, so the map can fit to it; undefined when empty. */
export function collectionBounds(
  features: readonly unknown[],
): { west: number; south: number; east: number; north: number } | undefined {
  let bounds: { west: number; south: number; east: number; north: number } | undefined;
  for (const feature of features) {
    const box = boundingBox((feature as { geometry?: unknown } | null)?.geometry);
    if (!box) continue;
    bounds = bounds
      ? {
          west: Math.min(bounds.west, box[0]),
          south: Math.min(bounds.south, box[1]),
          east: Math.max(bounds.east, box[2]),
          north: Math.max(bounds.north, box[3]),
        }
      : { west: box[0], south: box[1], east: box[2], north: box[3] };
  }
  return bounds;
}

/** [west, south, east, north] of every numeric position in a geometry, or undefined. */
function boundingBox(geometry: unknown): [number, number, number, number] | undefined {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown, depth: number): void => {
    if (!Array.isArray(value) || depth > 6) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      const [x, y] = value as [number, number];
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
      return;
    }
    for (const item of value) visit(item, depth + 1);
  };
  const walk = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 4) return;
    const { coordinates, geometries } = node as { coordinates?: unknown; geometries?: unknown };
    visit(coordinates, 0);
    if (Array.isArray(geometries)) for (const member of geometries) walk(member, depth + 1);
  };
  walk(geometry, 0);
  return box[0] <= box[2] ? box : undefined;
}
