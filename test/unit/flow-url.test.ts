/**
 * The movements in links and saved views (issue 17): shown, categories,
 * period and host-pressure colouring round-trip through the hash; unknown
 * categories are dropped, a date that is no real day is ignored, and a link
 * without movements hides them.
 */
import { describe, expect, it } from 'vitest';
import { FLOW_CATEGORIES, type FlowCategory } from '../../src/flows/flow-categories';
import { ALL_FLOWS } from '../../src/flows/flow-selection';
import { decodeFlowView, encodeFlowView, flowStatePatch } from '../../src/flows/flow-url';
import { initialAppState } from '../../src/state/app-state';
import { decodeUrlState, encodeUrlState } from '../../src/state/url-state';

const camera = { longitude: -72.3, latitude: 18.56, zoom: 10.5, bearing: 0 };
const filterOf = (categories: FlowCategory[], fromDate: string | null, toDate: string | null) => ({
  categories: new Set(categories),
  fromDate,
  toDate,
});

describe('movements in the URL', () => {
  it('round-trips categories, period and host pressure through the hash', () => {
    const flows = {
      shown: true,
      pressureShown: true,
      filter: filterOf(['internal', 'repatriation_land'], '2026-09-01', '2026-11-30'),
    };
    const hash = encodeUrlState({ ...initialAppState('fr'), flows }, camera);
    expect(hash).toContain('flows=on;cat:repatriation_land,internal;from:2026-09-01;to:2026-11-30;pressure');
    const decoded = decodeUrlState(hash).flows;
    expect(decoded).toEqual({
      categories: ['repatriation_land', 'internal'],
      fromDate: '2026-09-01',
      toDate: '2026-11-30',
      pressureShown: true,
    });
    const patch = flowStatePatch(decoded);
    expect(patch.shown).toBe(true);
    expect(patch.pressureShown).toBe(true);
    expect([...(patch.filter?.categories ?? [])].sort()).toEqual(['internal', 'repatriation_land']);
    expect(patch.filter?.fromDate).toBe('2026-09-01');
  });

  it('writes only "on" for every category and no period, and nothing while hidden', () => {
    expect(encodeFlowView({ shown: true, pressureShown: false, filter: ALL_FLOWS })).toBe('on');
    expect(encodeFlowView({ shown: false, pressureShown: true, filter: ALL_FLOWS })).toBeNull();
    const hash = encodeUrlState(
      { ...initialAppState('fr'), flows: { shown: false, pressureShown: false, filter: ALL_FLOWS } },
      camera,
    );
    expect(hash).not.toContain('flows=');
    expect(decodeUrlState(hash).flows).toBeUndefined();
  });

  it('drops unknown categories, and keeps every category when none is known', () => {
    expect(decodeFlowView('on;cat:internal,teleportation')?.categories).toEqual(['internal']);
    expect(decodeFlowView('on;cat:teleportation')?.categories).toEqual(FLOW_CATEGORIES);
  });

  it('ignores a date that is not a real day, keeping the rest', () => {
    const view = decodeFlowView('on;from:2026-02-30;to:2026-11-30');
    expect(view?.fromDate).toBeNull();
    expect(view?.toDate).toBe('2026-11-30');
    expect(decodeFlowView('on;from:yesterday')?.fromDate).toBeNull();
  });

  it('reads nothing from a value that is not ours, and a link without movements hides them', () => {
    expect(decodeFlowView('yes')).toBeUndefined();
    expect(decodeFlowView(null)).toBeUndefined();
    expect(flowStatePatch(undefined)).toEqual({ shown: false, pressureShown: false });
  });
});
