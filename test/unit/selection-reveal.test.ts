/**
 * The selected site stays in sight beside the panels that cover the map: each cover
 * hides the side that leaves the most map free (the phone's sheet the bottom, the
 * tablet's drawer the left, the details card the right), and the camera moves only
 * when the site is hidden, to the middle of what is left.
 */
import { describe, expect, it } from 'vitest';
import { coveredInsets, revealShift } from '../../src/ui/selection-reveal';

/** A phone's map, 390 × 713 px under a 72 px header. */
const phoneMap = { left: 0, top: 72, right: 390, bottom: 785 };
/** The half-height sheet: from y = 363 down past the map's bottom (over the tab bar). */
const sheet = { left: 0, top: 363, right: 390, bottom: 787 };

describe('covered insets', () => {
  it("takes a phone's sheet from the bottom of the map", () => {
    expect(coveredInsets(phoneMap, [sheet])).toEqual({ top: 0, right: 0, bottom: 422, left: 0 });
  });

  it("takes a tablet's drawer from the left and a details card from the right", () => {
    const map = { left: 60, top: 80, right: 1366, bottom: 768 };
    const drawer = { left: 60, top: 80, right: 400, bottom: 768 };
    const card = { left: 1000, top: 92, right: 1320, bottom: 600 };
    expect(coveredInsets(map, [drawer, card])).toEqual({ top: 0, right: 366, bottom: 0, left: 340 });
  });

  it('ignores a cover beside the map', () => {
    expect(coveredInsets(phoneMap, [{ left: 400, top: 0, right: 600, bottom: 800 }])).toEqual({
      top: 0,
      right: 0,
      bottom: 0,
      left: 0,
    });
  });
});

describe('reveal shift', () => {
  const size = { width: 390, height: 713 };
  const insets = coveredInsets(phoneMap, [sheet]);

  it('moves a site under the sheet to the middle of the map above it', () => {
    // The site table flies a site to the map's centre: under the sheet.
    const shift = revealShift({ x: 195, y: 356 }, size, insets, 'leave');
    expect(shift).toEqual({ x: 0, y: 356 - 291 / 2 });
  });

  it('leaves a site already in sight above the sheet', () => {
    expect(revealShift({ x: 100, y: 120 }, size, insets, 'reveal')).toBeNull();
  });

  it('brings a new selection off the map into view, but leaves one the user panned away from', () => {
    expect(revealShift({ x: 900, y: 120 }, size, insets, 'reveal')).toEqual({ x: 900 - 195, y: 120 - 145.5 });
    expect(revealShift({ x: 900, y: 120 }, size, insets, 'leave')).toBeNull();
  });

  it('does nothing when the sheet fills the map', () => {
    const full = coveredInsets(phoneMap, [{ left: 0, top: 72, right: 390, bottom: 787 }]);
    expect(revealShift({ x: 195, y: 356 }, size, full, 'reveal')).toBeNull();
  });
});
