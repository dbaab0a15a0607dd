/**
 * Irregular blobs for areas that have no natural outline in the demo
 * (landslide slopes, fictional control areas): an ellipse whose radius is
 * modulated by a few low harmonics with random phases, so the edge wobbles
 * smoothly like a hand-drawn zone instead of jittering like noise.
 */
import type { Polygon } from 'geojson';
import { polygonFromCorners } from './polygon-operations';
import type { Random } from './random';
import { offsetPosition } from './sampling';

export interface EllipseShape {
  centre: [number, number];
  /** Semi-axes before rotation, in kilometres. */
  eastKilometres: number;
  northKilometres: number;
  /** Counter-clockwise rotation of the east axis, in degrees. */
  rotationDegrees?: number;
}

/**
 * @param roughness relative radius wobble: 0 gives a clean ellipse, 0.3 a blob.
 * @param vertices corners on the outline (the ring has one more, closing it).
 */
export function noisyEllipse(
  random: Random,
  shape: EllipseShape,
  roughness: number,
  vertices: number,
): Polygon {
  const harmonics = [2, 3, 4, 5, 7].map((order) => ({
    order,
    amplitude: (roughness * random.between(0.4, 1)) / Math.sqrt(order),
    phase: random.between(0, 2 * Math.PI),
  }));
  const rotation = ((shape.rotationDegrees ?? 0) * Math.PI) / 180;
  const corners: [number, number][] = [];
  for (let index = 0; index < vertices; index++) {
    const angle = (2 * Math.PI * index) / vertices;
    const wobble = harmonics.reduce(
      (sum, harmonic) => sum + harmonic.amplitude * Math.sin(harmonic.order * angle + harmonic.phase),
      0,
    );
    // Never let the wobble fold the outline back through the centre.
    const scale = Math.max(0.35, 1 + wobble + 0.02 * random.normal());
    const east = shape.eastKilometres * scale * Math.cos(angle);
    const north = shape.northKilometres * scale * Math.sin(angle);
    corners.push(
      offsetPosition(
        shape.centre,
        east * Math.cos(rotation) - north * Math.sin(rotation),
        east * Math.sin(rotation) + north * Math.cos(rotation),
      ),
    );
  }
  return polygonFromCorners(corners);
}
