/**
 * The compared rounds in links and saved views: written as
 * `rounds=<base>~<later>`, read back, dropped when malformed, and a link
 * without them shows no comparison.
 */
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/analyses/parameters';
import { initialAppState } from '../../src/state/app-state';
import { decodeUrlState, encodeUrlState, statePatch } from '../../src/state/url-state';

const CAMERA = { longitude: -72.3, latitude: 18.55, zoom: 11, bearing: 0 };
const BASE = '2f1c7a9e-3b4d-4c2a-9f1e-0a1b2c3d4e5f';
const LATER = 'dataset-m3k2x1-ab12cd34';

describe('rounds in the URL', () => {
  it('writes the compared rounds and reads them back', () => {
    const state = { ...initialAppState('fr'), roundComparison: { base: BASE, later: LATER } };
    const hash = encodeUrlState(state, CAMERA);
    expect(hash).toContain(`&rounds=${BASE}~${LATER}`);
    expect(decodeUrlState(hash).roundComparison).toEqual({ base: BASE, later: LATER });
  });

  it('drops a malformed pair and writes nothing when no rounds are compared', () => {
    expect(decodeUrlState('#rounds=a~a').roundComparison).toBeUndefined();
    expect(decodeUrlState('#rounds=a~b~c').roundComparison).toBeUndefined();
    expect(decodeUrlState('#rounds=<script>~b').roundComparison).toBeUndefined();
    expect(decodeUrlState('#rounds=onlyone').roundComparison).toBeUndefined();
    expect(encodeUrlState(initialAppState('fr'), CAMERA)).not.toContain('rounds=');
  });

  it('clears a comparison when a link compares no rounds', () => {
    const comparing = {
      analysisParameters: defaultParameters(),
      roundComparison: { base: BASE, later: LATER },
    };
    expect(statePatch(comparing, decodeUrlState('#map=8/18.5/-72.3')).roundComparison).toBeNull();
    expect(statePatch(comparing, decodeUrlState(`#rounds=${LATER}~${BASE}`)).roundComparison).toEqual({
      base: LATER,
      later: BASE,
    });
  });
});
