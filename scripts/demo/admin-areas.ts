/**
 * Approximate admin areas: each commune is the Voronoi cell of its seat
 * (the land closer to its town than to any other seat), clipped to Natural
 * Earth's coastline; each department is the union of its communes. Good
 * enough to aggregate demo sites by area; NOT the official COD-AB boundaries.
 */
import { bbox, distance, voronoi } from '@turf/turf';
import type { BBox, FeatureCollection, Point, Polygon } from 'geojson';
import type { AdminAreaFeature, AdminAreaProperties } from '../../src/domain/types';
import { COMMUNE_SEATS, type CommuneSeat, DEPARTMENTS, departmentOf } from './commune-seats';
import { roundPolygonal } from './coordinates';
import { haitiIslands } from './natural-earth';
import { intersectGeometries, type Polygonal, simplifyGeometry, unionGeometries } from './polygon-operations';

/** Degrees; ~200 m, invisible at country scale and keeps the file small. */
const SIMPLIFY_TOLERANCE = 0.002;

/** A seat counts as on an island when it is within this margin (degrees) of the island's box. */
const ISLAND_MARGIN = 0.03;

export function buildAdminAreas(): AdminAreaFeature[] {
  const pieces = communePieces();
  const communes = COMMUNE_SEATS.map((seat) => {
    const geometry = unionGeometries(pieces.get(seat.pcode) ?? []);
    if (geometry === undefined) throw new Error(`Commune ${seat.pcode} ${seat.name} has no land`);
    return { seat, geometry };
  });

  const departmentFeatures = DEPARTMENTS.map((department) => {
    const members = communes.filter(({ seat }) => departmentOf(seat.pcode).pcode === department.pcode);
    const geometry = unionGeometries(members.map((member) => member.geometry));
    if (geometry === undefined) throw new Error(`Department ${department.pcode} has no land`);
    return toFeature(geometry, {
      pcode: department.pcode,
      name: department.name,
      level: 1,
      approximate: true,
    });
  });

  const communeFeatures = communes.map(({ seat, geometry }) => {
    const department = departmentOf(seat.pcode);
    return toFeature(geometry, {
      pcode: seat.pcode,
      name: seat.name,
      level: 2,
      parentPcode: department.pcode,
      parentName: department.name,
      approximate: true,
    });
  });
  return [...departmentFeatures, ...communeFeatures];
}

function toFeature(geometry: Polygonal, properties: AdminAreaProperties): AdminAreaFeature {
  const rounded = roundPolygonal(simplifyGeometry(geometry, SIMPLIFY_TOLERANCE));
  if (rounded === undefined) throw new Error(`Admin area ${properties.pcode} vanished when simplified`);
  return { type: 'Feature', properties, geometry: rounded };
}

/**
 * The land pieces of every commune, keyed by P-code. Each island gets its own
 * Voronoi diagram, so a coastal town on the mainland never claims the tip of
 * La Gonâve across the bay; an island without a seat of its own (the
 * Cayemites) goes whole to the nearest seat.
 */
function communePieces(): Map<string, Polygonal[]> {
  const islands = haitiIslands();
  const pieces = new Map<string, Polygonal[]>();
  const add = (pcode: string, geometry: Polygonal): void => {
    pieces.set(pcode, [...(pieces.get(pcode) ?? []), geometry]);
  };

  const seatsByIsland = islands.map(() => [] as CommuneSeat[]);
  for (const seat of COMMUNE_SEATS) {
    const islandIndex = islands.findIndex(
      (island, index) => index > 0 && containsWithMargin(bbox(island), seat, ISLAND_MARGIN),
    );
    seatsByIsland[islandIndex === -1 ? 0 : islandIndex]?.push(seat);
  }

  islands.forEach((island, index) => {
    const seats = seatsByIsland[index] ?? [];
    if (seats.length === 0) {
      add(nearestSeat(island).pcode, island);
      return;
    }
    const [onlySeat] = seats;
    if (seats.length === 1 && onlySeat !== undefined) {
      add(onlySeat.pcode, island);
      return;
    }
    for (const cell of voronoiCells(seats, expand(bbox(island), 0.5)).features) {
      const land = intersectGeometries(cell.geometry, island);
      if (land !== undefined) add(cell.properties.pcode, land);
    }
  });
  return pieces;
}

function voronoiCells(
  seats: readonly CommuneSeat[],
  box: BBox,
): FeatureCollection<Polygon, { pcode: string }> {
  const points: FeatureCollection<Point, { pcode: string }> = {
    type: 'FeatureCollection',
    features: seats.map((seat) => ({
      type: 'Feature',
      properties: { pcode: seat.pcode },
      geometry: { type: 'Point', coordinates: [seat.longitude, seat.latitude] },
    })),
  };
  // Turf copies each input point's properties onto its cell, in input order.
  return voronoi(points, { bbox: box }) as FeatureCollection<Polygon, { pcode: string }>;
}

function nearestSeat(island: Polygon): CommuneSeat {
  const [west, south, east, north] = bbox(island);
  const centre: [number, number] = [(west + east) / 2, (south + north) / 2];
  let best: CommuneSeat | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const seat of COMMUNE_SEATS) {
    const kilometres = distance(centre, [seat.longitude, seat.latitude]);
    if (kilometres < bestDistance) {
      best = seat;
      bestDistance = kilometres;
    }
  }
  if (best === undefined) throw new Error('No commune seats');
  return best;
}

function containsWithMargin(box: BBox, seat: CommuneSeat, margin: number): boolean {
  const [west, south, east, north] = box;
  return (
    seat.longitude >= west - margin &&
    seat.longitude <= east + margin &&
    seat.latitude >= south - margin &&
    seat.latitude <= north + margin
  );
}

function expand(box: BBox, margin: number): BBox {
  const [west, south, east, north] = box;
  return [west - margin, south - margin, east + margin, north + margin];
}
