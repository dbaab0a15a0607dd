/**
 * Which shown layers are demo data: what the header and products print once
 * any layer comes from an import.
 */
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Datasets } from '../../src/domain/types';
import { initialAppState } from '../../src/state/app-state';
import { demoStatus } from '../../src/state/demo-layers';

const layer = (synthetic: boolean, count = 1): FeatureCollection =>
  ({
    type: 'FeatureCollection',
    features: Array.from({ length: count }, () => ({ type: 'Feature', properties: {}, geometry: null })),
    metadata: { synthetic },
  }) as unknown as FeatureCollection;

const datasets = (real: Partial<Record<keyof Datasets, FeatureCollection>>): Datasets =>
  ({
    admin: layer(true),
    hazards: layer(true),
    control: layer(true),
    services: layer(true),
    sites: layer(true),
    ...real,
  }) as unknown as Datasets;

const { layers } = initialAppState('en');

describe('demo status', () => {
  it('is all demo and no warning before any import', () => {
    expect(demoStatus(datasets({}), layers)).toEqual({
      demoLayers: ['admin', 'hazards', 'control', 'services', 'sites'],
      anyReal: false,
      fictionalControlBesideReal: false,
    });
  });

  it('names the demo layers once one layer is real, and warns about fictional gang areas beside it', () => {
    const status = demoStatus(datasets({ sites: layer(false) }), layers);
    expect(status.anyReal).toBe(true);
    expect(status.demoLayers).toEqual(['admin', 'hazards', 'control', 'services']);
    expect(status.fictionalControlBesideReal).toBe(true);
  });

  it('leaves out layers switched off or empty (a hidden demo)', () => {
    const status = demoStatus(datasets({ sites: layer(false), control: layer(false, 0) }), {
      ...layers,
      hazards: { visible: false, opacity: 1 },
    });
    expect(status.demoLayers).toEqual(['admin', 'services']);
    expect(status.fictionalControlBesideReal).toBe(false);
  });

  it('says nothing before data is loaded', () => {
    expect(demoStatus(null, layers).demoLayers).toEqual([]);
  });
});
