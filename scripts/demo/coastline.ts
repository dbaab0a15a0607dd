/**
 * Pieces of Haiti's real coastline (Natural Earth), so storm-surge bands
 * follow the shore instead of a hand-drawn guess of it.
 */
import type { BBox, MultiLineString, Polygon, Position } from 'geojson';

/** The runs of consecutive coastline vertices that lie inside the box. */
export function coastlineWithin(islands: readonly Polygon[], box: BBox): MultiLineString {
  const [west, south, east, north] = box;
  const inside = (position: Position): boolean => {
    const [longitude = Number.NaN, latitude = Number.NaN] = position;
    return longitude >= west && longitude <= east && latitude >= south && latitude <= north;
  };
  const runs: Position[][] = [];
  for (const island of islands) {
    for (const ring of island.coordinates) {
      let run: Position[] = [];
      for (const position of ring) {
        if (inside(position)) {
          run.push(position);
          continue;
        }
        if (run.length >= 2) runs.push(run);
        run = [];
      }
      if (run.length >= 2) runs.push(run);
    }
  }
  return { type: 'MultiLineString', coordinates: runs };
}
