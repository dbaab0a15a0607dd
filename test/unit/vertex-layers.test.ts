/**
 * The non-instanced layers rewrite deck's own vertex shaders by text: a deck upgrade that
 * renames what they replace would leave an attribute nothing feeds (a blank layer) or picking
 * by instance in a draw without instances. These checks fail first.
 */
import { describe, expect, it } from 'vitest';
import {
  CIRCLE_VERTICES,
  SEGMENT_VERTICES,
  VertexIconLayer,
  VertexLineLayer,
  VertexScatterplotLayer,
} from '../../src/map/vertex-layers';

interface Rewritten {
  vs: string;
  inject: Record<string, string>;
}

/** The corners the shader reads by gl_VertexID, parsed from its table. */
function corners(shaders: Rewritten): [number, number][] {
  const table = shaders.inject['vs:#decl'] ?? '';
  return [...table.matchAll(/vec[23]\(([-\d.]+), ([-\d.]+)/g)].map((match) => [
    Number(match[1]),
    Number(match[2]),
  ]);
}

/** Twice the signed area of a triangle. */
const cross = (a: [number, number], b: [number, number], c: [number, number]) =>
  (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

/**
 * A layer as deck would hold it, with the part of its context that building shaders reads (no
 * device is needed to assemble shader text; deck asks only which kind it is).
 */
function placed<L extends object>(layer: L): L {
  return Object.assign(layer, { context: { defaultShaderModules: [], device: { type: 'webgl' } } });
}

const layers = [
  {
    name: 'line',
    layer: placed(new VertexLineLayer({ id: 'lines' })),
    vertices: SEGMENT_VERTICES,
    positions: 'vec3',
  },
  {
    name: 'scatterplot',
    layer: placed(new VertexScatterplotLayer({ id: 'circles' })),
    vertices: CIRCLE_VERTICES,
    positions: 'vec3',
  },
  {
    name: 'icon',
    layer: placed(new VertexIconLayer({ id: 'icons' })),
    vertices: SEGMENT_VERTICES,
    positions: 'vec2',
  },
] as const;

describe('vertex layers', () => {
  for (const { name, layer, vertices, positions } of layers) {
    it(`${name}: reads its corner and picking index from gl_VertexID, never from an instance`, () => {
      const shaders = layer.getShaders() as Rewritten;
      expect(shaders.vs).not.toContain(`in ${positions} positions;`);
      expect(shaders.vs).toContain(`${positions} positions;`);
      expect(shaders.vs).not.toContain('picking_getPickingColorFromInstanceID()');
      expect(shaders.vs).toContain(`picking_getPickingColorFromIndex(float(gl_VertexID / ${vertices}))`);
      expect(shaders.vs).not.toMatch(/gl_InstanceID/);
      expect(shaders.inject['vs:#main-start']).toBe(`positions = ITEM_CORNERS[gl_VertexID % ${vertices}];`);
      expect(corners(shaders)).toHaveLength(vertices);
    });
  }

  it('covers a segment from its start (0) to its end (1), both sides, with two triangles', () => {
    const [a, b, c, d, e, f] = corners(layers[0].layer.getShaders() as Rewritten);
    if (!(a && b && c && d && e && f)) throw new Error('six corners');
    expect(Math.abs(cross(a, b, c)) / 2 + Math.abs(cross(d, e, f)) / 2).toBeCloseTo(2, 9);
    const xs = [a, b, c, d, e, f].map(([x]) => x);
    const ys = [a, b, c, d, e, f].map(([, y]) => y);
    expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]).toEqual([0, 1, -1, 1]);
  });

  it('draws a circle in a triangle that holds the whole unit circle', () => {
    const triangle = corners(layers[1].layer.getShaders() as Rewritten);
    for (let index = 0; index < 3; index += 1) {
      const start = triangle[index] as [number, number];
      const end = triangle[(index + 1) % 3] as [number, number];
      // Distance from the centre to each side: at least the radius (1), to 6 digits.
      const length = Math.hypot(end[0] - start[0], end[1] - start[1]);
      expect(Math.abs(cross(start, end, [0, 0])) / length).toBeGreaterThanOrEqual(1 - 1e-6);
    }
  });
});
