/**
 * GeoJSON reader: FeatureCollection, single Feature or bare geometry, with or
 * without a byte-order mark; and TopoJSON (boundaries are often published
 * so), turned into features by `topojson-client`. Deep checks (coordinates,
 * rings) belong to validation; this only makes sure there is a collection to
 * validate. A malformed optional `bbox` is dropped with a warning, since
 * nothing here needs it.
 */
import type { Feature, Geometry } from 'geojson';
import { feature as topologyFeature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { decodeText, lineAndColumn } from './bytes';
import { jsonErrorOffset } from './json-error-offset';
import { isObject } from './plain-object';
import {
  excerpt,
  failure,
  type ImportedCollection,
  makeProblem,
  type Problem,
  type ReadResult,
} from './problem';

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
  const result = isObject(parsed) && parsed.type === 'Topology' ? fromTopology(parsed, fileName) : undefined;
  return result ?? collectionFromJson(parsed, fileName);
}

/**
 * The features of a TopoJSON topology. A topology may hold several objects
 * (departments and communes, or land and countries): the one with the most
 * geometries is read, and the others are named in a warning.
 */
function fromTopology(parsed: Record<string, unknown>, fileName: string): ReadResult | undefined {
  const objects = parsed.objects;
  if (!isObject(objects) || !Array.isArray(parsed.arcs))
    return failure('not-geojson', fileName, { field: 'objects' });
  const entries = Object.entries(objects).filter(([, object]) => isObject(object));
  const size = (object: unknown) => {
    const geometries = isObject(object) ? object.geometries : undefined;
    return Array.isArray(geometries) ? geometries.length : 1;
  };
  const [chosen] = [...entries].sort((a, b) => size(b[1]) - size(a[1]));
  if (!chosen) return failure('no-features', fileName);
  let converted: unknown;
  try {
    converted = topologyFeature(parsed as unknown as Topology, chosen[1] as unknown as GeometryObject);
  } catch {
    return failure('not-geojson', fileName, { field: `objects.${chosen[0]}` });
  }
  const result = collectionFromJson(converted, fileName);
  if (!result.ok || entries.length === 1) return result;
  const others = entries.filter(([name]) => name !== chosen[0]).map(([name]) => name);
  result.problems.push(
    makeProblem('warning', 'topology-several-objects', fileName, {
      field: chosen[0],
      value: excerpt(others.join(', ')),
    }),
  );
  return result;
}

/** Wraps any parsed GeoJSON object into a collection, or says why it cannot. */
export function collectionFromJson(parsed: unknown, fileName: string): ReadResult {
  if (!isObject(parsed)) return failure('not-geojson', fileName);
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
  const problems: Problem[] =
    collection.features.length === 0 ? [makeProblem('warning', 'no-features', fileName)] : [];
  return { ok: true, collection: withoutBadBoxes(collection, fileName, problems), problems };
}

/** A bbox is 4 or 6 finite numbers; anything else is dropped, with a warning saying where. */
function isValidBox(box: unknown): boolean {
  return (
    Array.isArray(box) &&
    (box.length === 4 || box.length === 6) &&
    box.every((value) => typeof value === 'number' && Number.isFinite(value))
  );
}

function withoutBadBoxes(
  collection: ImportedCollection,
  fileName: string,
  problems: Problem[],
): ImportedCollection {
  let result = collection;
  if ('bbox' in collection && !isValidBox(collection.bbox)) {
    const { bbox, ...rest } = collection;
    problems.push(makeProblem('warning', 'bbox-ignored', fileName, { field: 'bbox', value: excerpt(bbox) }));
    result = rest as ImportedCollection;
  }
  let changed = false;
  const features = result.features.map((feature, featureIndex) => {
    if (!isObject(feature) || !('bbox' in feature) || isValidBox(feature.bbox)) return feature;
    changed = true;
    const { bbox, ...rest } = feature;
    problems.push(
      makeProblem('warning', 'bbox-ignored', fileName, { featureIndex, field: 'bbox', value: excerpt(bbox) }),
    );
    return rest as Feature;
  });
  return changed ? { ...result, features } : result;
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
