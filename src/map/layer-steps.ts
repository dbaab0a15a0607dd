/**
 * How deck's layers join the map at start-up: a few per step, each step bringing at most one
 * kind of layer (a layer class with its extensions: one shader program) not shown before.
 *
 * Why: linking a program blocks the main thread (luma.gl reads the program's layout right after
 * linking it), a few hundred milliseconds each on software WebGL, and every frame redraws the
 * whole map, which costs about as much. Layers whose program is already linked add little to a
 * frame, so they join a step instead of costing frames of their own: the demo's 12 layers take
 * 7 steps instead of 12. Measured on the 2-core machine, eight fresh loads alternating between
 * the builds: navigation to every layer drawn 3.5–4.2 s (one layer a step: 3.9–5.1 s), the
 * longest task after the first idle 440–506 ms (285–689 ms). MapView waits for deck's animation
 * frame before a step's render: deck takes new layers in that frame and links a program when it
 * first draws it, and without the wait one frame sometimes linked two steps' programs (longest
 * task up to 680 ms).
 */

/** What decides a layer's shader program: its class and its extensions' classes. */
export interface SteppedLayer {
  readonly constructor: unknown;
  readonly props: { readonly extensions?: readonly { readonly constructor: unknown }[] };
}

/** A layer's program kind as a comparable key. */
function kindOf(layer: SteppedLayer, kinds: Map<unknown, number>): string {
  const parts = [
    layer.constructor,
    ...(layer.props.extensions ?? []).map((extension) => extension.constructor),
  ];
  return parts
    .map((part) => {
      let id = kinds.get(part);
      if (id === undefined) {
        id = kinds.size;
        kinds.set(part, id);
      }
      return id;
    })
    .join(',');
}

/** Remembers which kinds were drawn by earlier frames. */
export interface LayerSteps {
  /**
   * How many of `layers` (a prefix: the drawing order is kept) the next frame should show, given
   * that `shown` are shown already: the first layer of a kind not drawn yet is included and ends
   * the step, with every layer before it. Returns `layers.length` when the rest are all known kinds.
   */
  next(layers: readonly SteppedLayer[], shown: number): number;
}

/** Starts with no kind drawn. */
export function createLayerSteps(): LayerSteps {
  const classes = new Map<unknown, number>();
  const drawn = new Set<string>();
  return {
    next(layers, shown) {
      for (let index = shown; index < layers.length; index += 1) {
        const kind = kindOf(layers[index] as SteppedLayer, classes);
        if (drawn.has(kind)) continue;
        drawn.add(kind);
        return index + 1;
      }
      return layers.length;
    },
  };
}
