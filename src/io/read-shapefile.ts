/**
 * Zipped Shapefile reader. The archive is inflated here, under the
 * inflated-size ceiling of `unzipLimited` (a shapefile zip bomb is stopped and
 * the member named), then each layer's .shp/.dbf/.prj/.cpg go to shpjs, which
 * reprojects to WGS 84 when there is a .prj and reads the .cpg encoding. A
 * zip with several layers gives the first and a warning naming the others:
 * mixing communes and departments in one layer would be wrong.
 */
import shp, { type ShapefileCollection } from 'shpjs';
import { toBytes } from './bytes';
import { failure, makeProblem, type Problem, type ReadResult } from './problem';
import { zipFailure } from './read-kmz';
import { type InflateLimits, unzipLimited } from './unzip-limited';

const SHAPEFILE_PART = /\.(shp|dbf|prj|cpg)$/i;

/** Reads a zipped Shapefile. Never throws. */
export async function readShapefile(
  bytes: Uint8Array | string,
  fileName: string,
  limits: InflateLimits = {},
): Promise<ReadResult> {
  const unzipped = unzipLimited(
    toBytes(bytes),
    (name) => SHAPEFILE_PART.test(name) && !name.includes('__MACOSX'),
    limits,
  );
  if (!unzipped.ok) {
    return unzipped.code === 'zip-unreadable'
      ? failure('shapefile-unreadable', fileName)
      : zipFailure(unzipped, fileName);
  }
  const layers = layerParts(unzipped.entries);
  const firstLayer = layers[0];
  if (!firstLayer) return failure('shapefile-without-layer', fileName);
  let first: ShapefileCollection;
  try {
    first = await shp(firstLayer.parts);
  } catch {
    return failure('shapefile-unreadable', fileName);
  }
  if (!Array.isArray(first?.features)) return failure('shapefile-without-layer', fileName);
  const problems: Problem[] = [];
  if (layers.length > 1) {
    const names = layers.map((layer) => layer.name).join(', ');
    problems.push(makeProblem('warning', 'shapefile-several-layers', fileName, { value: names }));
  }
  if (first.features.length === 0) problems.push(makeProblem('warning', 'no-features', fileName));
  return { ok: true, collection: { type: 'FeatureCollection', features: first.features }, problems };
}

interface LayerParts {
  name: string;
  parts: { shp: Uint8Array; dbf?: Uint8Array; prj?: string; cpg?: string };
}

/** Groups the inflated members by layer (the name before the extension), in archive order. */
function layerParts(entries: ReadonlyMap<string, Uint8Array>): LayerParts[] {
  const byLower = new Map<string, Uint8Array>();
  for (const [name, data] of entries) byLower.set(name.toLowerCase(), data);
  const text = (data: Uint8Array | undefined) => (data ? new TextDecoder().decode(data) : undefined);
  const layers: LayerParts[] = [];
  for (const [name, data] of entries) {
    if (!name.toLowerCase().endsWith('.shp')) continue;
    const base = name.slice(0, -4).toLowerCase();
    const dbf = byLower.get(`${base}.dbf`);
    const prj = text(byLower.get(`${base}.prj`));
    const cpg = text(byLower.get(`${base}.cpg`));
    layers.push({
      name: name.slice(0, -4),
      parts: {
        shp: data,
        ...(dbf ? { dbf } : {}),
        ...(prj !== undefined ? { prj } : {}),
        ...(cpg !== undefined ? { cpg } : {}),
      },
    });
  }
  return layers;
}
