/**
 * Zipped Shapefile reader through shpjs (which reprojects to WGS 84 when the
 * zip holds a .prj, and reads the .cpg encoding). A zip with several layers
 * gives the first and a warning naming the others: mixing communes and
 * departments in one layer would be wrong.
 */
import shp, { type ShapefileCollection } from 'shpjs';
import { toBytes } from './bytes';
import { failure, makeProblem, type Problem, type ReadResult } from './problem';

/** Reads a zipped Shapefile. Never throws. */
export async function readShapefile(bytes: Uint8Array | string, fileName: string): Promise<ReadResult> {
  let parsed: ShapefileCollection | ShapefileCollection[];
  try {
    parsed = await shp(toBytes(bytes));
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    return failure(/no layers/i.test(message) ? 'shapefile-without-layer' : 'shapefile-unreadable', fileName);
  }
  const layers = Array.isArray(parsed) ? parsed : [parsed];
  const first = layers[0];
  if (!first || !Array.isArray(first.features)) return failure('shapefile-without-layer', fileName);
  const problems: Problem[] = [];
  if (layers.length > 1) {
    const names = layers.map((layer) => layer.fileName ?? '').join(', ');
    problems.push(makeProblem('warning', 'shapefile-several-layers', fileName, { value: names }));
  }
  if (first.features.length === 0) problems.push(makeProblem('warning', 'no-features', fileName));
  // shpjs adds `fileName` to the collection; it is not GeoJSON, so leave it out.
  return { ok: true, collection: { type: 'FeatureCollection', features: first.features }, problems };
}
