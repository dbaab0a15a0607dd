import { describe, expect, it } from 'vitest';
import { canvasFit } from '../../src/map/canvas-fit';

describe('the map canvas follows its container without needless resizes', () => {
  it('keeps the canvas when the site table makes the map shorter, covering the hidden strip', () => {
    expect(canvasFit({ width: 1000, height: 800 }, { width: 1000, height: 480 })).toEqual({
      resize: false,
      coveredBottom: 320,
    });
  });

  it('needs no resize when the table closes again: nothing is covered', () => {
    expect(canvasFit({ width: 1000, height: 800 }, { width: 1000, height: 800 })).toEqual({
      resize: false,
      coveredBottom: 0,
    });
  });

  it('resizes when the container grows taller than the canvas', () => {
    expect(canvasFit({ width: 1000, height: 480 }, { width: 1000, height: 800 })).toEqual({ resize: true });
  });

  it('resizes when the width changes, wider or narrower', () => {
    expect(canvasFit({ width: 1000, height: 800 }, { width: 1200, height: 800 })).toEqual({ resize: true });
    expect(canvasFit({ width: 1000, height: 800 }, { width: 700, height: 400 })).toEqual({ resize: true });
  });

  it('treats a pixel of rounding as the same size', () => {
    expect(canvasFit({ width: 1000.5, height: 800.6 }, { width: 1000, height: 800 })).toEqual({
      resize: false,
      coveredBottom: 0,
    });
  });
});
