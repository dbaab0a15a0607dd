/**
 * Coordinate rounding. Five decimals is about 1 m at Haiti's latitude: more
 * precision only makes the files bigger for users on weak connections.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

const FACTOR = 1e5;

export function roundNumber(value: number): number {
  // `+ 0` turns -0 into 0 so a JSON round trip gives the same value back.
  return Math.round(value * FACTOR) / FACTOR + 0;
}

export function roundPosition(position: Position): [number, number] {
  return [roundNumber(position[0] ?? 0), roundNumber(position[1] ?? 0)];
}

/**
 * Rounds a ring and drops the consecutive duplicates rounding creates.
 * Returns undefined when fewer than three distinct corners survive, because
 * such a ring is degenerate and validators reject it.
 */
export function roundRing(ring: readonly Position[]): [number, number][] | undefined {
  const rounded: [number, number][] = [];
  for (const position of ring) {
    const next = roundPosition(position);
    const previous = rounded[rounded.length - 1];
    if (previous === undefined || previous[0] !== next[0] || previous[1] !== next[1]) rounded.push(next);
  }
  const first = rounded[0];
  const last = rounded[rounded.length - 1];
  if (first === undefined || last === undefined) return undefined;
  if (first[0] !== last[0] || first[1] !== last[1]) rounded.push([first[0], first[1]]);
  return rounded.length >= 4 ? rounded : undefined;
}

/** Rounds every ring; drops degenerate holes and parts; undefined if nothing is left. */
export function roundPolygonal(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | undefined {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const roundedParts: [number, number][][][] = [];
  for (const part of parts) {
    const [outer, ...holes] = part;
    const roundedOuter = outer === undefined ? undefined : roundRing(outer);
    if (roundedOuter === undefined) continue;
    const roundedHoles = holes.map(roundRing).filter((hole) => hole !== undefined);
    roundedParts.push([roundedOuter, ...roundedHoles]);
  }
  const [only] = roundedParts;
  if (only === undefined) return undefined;
  return roundedParts.length === 1
    ? { type: 'Polygon', coordinates: only }
    : { type: 'MultiPolygon', coordinates: roundedParts };
}
