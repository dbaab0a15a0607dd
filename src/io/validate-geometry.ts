/**
 * Geometry checks geojson-validation lacks: coordinate types and ranges,
 * swapped latitude/longitude, empty geometries, unclosed and degenerate
 * rings, and the geometry type each layer role needs.
 */

import type { Position } from 'geojson';
import type { LayerRole } from './field-candidates';
import { isInHaiti, isSwappedHaiti } from './haiti-extent';
import { excerpt, type ProblemCode, type ProblemSeverity, type RepairKind } from './problem';
import { findSelfIntersection } from './self-intersection';

/** A problem before it is placed in a file and feature. */
export interface Finding {
  severity: ProblemSeverity;
  code: ProblemCode;
  value?: string;
  repair?: RepairKind;
}

/** Geometry types each role accepts. */
export const ROLE_GEOMETRIES: Record<LayerRole, readonly string[]> = {
  sites: ['Point'],
  services: ['Point'],
  hazards: ['Polygon', 'MultiPolygon'],
  control: ['Polygon', 'MultiPolygon'],
  admin: ['Polygon', 'MultiPolygon'],
};

/** Deeper GeometryCollections are refused rather than recursed into. */
const MAXIMUM_COLLECTION_DEPTH = 4;

interface Walk {
  findings: Finding[];
  positions: [number, number][];
}

/** All findings for one geometry against one role; one finding per code. */
export function checkGeometry(geometry: unknown, role: LayerRole): Finding[] {
  const walk: Walk = { findings: [], positions: [] };
  if (geometry === null || geometry === undefined) return [{ severity: 'error', code: 'null-geometry' }];
  checkAnyGeometry(geometry, walk, 0);
  const type = (geometry as { type?: unknown }).type;
  if (typeof type === 'string' && walk.findings.every((finding) => finding.code !== 'unsupported-geometry')) {
    if (!ROLE_GEOMETRIES[role].includes(type)) {
      walk.findings.push({ severity: 'error', code: 'wrong-geometry-for-role', value: type });
    }
  }
  checkPlacement(walk);
  const seen = new Set<ProblemCode>();
  return walk.findings.filter((finding) => !seen.has(finding.code) && seen.add(finding.code));
}

function checkAnyGeometry(geometry: unknown, walk: Walk, depth: number): void {
  if (geometry === null || typeof geometry !== 'object' || Array.isArray(geometry)) {
    walk.findings.push({ severity: 'error', code: 'unsupported-geometry', value: excerpt(geometry) });
    return;
  }
  const { type, coordinates, geometries } = geometry as Record<string, unknown>;
  if (type === 'GeometryCollection') {
    if (!Array.isArray(geometries) || depth >= MAXIMUM_COLLECTION_DEPTH) {
      walk.findings.push({ severity: 'error', code: 'invalid-structure', value: 'geometries' });
    } else if (geometries.length === 0) {
      walk.findings.push({ severity: 'error', code: 'empty-geometry' });
    } else {
      for (const member of geometries) checkAnyGeometry(member, walk, depth + 1);
    }
    return;
  }
  const nesting = NESTING[String(type)];
  if (nesting === undefined) {
    walk.findings.push({ severity: 'error', code: 'unsupported-geometry', value: excerpt(type) });
    return;
  }
  if (!Array.isArray(coordinates)) {
    walk.findings.push({ severity: 'error', code: 'invalid-structure', value: 'coordinates' });
    return;
  }
  if (coordinates.length === 0) {
    walk.findings.push({ severity: 'error', code: 'empty-geometry' });
    return;
  }
  switch (nesting) {
    case 'position':
      checkPosition(coordinates, walk);
      break;
    case 'positions':
      checkPositions(coordinates, walk);
      break;
    case 'lines':
      for (const line of coordinates) {
        if (Array.isArray(line)) checkPositions(line, walk);
        else walk.findings.push({ severity: 'error', code: 'invalid-structure', value: excerpt(line) });
      }
      break;
    case 'rings':
      checkRings(coordinates, walk);
      break;
    case 'polygons':
      for (const polygon of coordinates) {
        if (!Array.isArray(polygon))
          walk.findings.push({ severity: 'error', code: 'invalid-structure', value: excerpt(polygon) });
        else if (polygon.length === 0) walk.findings.push({ severity: 'error', code: 'empty-geometry' });
        else checkRings(polygon, walk);
      }
      break;
  }
}

const NESTING: Record<string, 'position' | 'positions' | 'lines' | 'rings' | 'polygons'> = {
  Point: 'position',
  MultiPoint: 'positions',
  LineString: 'positions',
  // Lines are checked as lines: no ring closure, so a line file gets no polygon advice or repair.
  MultiLineString: 'lines',
  Polygon: 'rings',
  MultiPolygon: 'polygons',
};

function checkPositions(positions: unknown[], walk: Walk): boolean {
  let allGood = true;
  for (const position of positions) allGood = checkPosition(position, walk) && allGood;
  return allGood;
}

/** Rings of polygons: closed (in 2-D), at least four positions, not self-intersecting. */
function checkRings(rings: unknown[], walk: Walk): void {
  for (const ring of rings) {
    if (!Array.isArray(ring)) {
      walk.findings.push({ severity: 'error', code: 'invalid-structure', value: excerpt(ring) });
      continue;
    }
    if (ring.length === 0) {
      walk.findings.push({ severity: 'error', code: 'empty-geometry' });
      continue;
    }
    if (!checkPositions(ring, walk)) continue;
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    const closed = first[0] === last[0] && first[1] === last[1];
    if (!closed && ring.length >= 3) {
      walk.findings.push({ severity: 'error', code: 'ring-unclosed', repair: 'close-ring' });
    } else if (ring.length < 4) {
      walk.findings.push({ severity: 'error', code: 'ring-degenerate', value: String(ring.length) });
    } else {
      const crossing = findSelfIntersection(ring as Position[]);
      if (crossing)
        walk.findings.push({
          severity: 'warning',
          code: 'self-intersection',
          value: `${roundForDisplay(crossing[0])}, ${roundForDisplay(crossing[1])}`,
          repair: 'unkink',
        });
    }
  }
}

/** Checks one position and records it for the placement check; false when unusable. */
function checkPosition(position: unknown, walk: Walk): boolean {
  if (!Array.isArray(position) || position.length < 2) {
    walk.findings.push({ severity: 'error', code: 'invalid-structure', value: excerpt(position) });
    return false;
  }
  const [longitude, latitude] = position as unknown[];
  for (const number of [longitude, latitude]) {
    if (typeof number !== 'number' || !Number.isFinite(number)) {
      walk.findings.push({ severity: 'error', code: 'coordinate-not-number', value: excerpt(number) });
      return false;
    }
  }
  const x = longitude as number;
  const y = latitude as number;
  if (x < -180 || x > 180 || y < -90 || y > 90) {
    walk.findings.push({ severity: 'error', code: 'coordinate-out-of-range', value: `${x}, ${y}` });
    return false;
  }
  walk.positions.push([x, y]);
  return true;
}

/**
 * Swapped when every position fits Haiti only once swapped (one stray vertex
 * must not flip a whole polygon); otherwise a warning if any lies outside.
 */
function checkPlacement(walk: Walk): void {
  const { positions } = walk;
  if (positions.length === 0) return;
  if (positions.every(([x, y]) => isSwappedHaiti(x, y))) {
    const [x, y] = positions[0] as [number, number];
    walk.findings.push({
      severity: 'error',
      code: 'coordinates-swapped',
      value: `${x}, ${y}`,
      repair: 'swap-coordinates',
    });
    return;
  }
  const outside = positions.find(([x, y]) => !isInHaiti(x, y));
  if (outside)
    walk.findings.push({ severity: 'warning', code: 'outside-haiti', value: `${outside[0]}, ${outside[1]}` });
}

/** Six decimals (about 10 cm): enough to find the crossing on a map. */
function roundForDisplay(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
