/**
 * Exposure figures on the demo data: the water-related figure counts each
 * site once (the per-type figures double count a site in several zones), and
 * earthquake shaking stays apart.
 */
import { describe, expect, it } from 'vitest';
import { exposureAnalysis } from '../../src/analyses/exposure';
import { figureContext } from '../../src/analyses/key-figures';
import { defaultParameters } from '../../src/analyses/parameters';
import { HAZARD_TYPES } from '../../src/domain/types';
import { demoDatasets, engineFor } from '../browser/demo-engine';

describe('people exposed to a water-related hazard', () => {
  it('counts each site once, below the sum of the per-type figures', async () => {
    const datasets = demoDatasets();
    const answer = await engineFor(datasets).runExposure();
    if (answer.status !== 'done') throw new Error('engine');
    const figures = exposureAnalysis.keyFigures(
      answer.result,
      figureContext('en', defaultParameters(), datasets),
    );
    const value = (label: string) => figures.find((figure) => figure.label === label)?.value ?? Number.NaN;
    // Independently: people in sites inside any flood, storm-surge or landslide zone.
    const water = ['flood', 'storm_surge', 'landslide'].map((type) => HAZARD_TYPES.indexOf(type as never));
    const expected = datasets.sites.features.reduce((total, site, index) => {
      const exposed = water.some((type) => (answer.result.worstSeverity[index * 4 + type] ?? -1) >= 0);
      return total + (exposed ? site.properties.individuals : 0);
    }, 0);
    const waterRelated = value('People exposed to any water-related hazard (flood, storm surge, landslide)');
    expect(waterRelated).toBe(expected);
    const perType = ['Flood', 'Storm surge', 'Landslide'].map((name) => value(`People exposed — ${name}`));
    expect(waterRelated).toBeLessThan(perType.reduce((total, people) => total + people, 0));
    expect(waterRelated).toBeGreaterThanOrEqual(Math.max(...perType));
    expect(value('People exposed to earthquake shaking')).toBe(value('People exposed — Earthquake shaking'));
    // The per-type figures say they do not add up.
    expect(figures.find((figure) => figure.label === 'People exposed — Flood')?.context).toContain(
      'do not add up',
    );
  });
});
