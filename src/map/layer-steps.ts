/**
 * How deck's layers join the map at start-up: a few per drawn frame, each frame bringing at most
 * one kind of layer (a layer class with its extensions: one shader program) not drawn before.
 *
 * Why: linking a program blocks the main thread (luma.gl reads the program's layout right after
 * linking it), hundreds of milliseconds each on software WebGL, so programs are linked one per
 * frame and the page answers input in between. Every frame also redraws the whole map, which
 * costs about as much as a link on software WebGL; a layer whose program is already linked adds
 * little to a frame, so it joins the frame instead of costing one of its own (the demo's layers
 * went from one frame each to one frame per program: first load to every layer drawn about
 * 1.8 s shorter on the 2-core machine).
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
