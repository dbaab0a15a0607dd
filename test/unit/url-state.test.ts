import { describe, expect, it } from 'vitest';
import { PARAMETER_SPECS } from '../../src/analyses/parameters';
import { ANALYSIS_IDS } from '../../src/analyses/registry';
import { initialAppState } from '../../src/state/app-state';
import { decodeUrlState, encodeUrlState, statePatch } from '../../src/state/url-state';

const camera = { longitude: -72.3, latitude: 18.56, zoom: 11.3, bearing: 0 };

describe('URL hash state', () => {
  it('round-trips view, layers, opacities, selection and analysis', () => {
    const base = initialAppState('fr');
    const state = {
      ...base,
      layers: {
        ...base.layers,
        hazards: { visible: false, opacity: 1 },
        admin: { visible: true, opacity: 0.5 },
      },
      selection: { layerId: 'sites' as const, featureId: 'HT S/0012 & co' },
      activeAnalysis: 'access' as const,
      analysisParameters: { accessDistanceMeters: 750, healthDistanceMeters: 3000 },
    };
    const hash = encodeUrlState(state, { ...camera, bearing: 15 });
    expect(hash).toBe(
      '#map=11.30/18.56000/-72.30000/15&layers=admin@50,control,services,sites&select=sites:HT%20S%2F0012%20%26%20co&analysis=access&access=750&health=3000',
    );
    const decoded = decodeUrlState(hash);
    expect(decoded.camera).toEqual({ ...camera, bearing: 15 });
    expect(decoded.layers).toEqual(state.layers);
    expect(decoded.selection).toEqual(state.selection);
    expect(decoded.activeAnalysis).toBe('access');
    expect(statePatch(base, decoded)).toEqual({
      layers: state.layers,
      selection: state.selection,
      activeAnalysis: 'access',
      analysisInput: null,
      analysisParameters: state.analysisParameters,
    });
  });

  it('encodes "no layer visible" and a default view compactly', () => {
    const base = initialAppState('en');
    const hidden = Object.fromEntries(
      Object.keys(base.layers).map((id) => [id, { visible: false, opacity: 1 }]),
    );
    const hash = encodeUrlState({ ...base, layers: hidden as typeof base.layers }, camera);
    expect(hash).toBe('#map=11.30/18.56000/-72.30000&layers=none');
    expect(Object.values(decodeUrlState(hash).layers ?? {}).every((layer) => !layer.visible)).toBe(true);
  });

  it('ignores malformed hashes safely, part by part', () => {
    const malformed = [
      '',
      '#',
      '#%%%',
      '#map=abc',
      '#map=1/2',
      '#map=99/18/-72',
      '#map=10/91/-72',
      '#map=10/18/-72/x',
      '#map=Infinity/18/-72',
      '#map=//',
      '#layers=',
      '#layers=nothing,foo@x',
      '#select=',
      '#select=sites',
      '#select=:abc',
      '#select=unknown:abc',
      '#analysis=<script>alert(1)</script>',
      '#constructor=1&__proto__=x',
      `#map=${'9'.repeat(5000)}`,
    ];
    for (const hash of malformed) expect(decodeUrlState(hash), hash).toEqual({});
    // The good parts of a half-broken link survive.
    const partial = decodeUrlState('#map=abc&layers=sites,bogus@20,hazards@999&analysis=exposure&access=-5');
    expect(partial.camera).toBeUndefined();
    expect(partial.layers?.sites).toEqual({ visible: true, opacity: 1 });
    expect(partial.layers?.hazards).toEqual({ visible: true, opacity: 1 });
    expect(partial.layers?.control).toEqual({ visible: false, opacity: 1 });
    expect(partial.activeAnalysis).toBe('exposure');
    expect(partial.analysisParameters).toBeUndefined();
  });

  it('clears the selection and analysis when the link names none (back/forward return to that entry)', () => {
    const state = {
      ...initialAppState('fr'),
      analysisParameters: { accessDistanceMeters: 1, healthDistanceMeters: 2 },
    };
    expect(statePatch(state, decodeUrlState('#map=10/18.5/-72.3'))).toEqual({
      selection: null,
      activeAnalysis: null,
      analysisInput: null,
    });
  });

  it('round-trips every analysis of the registry and every parameter under its URL key', () => {
    const base = initialAppState('en');
    for (const analysis of ANALYSIS_IDS) {
      const parameters = Object.fromEntries(
        PARAMETER_SPECS.map((spec, index) => [spec.key, spec.defaultValue + 100 * (index + 1)]),
      ) as unknown as typeof base.analysisParameters;
      const hash = encodeUrlState(
        { ...base, activeAnalysis: analysis, analysisParameters: parameters },
        camera,
      );
      for (const spec of PARAMETER_SPECS) expect(hash).toContain(`&${spec.urlKey}=${parameters[spec.key]}`);
      const decoded = decodeUrlState(hash);
      expect(decoded.activeAnalysis).toBe(analysis);
      expect(decoded.analysisParameters).toEqual(parameters);
    }
    expect(decodeUrlState('#analysis=nonsense&access=500').activeAnalysis).toBeUndefined();
  });
});
