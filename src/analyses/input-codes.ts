/**
 * Map inputs of analyses (a drawn area, a candidate location) as short text, so a
 * link, a saved view and a reload bring them back. Polygons are written as an
 * encoded polyline (Google's polyline algorithm, 5 decimals ≈ 1 m): a drawn area of
 * a dozen vertices takes about 60 characters instead of 300 as JSON.
 *
 * Formats:
 *   polygon  `p<polyline of the outer ring, closing vertex omitted>`
 *   circle   `c<latitude>,<longitude>,<radius in metres>`
 *   location `<latitude>,<longitude>`
 * Decoding never throws: anything malformed, out of range or too long is undefined.
 */
import { decode, encode } from '@googlemaps/polyline-codec';
import { simplify } from '@turf/turf';
import type { Polygon } from 'geojson';
import type { AreaShape } from '../../workers/analysis/area-of-interest';

/** Writes an analysis input as text and reads it back (`undefined` when the text is not one). */
export interface InputCode<Input> {
  encode(input: Input): string;
  decode(text: string): Input | undefined;
}

/** A location on the map. */
export interface Location {
  longitude: number;
  latitude: number;
}

/** Above this many vertices a polygon is simplified before it goes into a link (hashes stay short). */
const MAXIMUM_VERTICES = 200;
/** Largest circle a link may hold (beyond the country, it is not an area of interest). */
const MAXIMUM_RADIUS_METRES = 1_000_000;
const MAXIMUM_CODE_LENGTH = 2000;

const PRECISION = 5;
const round = (value: number) => Number(value.toFixed(PRECISION));

function isLatitude(value: number): boolean {
  return Number.isFinite(value) && value >= -90 && value <= 90;
}

function isLongitude(value: number): boolean {
  return Number.isFinite(value) && value >= -180 && value <= 180;
}

/** Comma-separated finite numbers, or undefined. */
function numbers(text: string, count: number): number[] | undefined {
  const parts = text.split(',');
  if (parts.length !== count || parts.some((part) => part.trim() === '')) return undefined;
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : undefined;
}

/** The outer ring without its closing vertex, simplified when it has too many vertices to share. */
function shareableRing(polygon: Polygon): [number, number][] {
  let ring = polygon.coordinates[0] ?? [];
  for (let tolerance = 0.00001; ring.length > MAXIMUM_VERTICES; tolerance *= 2) {
    ring = simplify(polygon, { tolerance, highQuality: true }).coordinates[0] ?? [];
  }
  return ring.slice(0, -1).map(([longitude = 0, latitude = 0]) => [latitude, longitude]);
}

/** A drawn area of interest: polygon (outer ring) or circle. */
export const AREA_SHAPE_CODE: InputCode<AreaShape> = {
  encode(shape) {
    if (shape.kind === 'circle')
      return `c${round(shape.latitude)},${round(shape.longitude)},${Math.round(shape.radiusMeters)}`;
    const polygon: Polygon =
      shape.geometry.type === 'Polygon'
        ? shape.geometry
        : { type: 'Polygon', coordinates: shape.geometry.coordinates[0] ?? [] };
    return `p${encode(shareableRing(polygon), PRECISION)}`;
  },
  decode(text) {
    if (text.length > MAXIMUM_CODE_LENGTH) return undefined;
    if (text.startsWith('c')) {
      const values = numbers(text.slice(1), 3);
      if (!values) return undefined;
      const [latitude = Number.NaN, longitude = Number.NaN, radiusMeters = Number.NaN] = values;
      if (!isLatitude(latitude) || !isLongitude(longitude)) return undefined;
      if (!(radiusMeters > 0 && radiusMeters <= MAXIMUM_RADIUS_METRES)) return undefined;
      return { kind: 'circle', latitude, longitude, radiusMeters };
    }
    if (!text.startsWith('p')) return undefined;
    let points: number[][];
    try {
      points = decode(text.slice(1), PRECISION);
    } catch {
      return undefined;
    }
    const ring: [number, number][] = [];
    for (const [latitude = Number.NaN, longitude = Number.NaN] of points) {
      if (!isLongitude(longitude) || !isLatitude(latitude)) return undefined;
      ring.push([longitude, latitude]);
    }
    const [first] = ring;
    if (!first || ring.length < 3) return undefined;
    return { kind: 'polygon', geometry: { type: 'Polygon', coordinates: [[...ring, first]] } };
  },
};

/** A location (the candidate site). */
export const LOCATION_CODE: InputCode<Location> = {
  encode: (location) => `${round(location.latitude)},${round(location.longitude)}`,
  decode(text) {
    const values = numbers(text, 2);
    if (!values) return undefined;
    const [latitude = Number.NaN, longitude = Number.NaN] = values;
    return isLatitude(latitude) && isLongitude(longitude) ? { latitude, longitude } : undefined;
  },
};
