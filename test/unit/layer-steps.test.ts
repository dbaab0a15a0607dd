import { describe, expect, it } from 'vitest';
import { hatchExtension } from '../../src/map/hatch-extension';
import { buildLayers } from '../../src/map/layer-specs';
import { createLayerSteps, type SteppedLayer } from '../../src/map/layer-steps';
import type { IconAtlas } from '../../src/map/service-icons';
import { initialAppState } from '../../src/state/app-state';
import { smallDatasets } from '../fixtures/small-datasets';

class Fill {
  constructor(readonly props: SteppedLayer['props'] = {}) {}
}
class Line {
  readonly props = {};
}

/** Every step's shown count until all are shown. */
function frames(layers: readonly SteppedLayer[]): number[] {
  const steps = createLayerSteps();
  const shown: number[] = [];
  for (let count = 0; count < layers.length; ) {
    count = steps.next(layers, count);
    shown.push(count);
  }
  return shown;
}

describe('createLayerSteps', () => {
  it('brings one new program a frame, with every layer of a program already drawn', () => {
    const layers = [new Fill(), new Line(), new Line(), new Fill(), new Line()];
    expect(frames(layers)).toEqual([1, 2, 5]);
  });

  it('counts a layer with an extension as a program of its own', () => {
    const layers = [new Fill(), new Fill({ extensions: [hatchExtension] }), new Fill(), new Line()];
    expect(frames(layers)).toEqual([1, 2, 4]);
  });

  it('keeps what earlier frames drew when the list changes between frames', () => {
    const steps = createLayerSteps();
    const first = [new Fill(), new Line()];
    expect(steps.next(first, 0)).toBe(1);
    // The app replaced its layers (new instances, the same kinds) before the next frame.
    const second = [new Fill(), new Line(), new Fill(), new Line()];
    expect(steps.next(second, 1)).toBe(2);
    expect(steps.next(second, 2)).toBe(4);
  });

  it("takes the map's layers in fewer frames than layers, never two new programs in one", () => {
    const layers = buildLayers(
      { ...initialAppState('fr'), datasets: smallDatasets() },
      {
        // The atlas is a canvas in the browser; the steps read only the layers' classes.
        serviceIcons: { atlas: {} as HTMLCanvasElement, mapping: {} as IconAtlas['mapping'] },
      },
    );
    const shown = frames(layers);
    expect(shown.length).toBeLessThan(layers.length);
    const kind = (layer: SteppedLayer) => [
      layer.constructor,
      ...(layer.props.extensions ?? []).map((extension) => extension.constructor),
    ];
    const seen: unknown[][] = [];
    const isNew = (layer: SteppedLayer) =>
      !seen.some(
        (known) =>
          known.length === kind(layer).length && known.every((part, index) => part === kind(layer)[index]),
      );
    let from = 0;
    for (const to of shown) {
      const added = layers.slice(from, to);
      expect(added.filter(isNew).length, `frame ending at ${to}`).toBe(1);
      for (const layer of added) if (isNew(layer)) seen.push(kind(layer));
      from = to;
    }
  });
});
