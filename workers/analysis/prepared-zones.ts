/**
 * Zones (Polygon / MultiPolygon features) flattened once into typed arrays,
 * with, per part, horizontal bands of edges (a grid over the parts is built
 * on first query, sized for it: see zone-grid.ts). A point-in-polygon test then reads
 * only the dozen edges of one band instead of every edge of the part.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { bandOf } from './part-contains';

/** Zones ready for many point queries. Built once per dataset, never mutated. */
export interface PreparedZones {
  /** Number of features in the source collection (zone indices are feature indices). */
  zoneCount: number;
  /** Every vertex of every ring, `x0, y0, x1, y1, …`. */
  coordinates: Float64Array;
  /** Vertex index where each ring starts; `ringCount + 1` entries. */
  ringStarts: Uint32Array;
  /** Ring index where each polygon part starts; `partCount + 1` entries. */
  partRingStarts: Uint32Array;
  /** Zone (feature index) of each polygon part. */
  partZone: Uint32Array;
  /** Bounding box of each part over all its rings: `minX, minY, maxX, maxY`. */
  partBoxes: Float64Array;
  /** The feature's own `bbox` member (Turf honours it), NaN when absent. */
  featureBoxes: Float64Array;
  /** Per part: number of horizontal edge bands. */
  bandCounts: Uint32Array;
  /** Per part: bands per degree of latitude (band = floor((y − minY) · scale)). */
  bandScales: Float64Array;
  /** Start of each band's slice of `bandEdges`, bands of all parts in a row; per part, `bandOffsets[part]` is its first band. */
  bandEdgeStarts: Uint32Array;
  /** First band of each part inside `bandEdgeStarts`; `partCount + 1` entries. */
  bandOffsets: Uint32Array;
  /** Edge start vertex indices (an edge runs from vertex i to i + 1), grouped by band. */
  bandEdges: Uint32Array;
}

/** Roughly how many edges share one band: small enough to scan, large enough to keep memory low. */
const EDGES_PER_BAND = 6;

type ZoneGeometry = Polygon | MultiPolygon;

/** The polygon parts (arrays of rings) of one feature; none for other or missing geometry. */
function partsOf(feature: Feature<ZoneGeometry | null> | undefined): Position[][][] {
  const geometry = feature?.geometry;
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/**
 * Flattens a zone collection and builds its indexes. Rings are read as given:
 * like Turf, we do not close an unclosed ring (validation belongs upstream).
 */
export function prepareZones(collection: FeatureCollection<ZoneGeometry | null>): PreparedZones {
  const features = collection.features;
  // Indexed loops throughout, no callbacks or iterators: this walk over the
  // GeoJSON is most of a cold query's index build.
  let vertexCount = 0;
  let ringCount = 0;
  let partCount = 0;
  for (let zone = 0; zone < features.length; zone += 1) {
    const parts = partsOf(features[zone]);
    for (let part = 0; part < parts.length; part += 1) {
      const rings = parts[part]!;
      partCount += 1;
      ringCount += rings.length;
      for (let ring = 0; ring < rings.length; ring += 1) vertexCount += rings[ring]!.length;
    }
  }
  const coordinates = new Float64Array(vertexCount * 2);
  const ringStarts = new Uint32Array(ringCount + 1);
  const partRingStarts = new Uint32Array(partCount + 1);
  const partZone = new Uint32Array(partCount);
  const partBoxes = new Float64Array(partCount * 4);
  const featureBoxes = new Float64Array(features.length * 4).fill(Number.NaN);
  let vertex = 0;
  let ringIndex = 0;
  let partIndex = 0;
  for (let zone = 0; zone < features.length; zone += 1) {
    const feature = features[zone];
    const box = feature?.bbox;
    if (box && box.length >= 4) {
      // A 2D bbox is [minX, minY, maxX, maxY]; a 3D one puts the z values at 2 and 5.
      const is3d = box.length >= 6;
      featureBoxes[zone * 4] = box[0];
      featureBoxes[zone * 4 + 1] = box[1];
      featureBoxes[zone * 4 + 2] = is3d ? (box[3] ?? Number.NaN) : (box[2] ?? Number.NaN);
      featureBoxes[zone * 4 + 3] = is3d ? (box[4] ?? Number.NaN) : (box[3] ?? Number.NaN);
    }
    const parts = partsOf(feature);
    for (let part = 0; part < parts.length; part += 1) {
      const rings = parts[part]!;
      partZone[partIndex] = zone;
      partRingStarts[partIndex] = ringIndex;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let ring = 0; ring < rings.length; ring += 1) {
        const positions = rings[ring]!;
        ringStarts[ringIndex] = vertex;
        ringIndex += 1;
        for (let position = 0; position < positions.length; position += 1) {
          const point = positions[position]!;
          const x = point[0] ?? Number.NaN;
          const y = point[1] ?? Number.NaN;
          coordinates[vertex * 2] = x;
          coordinates[vertex * 2 + 1] = y;
          vertex += 1;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
      }
      partBoxes[partIndex * 4] = minX;
      partBoxes[partIndex * 4 + 1] = minY;
      partBoxes[partIndex * 4 + 2] = maxX;
      partBoxes[partIndex * 4 + 3] = maxY;
      partIndex += 1;
    }
  }
  ringStarts[ringCount] = vertex;
  partRingStarts[partCount] = ringIndex;

  const bands = buildBands(coordinates, ringStarts, partRingStarts, partBoxes);
  // Every field spelled out (no spread): one object shape for every prepared layer, so the hot loops stay monomorphic.
  return {
    zoneCount: features.length,
    coordinates,
    ringStarts,
    partRingStarts,
    partZone,
    partBoxes,
    featureBoxes,
    bandCounts: bands.bandCounts,
    bandScales: bands.bandScales,
    bandEdgeStarts: bands.bandEdgeStarts,
    bandOffsets: bands.bandOffsets,
    bandEdges: bands.bandEdges,
  };
}

type Bands = Pick<
  PreparedZones,
  'bandCounts' | 'bandScales' | 'bandEdgeStarts' | 'bandOffsets' | 'bandEdges'
>;

function buildBands(
  coordinates: Float64Array,
  ringStarts: Uint32Array,
  partRingStarts: Uint32Array,
  partBoxes: Float64Array,
): Bands {
  const partCount = partRingStarts.length - 1;
  const bandCounts = new Uint32Array(partCount);
  const bandScales = new Float64Array(partCount);
  const bandOffsets = new Uint32Array(partCount + 1);
  let totalBands = 0;
  for (let part = 0; part < partCount; part += 1) {
    const firstVertex = ringStarts[partRingStarts[part]!]!;
    const endVertex = ringStarts[partRingStarts[part + 1]!]!;
    const edgeCount = endVertex - firstVertex;
    const count = Math.max(1, Math.ceil(edgeCount / EDGES_PER_BAND));
    const height = partBoxes[part * 4 + 3]! - partBoxes[part * 4 + 1]!;
    bandCounts[part] = count;
    bandScales[part] = height > 0 ? count / height : 0;
    bandOffsets[part] = totalBands;
    totalBands += count;
  }
  bandOffsets[partCount] = totalBands;

  // Counting sort, no per-band arrays: one pass finds each edge's bands and
  // counts them, the second files the edges (plain loops: no callback per edge).
  const bandEdgeStarts = new Uint32Array(totalBands + 1);
  const vertexCount = coordinates.length / 2;
  const edgeFirstBand = new Int32Array(vertexCount).fill(-1);
  const edgeLastBand = new Int32Array(vertexCount);
  for (let part = 0; part < partCount; part += 1) {
    const minY = partBoxes[part * 4 + 1]!;
    const scale = bandScales[part]!;
    const count = bandCounts[part]!;
    const offset = bandOffsets[part]!;
    for (let ring = partRingStarts[part]!; ring < partRingStarts[part + 1]!; ring += 1) {
      // A ring of n vertices has n − 1 edges: hao walks consecutive pairs only.
      const ringEnd = ringStarts[ring + 1]!;
      for (let edge = ringStarts[ring]!; edge + 1 < ringEnd; edge += 1) {
        const y1 = coordinates[edge * 2 + 1]!;
        const y2 = coordinates[edge * 2 + 3]!;
        const first = offset + bandOf(Math.min(y1, y2), minY, scale, count);
        const last = offset + bandOf(Math.max(y1, y2), minY, scale, count);
        edgeFirstBand[edge] = first;
        edgeLastBand[edge] = last;
        for (let band = first; band <= last; band += 1) bandEdgeStarts[band + 1]! += 1;
      }
    }
  }
  for (let band = 0; band < totalBands; band += 1) bandEdgeStarts[band + 1]! += bandEdgeStarts[band]!;
  const bandEdges = new Uint32Array(bandEdgeStarts[totalBands]!);
  const cursor = bandEdgeStarts.slice(0, totalBands);
  for (let edge = 0; edge < vertexCount; edge += 1) {
    const first = edgeFirstBand[edge]!;
    if (first < 0) continue;
    const last = edgeLastBand[edge]!;
    for (let band = first; band <= last; band += 1) {
      bandEdges[cursor[band]!] = edge;
      cursor[band]! += 1;
    }
  }
  return { bandCounts, bandScales, bandEdgeStarts, bandOffsets, bandEdges };
}
