/**
 * deck.gl's line and scatterplot layers drawn without instancing, for
 * software WebGL.
 *
 * Both layers draw each item (a segment, a circle) as an instance of a
 * four-vertex strip. SwiftShader, the software WebGL Chromium falls back to on
 * machines without a usable GPU (and the one the tests and benchmarks run on),
 * runs a draw's instances one after another, each with its own set-up: about
 * 6–14 µs per item, so the commune dashes and hazard outlines around a city
 * view took 30–50 ms of every frame, where the same vertices drawn as one list
 * cost a few. These layers keep deck's shaders, props and look; each item
 * becomes six vertices of a plain triangle list, whose corner the vertex
 * shader reads from gl_VertexID instead of the strip's `positions`, and whose
 * picking colour comes from the item's index (gl_VertexID / 6) instead of the
 * instance's. On a GPU the difference is nil; attributes take six values per
 * item instead of one.
 */
import type { UpdateParameters } from '@deck.gl/core';
import { LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import { Model } from '@luma.gl/engine';

/** Vertices per line segment: two triangles. */
export const SEGMENT_VERTICES = 6;

/**
 * Vertices per circle: one triangle around it. Vertex shading is what a circle costs on
 * software WebGL (100k sites at city zoom: tens of milliseconds for a few thousand circles on
 * screen), so three vertices instead of a square's six, for about 30 % more fragments, most of
 * them discarded outside the circle by the shader as before.
 */
export const CIRCLE_VERTICES = 3;

/** Rewrites an instanced layer's vertex shader to read its corner and picking index from gl_VertexID. */
function perVertexShaders<Shaders extends { vs?: string; inject?: Record<string, string> }>(
  shaders: Shaders,
  corners: readonly (readonly [number, number])[],
): Shaders {
  const count = corners.length;
  const table = corners.map(([x, y]) => `vec3(${x.toFixed(7)}, ${y.toFixed(7)}, 0.0)`).join(', ');
  return {
    ...shaders,
    vs: (shaders.vs ?? '')
      .replace('in vec3 positions;', 'vec3 positions;')
      .replace(
        'picking_getPickingColorFromInstanceID()',
        `picking_getPickingColorFromIndex(float(gl_VertexID / ${count}))`,
      ),
    inject: {
      ...shaders.inject,
      'vs:#decl': `const vec3 ITEM_CORNERS[${count}] = vec3[${count}](${table});`,
      'vs:#main-start': `positions = ITEM_CORNERS[gl_VertexID % ${count}];`,
    },
  };
}

/** A triangle list, not instanced; its vertex count is set before each draw. */
function listModel(layer: LineLayer | ScatterplotLayer): Model {
  return new Model(layer.context.device, {
    ...layer.getShaders(),
    id: layer.props.id,
    bufferLayout: layer.getAttributeManager()?.getBufferLayouts() ?? [],
    topology: 'triangle-list',
    vertexCount: 0,
    isInstanced: false,
  });
}

/**
 * The line layer, one segment per six vertices (SEGMENT_VERTICES). Its data is binary and already per vertex:
 * every value repeated six times (line-segments.ts), `length` counting vertices.
 */
export class VertexLineLayer extends LineLayer {
  static override layerName = 'VertexLineLayer';

  override getShaders() {
    // x is 0 at the segment's start and 1 at its end, y the side.
    return perVertexShaders(super.getShaders(), [
      [0, -1],
      [0, 1],
      [1, -1],
      [1, -1],
      [0, 1],
      [1, 1],
    ]);
  }

  override initializeState(): void {
    // The line layer's attributes, per vertex instead of per instance.
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

  override initializeState(): void {
    const colours = this.props.colorFormat.length;
    this.getAttributeManager()?.add({
      instancePositions: {
        size: 3,
        type: 'float64',
        fp64: this.use64bitPositions(),
        accessor: 'getPosition',
      },
      instanceRadius: { size: 1, accessor: 'getRadius', defaultValue: 1 },
      instanceFillColors: {
        size: colours,
        type: 'unorm8',
        accessor: 'getFillColor',
        defaultValue: [0, 0, 0, 255],
      },
      instanceLineColors: {
        size: colours,
        type: 'unorm8',
        accessor: 'getLineColor',
        defaultValue: [0, 0, 0, 255],
      },
      instanceLineWidths: { size: 1, accessor: 'getLineWidth', defaultValue: 1 },
      instancePixelOffset: { size: 2, accessor: 'getPixelOffset' },
    });
  }

  override updateState(parameters: UpdateParameters<this>): void {
    super.updateState(parameters);
    if (parameters.changeFlags.dataChanged) {
      const data = this.props.data;
      const items = Array.isArray(data) ? data.length : 0;
      const startIndices = new Uint32Array(items);
      for (let item = 0; item < items; item += 1) startIndices[item] = item * CIRCLE_VERTICES;
      this.setState({ numInstances: items * CIRCLE_VERTICES, startIndices });
    }
  }

  override draw(options: Parameters<ScatterplotLayer['draw']>[0]): void {
    (this.state.model as Model | undefined)?.setVertexCount(this.getNumInstances());
    super.draw(options);
  }

  protected override _getModel(): Model {
    return listModel(this);
  }
}
