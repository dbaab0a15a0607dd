/**
 * deck.gl's line, scatterplot and icon layers drawn without instancing, for
 * software WebGL.
 *
 * These layers draw each item (a segment, a circle, an icon) as an instance of
 * a four-vertex strip. SwiftShader, the software WebGL Chromium falls back to
 * on machines without a usable GPU (and the one the tests and benchmarks run
 * on), runs a draw's instances one after another, each with its own set-up:
 * about 6–14 µs per item, so the commune dashes and hazard outlines around a
 * city view took 30–50 ms of every frame, where the same vertices drawn as one
 * list cost a few. The layers here keep deck's shaders, props, attributes and
 * look; each item becomes the vertices of a plain triangle list (six for a
 * segment or an icon, three for a circle), whose corner the vertex shader reads
 * from gl_VertexID instead of the strip's `positions`, and whose picking colour
 * comes from the item's index (gl_VertexID / vertices per item) instead of the
 * instance's. Every attribute steps per vertex, each item's values repeated
 * over its vertices. On a GPU the difference is nil; attributes take three or
 * six values per item instead of one.
 */
import type { UpdateParameters } from '@deck.gl/core';
import { IconLayer, LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import { Model } from '@luma.gl/engine';

/** Vertices per line segment or icon: two triangles. */
export const SEGMENT_VERTICES = 6;

/** The square's two triangles, corners from -1 to 1 (icons; a segment uses 0 to 1 along). */
const SQUARE: readonly (readonly [number, number])[] = [
  [-1, -1],
  [1, -1],
  [-1, 1],
  [-1, 1],
  [1, -1],
  [1, 1],
];

/**
 * Vertices per circle: one triangle around it. Vertex shading is what a circle costs on
 * software WebGL (100k sites at city zoom: tens of milliseconds for a few thousand circles on
 * screen), so three vertices instead of a square's six, for about 30 % more fragments, most of
 * them discarded outside the circle by the shader as before.
 */
export const CIRCLE_VERTICES = 3;

/**
 * Rewrites an instanced layer's vertex shader to read its corner (a `vec2` or `vec3`
 * `positions` attribute in deck's shaders) and picking index from gl_VertexID.
 */
function perVertexShaders<Shaders extends { vs?: string; inject?: Record<string, string> }>(
  shaders: Shaders,
  corners: readonly (readonly [number, number])[],
  positions: 'vec2' | 'vec3' = 'vec3',
): Shaders {
  const count = corners.length;
  const corner = ([x, y]: readonly [number, number]) =>
    positions === 'vec2'
      ? `vec2(${x.toFixed(7)}, ${y.toFixed(7)})`
      : `vec3(${x.toFixed(7)}, ${y.toFixed(7)}, 0.0)`;
  return {
    ...shaders,
    vs: (shaders.vs ?? '')
      .replace(`in ${positions} positions;`, `${positions} positions;`)
      .replace(
        'picking_getPickingColorFromInstanceID()',
        `picking_getPickingColorFromIndex(float(gl_VertexID / ${count}))`,
      ),
    inject: {
      ...shaders.inject,
      'vs:#decl': `const ${positions} ITEM_CORNERS[${count}] = ${positions}[${count}](${corners.map(corner).join(', ')});`,
      'vs:#main-start': `positions = ITEM_CORNERS[gl_VertexID % ${count}];`,
    },
  };
}

/** A triangle list, not instanced, every attribute per vertex; its vertex count is set before each draw. */
function listModel(layer: LineLayer | ScatterplotLayer | IconLayer): Model {
  return new Model(layer.context.device, {
    ...layer.getShaders(),
    id: layer.props.id,
    bufferLayout: (layer.getAttributeManager()?.getBufferLayouts() ?? []).map((layout) => ({
      ...layout,
      stepMode: 'vertex' as const,
    })),
    topology: 'triangle-list',
    vertexCount: 0,
    isInstanced: false,
  });
}

/**
 * For data given as items (an array): the start index of each item's vertices, so deck writes
 * each item's values over its `vertices` vertices, and the vertex count.
 */
function spreadOverVertices(
  data: unknown,
  vertices: number,
): { numInstances: number; startIndices: Uint32Array } {
  const items = Array.isArray(data) ? data.length : 0;
  const startIndices = new Uint32Array(items);
  for (let item = 0; item < items; item += 1) startIndices[item] = item * vertices;
  return { numInstances: items * vertices, startIndices };
}

/**
 * The line layer, one segment per six vertices (SEGMENT_VERTICES). Its data is binary and already per vertex:
 * every value repeated six times (line-segments.ts), `length` counting vertices.
 */
export class VertexLineLayer extends LineLayer {
  static override layerName = 'VertexLineLayer';

  override getShaders() {
    // x is 0 at the segment's start and 1 at its end, y the side.
    return perVertexShaders(
      super.getShaders(),
      SQUARE.map(([along, side]) => [(along + 1) / 2, side] as const),
    );
  }

  override initializeState(): void {
    // The line layer's attributes less their transitions: with deck's own definitions the
    // binary per-vertex values given here drew nothing (the map tests' colour checks failed).
    this.getAttributeManager()?.add({
      instanceSourcePositions: {
        size: 3,
        type: 'float64',
        fp64: this.use64bitPositions(),
        accessor: 'getSourcePosition',
      },
      instanceTargetPositions: {
        size: 3,
        type: 'float64',
        fp64: this.use64bitPositions(),
        accessor: 'getTargetPosition',
      },
      instanceColors: {
        size: this.props.colorFormat.length,
        type: 'unorm8',
        accessor: 'getColor',
        defaultValue: [0, 0, 0, 255],
      },
      instanceWidths: { size: 1, accessor: 'getWidth', defaultValue: 1 },
    });
  }

  override draw(options: Parameters<LineLayer['draw']>[0]): void {
    (this.state.model as Model | undefined)?.setVertexCount(this.getNumInstances());
    super.draw(options);
  }

  protected override _getModel(): Model {
    return listModel(this);
  }
}

/**
 * The scatterplot layer, one circle per triangle (CIRCLE_VERTICES), from ordinary data and
 * accessors: deck writes each item's values for its three vertices (the layer's start
 * indices), and picking finds the item by its index as with deck's own layer.
 */
export class VertexScatterplotLayer<Datum = unknown> extends ScatterplotLayer<Datum> {
  static override layerName = 'VertexScatterplotLayer';

  override getShaders() {
    // The equilateral triangle around the unit circle (its circumradius is 2). The shader
    // scales these corners by the circle's padded radius and shades a fragment by its distance
    // from the centre, as it does the square's corners.
    const half = Math.sqrt(3);
    return perVertexShaders(super.getShaders(), [
      [0, 2],
      [-half, -1],
      [half, -1],
    ]);
  }

  override updateState(parameters: UpdateParameters<this>): void {
    super.updateState(parameters);
    if (parameters.changeFlags.dataChanged)
      this.setState(spreadOverVertices(this.props.data, CIRCLE_VERTICES));
  }

  override draw(options: Parameters<ScatterplotLayer['draw']>[0]): void {
    (this.state.model as Model | undefined)?.setVertexCount(this.getNumInstances());
    super.draw(options);
  }

  protected override _getModel(): Model {
    return listModel(this);
  }
}

/**
 * The icon layer, one icon per six vertices, from ordinary data and accessors (the service
 * points: 236 icons cost about 9 ms of a panned city frame drawn as instances).
 */
export class VertexIconLayer<Datum = unknown> extends IconLayer<Datum> {
  static override layerName = 'VertexIconLayer';

  override getShaders() {
    return perVertexShaders(super.getShaders(), SQUARE, 'vec2');
  }

  override updateState(parameters: UpdateParameters<this>): void {
    super.updateState(parameters);
    if (parameters.changeFlags.dataChanged)
      this.setState(spreadOverVertices(this.props.data, SEGMENT_VERTICES));
  }

  override draw(options: Parameters<IconLayer['draw']>[0]): void {
    (this.state.model as Model | undefined)?.setVertexCount(this.getNumInstances());
    super.draw(options);
  }

  protected override _getModel(): Model {
    return listModel(this);
  }
}
