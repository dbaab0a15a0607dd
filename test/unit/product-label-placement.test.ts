/**
 * The names on a map product: never clipped at the frame (moved inside, or
 * dropped and counted), never on the frame's furniture or on each other, and
 * moved off the largest site circles and gang-control outlines whenever a free
 * position exists. Checked on hand-made scenes, on random crowded ones, and
 * on the demo data as the composer lays it out (A4 and A3, both
 * orientations, country and metropolitan views). Regression: labels were
 * copied with the map's pixels, so they were cut at the frame and printed
 * under the site circles.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Datasets } from '../../src/domain/types';
import type { Camera } from '../../src/map/camera';
import { defaultTexts, snapshotContent } from '../../src/map/snapshot-content';
import { exportZoom, ORIENTATIONS, type Rectangle } from '../../src/map/snapshot-layout';
import { composeProduct, type DrawOperation, type Measure } from '../../src/map/snapshot-product';
import {
  type Box,
  type CircleSymbol,
  type LabelRequest,
  type PlacementScene,
  placeLabels,
} from '../../src/products/label-placement';
import { productLabels } from '../../src/products/product-labels';
import { initialAppState } from '../../src/state/app-state';

const measure: Measure = (text, style) => text.length * style.size * (style.bold ? 0.6 : 0.56);

const FRAME: Box = { x: 20, y: 80, width: 600, height: 400 };
const emptyScene = (overrides: Partial<PlacementScene> = {}): PlacementScene => ({
  frame: FRAME,
  margin: 3,
  furniture: [],
  circles: [],
  largeRadius: 8,
  outlines: [],
  ...overrides,
});
const label = (text: string, x: number, y: number, width = 60, height = 14): LabelRequest => ({
  text,
  anchor: { x, y },
  width,
  height,
});

const insideFrame = (box: Box, frame: Box, margin = 0) =>
  box.x >= frame.x + margin - 1e-9 &&
  box.y >= frame.y + margin - 1e-9 &&
  box.x + box.width <= frame.x + frame.width - margin + 1e-9 &&
  box.y + box.height <= frame.y + frame.height - margin + 1e-9;
const boxesOverlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const circleInBox = (circle: CircleSymbol, box: Box) => {
  const x = Math.min(Math.max(circle.x, box.x), box.x + box.width);
  const y = Math.min(Math.max(circle.y, box.y), box.y + box.height);
  return (circle.x - x) ** 2 + (circle.y - y) ** 2 < circle.radius ** 2;
};

/** A small deterministic generator, so a failing scene can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('label placement', () => {
  it('moves a label at the frame’s edge inside it instead of clipping it', () => {
    const { placed, dropped } = placeLabels(
      [label('Gauche', FRAME.x + 2, 200), label('Bas', 300, FRAME.y + FRAME.height - 1)],
      emptyScene(),
    );
    expect(dropped).toBe(0);
    expect(placed).toHaveLength(2);
    for (const { box } of placed) expect(insideFrame(box, FRAME, 3)).toBe(true);
  });

  it('drops and counts a label that cannot be whole inside the frame', () => {
    const { placed, dropped } = placeLabels(
      [label('Trop long pour le cadre', 300, 200, 700), label('Ailleurs', 200, 200)],
      emptyScene(),
    );
    expect(dropped).toBe(1);
    expect(placed.map((entry) => entry.text)).toEqual(['Ailleurs']);
  });

  it('moves a name off a large site circle when a free position exists, and keeps it on small ones', () => {
    const big: CircleSymbol = { x: 300, y: 300, radius: 12 };
    const small: CircleSymbol = { x: 150, y: 200, radius: 4 };
    const { placed } = placeLabels(
      [label('Delmas', 300, 300), label('Pétion-Ville', 150, 200)],
      emptyScene({ circles: [big, small] }),
    );
    const [delmas, petionVille] = placed;
    expect(delmas && circleInBox(big, delmas.box)).toBe(false);
    expect(delmas?.conflicts).toBe(0);
    // On its anchor: small circles are not worth moving a name for (the halo keeps it legible).
    expect(petionVille?.box.x).toBeCloseTo(150 - 30);
  });

  it('moves a name off a gang-control outline that would cut it', () => {
    const outline: [number, number][] = [
      [300, 100],
      [300, 450],
    ];
    const { placed } = placeLabels([label('Cité Soleil', 300, 250)], emptyScene({ outlines: [outline] }));
    const box = placed[0]?.box as Box;
    expect(box.x >= 300 || box.x + box.width <= 300).toBe(true);
  });

  it('keeps names off the frame’s furniture and off each other, even if it means dropping them', () => {
    const scaleBar: Box = { x: 30, y: 440, width: 160, height: 30 };
    const { placed, dropped } = placeLabels(
      [label('Carrefour', 100, 455), label('Carrefour bis', 100, 455), label('Carrefour ter', 100, 455)],
      emptyScene({ furniture: [scaleBar] }),
    );
    for (const { box } of placed) expect(boxesOverlap(box, scaleBar)).toBe(false);
    expect(placed.length + dropped).toBe(3);
  });

  it('on 100 crowded random scenes: inside the frame, clear of each other, off large circles where it could be', () => {
    const next = random(14);
    let placedCount = 0;
    let droppedCount = 0;
    for (let scene = 0; scene < 100; scene++) {
      const circles: CircleSymbol[] = Array.from({ length: 40 }, () => ({
        x: FRAME.x + next() * FRAME.width,
        y: FRAME.y + next() * FRAME.height,
        radius: 3 + next() * 20,
      }));
      const requests = Array.from({ length: 25 }, (_, index) =>
        label(
          `L${index}`,
          FRAME.x - 20 + next() * (FRAME.width + 40),
          FRAME.y - 10 + next() * (FRAME.height + 20),
          30 + next() * 90,
          12 + next() * 4,
        ),
      );
      const { placed, dropped } = placeLabels(requests, emptyScene({ circles }));
      placedCount += placed.length;
      droppedCount += dropped;
      expect(placed.length + dropped).toBe(requests.length);
      const large = circles.filter((circle) => circle.radius >= 8);
      placed.forEach((entry, index) => {
        expect(insideFrame(entry.box, FRAME, 3), entry.text).toBe(true);
        for (const other of placed.slice(index + 1)) expect(boxesOverlap(entry.box, other.box)).toBe(false);
        const touched = large.filter((circle) => circleInBox(circle, entry.box)).length;
        // The count it reports is the truth, and it touches a large circle only when no free position was left.
        expect(entry.conflicts).toBe(2 * touched);
        if (touched > 0) {
          const alone = placeLabels([requests[entry.index] as LabelRequest], emptyScene({ circles }));
          const earlier = placed.filter((other) => other.index < entry.index);
          const freeAndClear =
            alone.placed[0]?.conflicts === 0 &&
            !earlier.some((other) => boxesOverlap(other.box, alone.placed[0]?.box as Box));
          expect(freeAndClear, `${entry.text} in scene ${scene}`).toBe(false);
        }
      });
    }
    // Crowded, not hopeless: most names print.
    expect(placedCount).toBeGreaterThan(3 * droppedCount);
  });
});

const read = <Collection>(name: string) =>
  JSON.parse(readFileSync(new URL(`../../data/${name}.geojson`, import.meta.url), 'utf8')) as Collection;
const demo: Datasets = {
  sites: read('sites'),
  hazards: read('hazard-zones'),
  control: read('control-areas'),
  services: read('service-points'),
  admin: read('admin-areas'),
};

/** Text boxes as the labels' model draws them (the halo's half outside the letters included). */
function labelBox(operation: Extract<DrawOperation, { kind: 'text' }>): Box {
  const width = measure(operation.text, operation) + (operation.halo?.width ?? 0);
  return {
    x: operation.x - width / 2,
    y: operation.y - operation.size * 0.78 - 1.5,
    width,
    height: operation.size + 3,
  };
}

describe('product labels on the demo data', () => {
  const state = { ...initialAppState('fr'), datasets: demo };
  const views: { name: string; camera: Camera }[] = [
    { name: 'country', camera: { longitude: -72.7, latitude: 19, zoom: 7.6, bearing: 0, pitch: 0 } },
    { name: 'metro', camera: { longitude: -72.3, latitude: 18.56, zoom: 11.3, bearing: 0, pitch: 0 } },
  ];
  const screenMap = { width: 1000, height: 700 };
  for (const view of views)
    for (const paper of ['A4', 'A3'] as const)
      for (const orientation of ORIENTATIONS)
        it(`${view.name}, ${paper} ${orientation}: every name whole in the frame, haloed, off furniture and large circles`, () => {
          const content = snapshotContent(
            state,
            defaultTexts(state, 'Port-au-Prince, Ouest'),
            new Date(Date.UTC(2026, 11, 2)),
          );
          const settings = { paper, orientation };
          const draft = composeProduct(content, settings, screenMap, view.camera, measure);
          const zoom = exportZoom(view.camera.zoom, screenMap, draft.layout.map);
          const camera = { ...view.camera, zoom };
          const product = composeProduct(content, settings, screenMap, camera, measure);
          const frame: Rectangle = product.layout.map;
          const labels = productLabels(state, camera, frame, product.operations, measure);
          expect(labels.operations.length, 'names printed').toBeGreaterThan(view.name === 'metro' ? 5 : 3);
          const furniture = product.operations.flatMap((operation) =>
            operation.kind === 'text' &&
            insideFrame({ x: operation.x, y: operation.y, width: 0, height: 0 }, frame)
              ? [labelBox(operation)]
              : [],
          );
          for (const operation of labels.operations) {
            if (operation.kind !== 'text') throw new Error('labels are text');
            expect(operation.halo?.color).toBe('#ffffff');
            const box = labelBox(operation);
            expect(insideFrame(box, frame), operation.text).toBe(true);
            for (const other of furniture)
              expect(boxesOverlap(box, other), `${operation.text} on furniture`).toBe(false);
          }
          const placedConflicts = labels.placed.filter((entry) => entry.conflicts > 0).length;
          console.info(
            `${view.name} ${paper} ${orientation}: ${labels.placed.length} names placed, ${labels.dropped} dropped, ${placedConflicts} still on a large circle or outline (no free position)`,
          );
          expect(labels.placed.length).toBeGreaterThan(labels.dropped);
        });
});
