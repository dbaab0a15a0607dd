/**
 * Deterministic synthetic workloads (seeded), spread over a Haiti-sized
 * extent: star-shaped zones with a chosen number of vertices, some with
 * holes, some MultiPolygons; sites with DTM-like properties; service points;
 * control areas; a grid of admin areas. Fictional data, for benchmarks and
 * tests only.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import {
  type AdminAreaCollection,
  CONTROL_LEVELS,
  type ControlAreaCollection,
  HAZARD_TYPES,
  type HazardZoneCollection,
  SEVERITIES,
  type ServicePointCollection,
  type SiteCollection,
} from '../src/domain/types';

/** Longitude/latitude extent of the workloads: about the size of Haiti. */
export const EXTENT = { west: -74.5, south: 18.0, east: -71.6, north: 20.0 } as const;

/** mulberry32: a tiny seeded generator, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function starRing(
  random: () => number,
  cx: number,
  cy: number,
  radius: number,
  vertices: number,
  clockwise: boolean,
): Position[] {
  const ring: Position[] = [];
  const latitudeScale = 1 / Math.cos((cy * Math.PI) / 180);
  for (let index = 0; index < vertices; index += 1) {
    const angle = ((clockwise ? -index : index) / vertices) * 2 * Math.PI;
    const distance = radius * (0.75 + 0.25 * random());
    ring.push([cx + distance * Math.cos(angle) * latitudeScale, cy + distance * Math.sin(angle)]);
  }
  ring.push([...ring[0]!]);
  return ring;
}

/** One polygon part of about `vertices` vertices, with a hole one time in three. */
function part(random: () => number, cx: number, cy: number, radius: number, vertices: number): Position[][] {
  if (random() < 1 / 3) {
    const holeVertices = Math.max(4, Math.round(vertices / 5));
    return [
      starRing(random, cx, cy, radius, vertices - holeVertices, false),
      starRing(random, cx, cy, radius * 0.4, holeVertices, true),
    ];
  }
  return [starRing(random, cx, cy, radius, vertices, false)];
}

/**
 * `count` zones of about `vertices` vertices each (radius 1–5 km); one in
 * five is a MultiPolygon of two parts, one part in three has a hole.
 */
export function zoneGeometries(count: number, vertices: number, seed: number): (Polygon | MultiPolygon)[] {
  const random = seededRandom(seed);
  const geometries: (Polygon | MultiPolygon)[] = [];
  for (let zone = 0; zone < count; zone += 1) {
    const cx = EXTENT.west + random() * (EXTENT.east - EXTENT.west);
    const cy = EXTENT.south + random() * (EXTENT.north - EXTENT.south);
    const radius = 0.01 + random() * 0.04;
    if (random() < 0.2) {
      const half = Math.round(vertices / 2);
      geometries.push({
        type: 'MultiPolygon',
        coordinates: [
          part(random, cx, cy, radius * 0.7, half),
          part(random, cx + radius * 1.8, cy + radius * 0.5, radius * 0.6, vertices - half),
        ],
      });
    } else {
      geometries.push({ type: 'Polygon', coordinates: part(random, cx, cy, radius, vertices) });
    }
  }
  return geometries;
}

/** Hazard zones with types and severities. */
export function hazardZones(count: number, vertices: number, seed: number): HazardZoneCollection {
  const random = seededRandom(seed + 1);
  return {
    type: 'FeatureCollection',
    features: zoneGeometries(count, vertices, seed).map((geometry, index) => ({
      type: 'Feature',
      properties: {
        id: `hz-${index}`,
        name: `Hazard zone ${index}`,
        hazardType: HAZARD_TYPES[Math.floor(random() * HAZARD_TYPES.length)]!,
        severity: SEVERITIES[Math.floor(random() * SEVERITIES.length)]!,
        source: 'synthetic',
      },
      geometry,
    })),
  };
}

/** Control areas with levels (fictional). */
export function controlAreas(count: number, vertices: number, seed: number): ControlAreaCollection {
  const random = seededRandom(seed + 1);
  return {
    type: 'FeatureCollection',
    features: zoneGeometries(count, vertices, seed).map((geometry, index) => ({
      type: 'Feature',
      properties: {
        id: `ca-${index}`,
        name: `Area ${index} (fictional)`,
        controlLevel: CONTROL_LEVELS[Math.floor(random() * CONTROL_LEVELS.length)]!,
        lastUpdate: '2026-01-01',
        source: 'synthetic',
        sensitivity: 'sensitive',
      },
      geometry,
    })),
  };
}

/** Random positions in the extent; a share `onVertices` sits exactly on vertices of `zones`. */
export function randomPositions(
  count: number,
  seed: number,
  zones: (Polygon | MultiPolygon)[] = [],
  onVertices = 0,
): Position[] {
  const random = seededRandom(seed);
  const vertices = zones.flatMap((geometry) =>
    geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2),
  );
  const positions: Position[] = [];
  for (let index = 0; index < count; index += 1) {
    if (vertices.length > 0 && random() < onVertices) {
      const vertex = vertices[Math.floor(random() * vertices.length)]!;
      positions.push([vertex[0]!, vertex[1]!]);
    } else {
      positions.push([
        EXTENT.west + random() * (EXTENT.east - EXTENT.west),
        EXTENT.south + random() * (EXTENT.north - EXTENT.south),
      ]);
    }
  }
  return positions;
}

export function pointFeatures(positions: Position[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: positions.map(
      (coordinates): Feature<Point> => ({
        type: 'Feature',
        properties: {},
        geometry: { type: 'Point', coordinates },
      }),
    ),
  };
}

/** Departments as a 3 × 2 grid over the extent, each split into 3 × 3 communes. */
export function adminGrid(): AdminAreaCollection {
  const features: AdminAreaCollection['features'] = [];
  const box = (west: number, south: number, east: number, north: number): Polygon => ({
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  });
  const width = (EXTENT.east - EXTENT.west) / 3;
  const height = (EXTENT.north - EXTENT.south) / 2;
  for (let department = 0; department < 6; department += 1) {
    const west = EXTENT.west + (department % 3) * width;
    const south = EXTENT.south + Math.floor(department / 3) * height;
    const pcode = `HT${String(department + 1).padStart(2, '0')}`;
    const name = `Department ${department + 1}`;
    features.push({
      type: 'Feature',
      properties: { pcode, name, level: 1, approximate: true },
      geometry: box(west, south, west + width, south + height),
    });
    for (let commune = 0; commune < 9; commune += 1) {
      const communeWest = west + (commune % 3) * (width / 3);
      const communeSouth = south + Math.floor(commune / 3) * (height / 3);
      features.push({
        type: 'Feature',
        properties: {
          pcode: `${pcode}${commune + 11}`,
          name: `Commune ${department + 1}.${commune + 1}`,
          level: 2,
          parentPcode: pcode,
          parentName: name,
          approximate: true,
        },
        geometry: box(communeWest, communeSouth, communeWest + width / 3, communeSouth + height / 3),
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Sites with DTM-like properties at the given positions. */
export function sitesAt(positions: Position[], seed: number): SiteCollection {
  const random = seededRandom(seed);
  return {
    type: 'FeatureCollection',
    features: positions.map((coordinates, index) => {
      const households = 5 + Math.floor(random() * 400);
      const individuals = households * (3 + Math.floor(random() * 3));
      return {
        type: 'Feature',
        properties: {
          id: `site-${index}`,
          name: `Site ${index}`,
          siteType: 'spontaneous_site',
          admin1Pcode: 'HT01',
          admin1Name: 'Ouest',
          admin2Pcode: 'HT0111',
          admin2Name: 'Port-au-Prince',
          households,
          individuals,
          managementAgency: 'synthetic',
          areaSquareMetres: Math.round(individuals * (20 + random() * 60)),
          needShelter: 3,
          needWash: 3,
          needHealth: 3,
          needProtection: 3,
          lastAssessment: '2026-01-01',
        },
        geometry: { type: 'Point', coordinates },
      };
    }),
  };
}

/** Service points of all three types; water points get a water point type. */
export function servicePoints(count: number, seed: number): ServicePointCollection {
  const random = seededRandom(seed + 1);
  const waterTypes = ['tap', 'hand_pump', 'well'] as const;
  return {
    type: 'FeatureCollection',
    features: randomPositions(count, seed).map((coordinates, index) => {
      const roll = random();
      const serviceType = roll < 0.5 ? 'water' : roll < 0.75 ? 'health' : 'distribution';
      return {
        type: 'Feature',
        properties: {
          id: `sp-${index}`,
          name: `Service ${index}`,
          serviceType,
          ...(serviceType === 'water' ? { waterPointType: waterTypes[Math.floor(random() * 3)]! } : {}),
          operator: 'synthetic',
        },
        geometry: { type: 'Point', coordinates },
      };
    }),
  };
}
