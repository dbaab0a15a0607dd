/**
 * Map inputs in links: a drawn area or candidate location goes into the URL (and so
 * into saved views) and comes back the same, within a metre; malformed text is refused.
 */
import { describe, expect, it } from 'vitest';
import { AREA_SHAPE_CODE, LOCATION_CODE } from '../../src/analyses/input-codes';
import { ANALYSES } from '../../src/analyses/registry';
import { initialAppState } from '../../src/state/app-state';
import { decodeUrlState, encodeUrlState, statePatch } from '../../src/state/url-state';
import type { AreaShape } from '../../workers/analysis/area-of-interest';

const DELMAS: AreaShape = {
  kind: 'polygon',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-72.3012, 18.5501],
        [-72.2805, 18.5499],
        [-72.2811, 18.5302],
        [-72.3023, 18.5311],
        [-72.3012, 18.5501],
      ],
    ],
  },
};

const camera = { longitude: -72.3, latitude: 18.54, zoom: 12, bearing: 0 };

describe('area and location codes', () => {
  it('give back a drawn polygon, vertex by vertex, in a few dozen characters', () => {
    const text = AREA_SHAPE_CODE.encode(DELMAS);
    expect(text.length).toBeLessThan(40);
    expect(AREA_SHAPE_CODE.decode(text)).toEqual(DELMAS);
  });

  it('give back a circle and a location', () => {
    const circle: AreaShape = {
      kind: 'circle',
      longitude: -72.33871,
      latitude: 18.54321,
      radiusMeters: 2500,
    };
    expect(AREA_SHAPE_CODE.decode(AREA_SHAPE_CODE.encode(circle))).toEqual(circle);
    expect(LOCATION_CODE.decode(LOCATION_CODE.encode({ longitude: -72.1, latitude: 18.9 }))).toEqual({
      longitude: -72.1,
      latitude: 18.9,
    });
  });

  it('simplify a long outline so the link stays short', () => {
    const ring = Array.from({ length: 2000 }, (_, index) => {
      const angle = (index / 2000) * 2 * Math.PI;
      return [-72.3 + 0.05 * Math.cos(angle), 18.55 + 0.05 * Math.sin(angle)];
    });
    ring.push(ring[0] as number[]);
    const text = AREA_SHAPE_CODE.encode({
      kind: 'polygon',
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
    expect(text.length).toBeLessThan(1500);
    const back = AREA_SHAPE_CODE.decode(text);
    expect(back?.kind === 'polygon' && back.geometry.coordinates[0]?.length).toBeGreaterThan(10);
  });

  it.each([
    'c18.5,-72.3,0',
    'c18.5,-72.3,-5',
    'c95,-72.3,100',
    'c18.5,,100',
    'x123',
    'p',
    'p_p~iF',
    `p${'~'.repeat(3000)}`,
  ])('refuse %s', (text) => {
    expect(AREA_SHAPE_CODE.decode(text)).toBeUndefined();
  });

  it('exist for every analysis that waits for a map input', () => {
    const missing = ANALYSES.filter((analysis) => analysis.input !== 'none' && !analysis.inputCode);
    expect(missing.map((analysis) => analysis.id)).toEqual([]);
  });
});

describe('a drawn area in the URL', () => {
  it('round-trips through a link, so a saved view or a reload redraws the same area', () => {
    const state = {
      ...initialAppState('fr'),
      activeAnalysis: 'area' as const,
      analysisInput: { analysis: 'area' as const, value: DELMAS },
    };
    const hash = encodeUrlState(state, camera);
    expect(hash).toContain('&input=p');
    const patch = statePatch(initialAppState('fr'), decodeUrlState(hash));
    expect(patch.activeAnalysis).toBe('area');
    expect(patch.analysisInput).toEqual({ analysis: 'area', value: DELMAS });
  });

  it('is not written for another analysis, and a link without one clears it', () => {
    const state = {
      ...initialAppState('fr'),
      activeAnalysis: 'exposure' as const,
      analysisInput: { analysis: 'area' as const, value: DELMAS },
    };
    const hash = encodeUrlState(state, camera);
    expect(hash).not.toContain('input=');
    expect(statePatch(state, decodeUrlState(hash)).analysisInput).toBeNull();
  });
});
