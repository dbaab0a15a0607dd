/**
 * GeoJSON reader: FeatureCollection, single Feature or bare geometry, with or
 * without a byte-order mark. Deep checks (coordinates, rings) belong to
 * validation; this only makes sure there is a collection to validate.
 */
import type { Feature, Geometry } from 'geojson';
import { decodeText, lineAndColumn } from './bytes';
import { jsonErrorOffset } from './json-error-offset';
import { failure, type ImportedCollection, makeProblem, type ReadResult } from './problem';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** Reads GeoJSON text or bytes. Never throws. */
export async function readGeoJson(bytes: Uint8Array | string, fileName: string): Promise<ReadResult> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return failure('not-text', fileName);
  if (decoded.text.trim() === '') return failure('empty-file', fileName);
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded.text);
  } catch (error) {
    return failure('invalid-json', fileName, jsonErrorLocation(decoded.text, error));
  }
  return collectionFromJson(parsed, fileName);
}

/** Wraps any parsed GeoJSON object into a collection, or says why it cannot. */
export function collectionFromJson(parsed: unknown, fileName: string): ReadResult {
  if (!isRecord(parsed)) return failure('not-geojson', fileName);
  let collection: ImportedCollection;
  if (parsed.type === 'FeatureCollection') {
    if (!Array.isArray(parsed.features)) return failure('not-geojson', fileName, { field: 'features' });
    collection = parsed as unknown as ImportedCollection;
  } else if (parsed.type === 'Feature') {
    collection = { type: 'FeatureCollection', features: [parsed as unknown as Feature] };
  } else if (typeof parsed.type === 'string' && GEOMETRY_TYPES.has(parsed.type)) {
    const feature: Feature = { type: 'Feature', properties: {}, geometry: parsed as unknown as Geometry };
    collection = { type: 'FeatureCollection', features: [feature] };
  } else {
    return failure('not-geojson', fileName, { field: 'type', value: String(parsed.type ?? '') });
  }
  const problems = collection.features.length === 0 ? [makeProblem('warning', 'no-features', fileName)] : [];
  return { ok: true, collection, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Engines word JSON errors differently: Firefox and recent V8 give "line L
 * column C", older V8 "position N", Node 20 often only a snippet. Take what
 * the message says, else scan the text ourselves.
 */
function jsonErrorLocation(text: string, error: unknown): { line?: number; column?: number } {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (position) return lineAndColumn(text, Number(position[1]));
  const offset = jsonErrorOffset(text);
  return offset === undefined ? {} : lineAndColumn(text, offset);
}
