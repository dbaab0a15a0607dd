/**
 * The legend's colours stay apart for colour-blind readers and in grey print:
 * every pair of entries within a layer is simulated through deuteranopia,
 * protanopia and tritanopia and through greyscale, and must keep a CIE76 ΔE of
 * at least 10 — unless the two entries differ by symbol (kind or pattern), in
 * which case the shape tells them apart and colour need not.
 */
import { describe, expect, it } from 'vitest';
import { LEGEND, type LegendSymbol, type RGB } from '../../src/map/palette';

type Vector = readonly [number, number, number];
type Matrix = readonly [Vector, Vector, Vector];

/**
 * Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of
 * Color Vision Deficiency", IEEE TVCG 15(6): 1291–1298 — the severity 1.0 matrices of
 * their supplementary table, applied to linear RGB.
 */
const SIMULATIONS: Record<'deuteranopia' | 'protanopia' | 'tritanopia', Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const MINIMUM_DELTA_E = 10;

/** sRGB (0–255) → linear RGB (0–1). */
function linear(color: RGB): Vector {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(color[0]), channel(color[1]), channel(color[2])];
}

function transform(matrix: Matrix, vector: Vector): Vector {
  const row = (index: 0 | 1 | 2) => {
    const [a, b, c] = matrix[index];
    return Math.min(1, Math.max(0, a * vector[0] + b * vector[1] + c * vector[2]));
  };
  return [row(0), row(1), row(2)];
}

/** Greyscale print: every channel set to the relative luminance (Rec. 709 weights). */
function greyscale(vector: Vector): Vector {
  const luminance = 0.2126 * vector[0] + 0.7152 * vector[1] + 0.0722 * vector[2];
  return [luminance, luminance, luminance];
}

/** Linear RGB → CIELAB (D65). */
function lab(vector: Vector): Vector {
  const x = (0.4124564 * vector[0] + 0.3575761 * vector[1] + 0.1804375 * vector[2]) / 0.95047;
  const y = 0.2126729 * vector[0] + 0.7151522 * vector[1] + 0.072175 * vector[2];
  const z = (0.0193339 * vector[0] + 0.119192 * vector[1] + 0.9503041 * vector[2]) / 1.08883;
  const f = (t: number) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference. */
function deltaE(first: Vector, second: Vector): number {
  return Math.hypot(first[0] - second[0], first[1] - second[1], first[2] - second[2]);
}

const VIEWS: Record<string, (vector: Vector) => Vector> = {
  deuteranopia: (vector) => transform(SIMULATIONS.deuteranopia, vector),
  protanopia: (vector) => transform(SIMULATIONS.protanopia, vector),
  tritanopia: (vector) => transform(SIMULATIONS.tritanopia, vector),
  greyscale,
};

function colourOf(symbol: LegendSymbol): RGB | null {
  return 'color' in symbol ? symbol.color : null;
}

/** Two symbols a reader tells apart without colour: another kind, pattern or dash. */
function differByShape(first: LegendSymbol, second: LegendSymbol): boolean {
  if (first.kind !== second.kind) return true;
  if (first.kind === 'pattern' && second.kind === 'pattern') return first.pattern !== second.pattern;
  if (first.kind === 'line' && second.kind === 'line')
    return first.dashed !== second.dashed || first.width !== second.width;
  // Service icons carry their own glyph (drop, cross, box) and one shared colour.
  if (first.kind === 'icon' && second.kind === 'icon') return first.serviceType !== second.serviceType;
  return false;
}

const pairs = Object.entries(LEGEND).flatMap(([layer, entries]) =>
  entries.flatMap((first, index) => entries.slice(index + 1).map((second) => ({ layer, first, second }))),
);

describe('legend colours under colour-vision deficiency and in grey print', () => {
  it('has pairs to check in every layer with more than one entry', () => {
    expect(pairs.length).toBeGreaterThan(20);
  });

  it('the simulation is sane: a grey stays grey and black and white stay far apart', () => {
    const grey = linear([128, 128, 128]);
    for (const view of Object.values(VIEWS)) {
      expect(deltaE(lab(view(grey)), lab(grey))).toBeLessThan(1.5);
      expect(deltaE(lab(view(linear([0, 0, 0]))), lab(view(linear([255, 255, 255]))))).toBeGreaterThan(99);
    }
    // Red and green, the classic confusion, collapse under deuteranopia but not in normal vision.
    const red = linear([200, 60, 40]);
    const green = linear([90, 130, 40]);
    expect(deltaE(lab(red), lab(green))).toBeGreaterThan(40);
    expect(
      deltaE(lab(VIEWS.deuteranopia?.(red) ?? red), lab(VIEWS.deuteranopia?.(green) ?? green)),
    ).toBeLessThan(15);
  });

  for (const { layer, first, second } of pairs) {
    it(`${layer}: ${first.key} and ${second.key} stay distinguishable`, () => {
      const shapes = differByShape(first.symbol, second.symbol);
      const firstColour = colourOf(first.symbol);
      const secondColour = colourOf(second.symbol);
      if (shapes || !firstColour || !secondColour) {
        // Allowed: the symbols differ by shape (pattern, dash, glyph), which no simulation removes.
        expect(shapes).toBe(true);
        return;
      }
      for (const [name, view] of Object.entries(VIEWS)) {
        const difference = deltaE(lab(view(linear(firstColour))), lab(view(linear(secondColour))));
        expect(difference, `${name} ΔE`).toBeGreaterThanOrEqual(MINIMUM_DELTA_E);
      }
    });
  }
});
