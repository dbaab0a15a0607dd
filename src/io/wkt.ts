/**
 * Well-Known Text for polygon layers in CSV: QGIS's "Add delimited text
 * layer" reads a WKT column, so an exported hazard or control CSV opens as
 * polygons. Only the types the app uses are written and read.
 */
import type { Geometry, Position } from 'geojson';

const positionText = (position: Position) => position.join(' ');
const ringText = (ring: Position[]) => `(${ring.map(positionText).join(', ')})`;
const polygonText = (polygon: Position[][]) => `(${polygon.map(ringText).join(', ')})`;

/** WKT of a geometry; undefined for types this app does not export as WKT. */
export function geometryToWkt(geometry: Geometry | null): string | undefined {
  switch (geometry?.type) {
    case 'Point':
      return `POINT (${positionText(geometry.coordinates)})`;
    case 'LineString':
      return `LINESTRING ${ringText(geometry.coordinates)}`;
    case 'Polygon':
      return `POLYGON ${polygonText(geometry.coordinates)}`;
    case 'MultiPolygon':
      return `MULTIPOLYGON (${geometry.coordinates.map(polygonText).join(', ')})`;
    default:
      return undefined;
  }
}

type Nested = number[] | Nested[];

/** Parses POINT, LINESTRING, POLYGON and MULTIPOLYGON WKT; undefined when it cannot. */
export function wktToGeometry(text: string): Geometry | undefined {
  const match = /^\s*(POINT|LINESTRING|POLYGON|MULTIPOLYGON)\s*(?:Z\s*)?(\(.*\))\s*$/is.exec(text);
  if (!match) return undefined;
  const type = (match[1] ?? '').toUpperCase();
  const nested = parseNested(match[2] ?? '');
  if (!nested) return undefined;
  switch (type) {
    case 'POINT':
      return isPosition(nested) ? { type: 'Point', coordinates: nested } : undefined;
    case 'LINESTRING':
      return isPositions(nested) ? { type: 'LineString', coordinates: nested } : undefined;
    case 'POLYGON':
      return Array.isArray(nested) && nested.every(isPositions)
        ? { type: 'Polygon', coordinates: nested as Position[][] }
        : undefined;
    default:
      return Array.isArray(nested) &&
        nested.every((polygon) => Array.isArray(polygon) && polygon.every(isPositions))
        ? { type: 'MultiPolygon', coordinates: nested as Position[][][] }
        : undefined;
  }
}

function isPosition(value: Nested | number): value is number[] {
  return Array.isArray(value) && value.length >= 2 && value.every((item) => typeof item === 'number');
}

function isPositions(value: Nested | number): value is number[][] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => isPosition(item));
}

/**
 * "(1 2, 3 4)" → [[1,2],[3,4]]; each innermost group of space-separated
 * numbers is a position. Brackets are turned into JSON and parsed.
 */
function parseNested(text: string): Nested | undefined {
  const json = text
    .replace(/\(/g, '[')
    .replace(/\)/g, ']')
    .replace(/([-+0-9.eE]+(?:\s+[-+0-9.eE]+)+)/g, (group) => `[${group.trim().split(/\s+/).join(',')}]`);
  try {
    const parsed: unknown = JSON.parse(json);
    // POINT (1 2) parses as [[1,2]]: unwrap the single position.
    if (Array.isArray(parsed) && parsed.length === 1 && isPosition(parsed[0] as Nested))
      return parsed[0] as number[];
    return Array.isArray(parsed) ? (parsed as Nested) : undefined;
  } catch {
    return undefined;
  }
}
