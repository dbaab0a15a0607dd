/**
 * The snapshot content model: sensitivity follows the data (a product whose
 * figures derive from the gang-control layer is labelled even with the layer
 * hidden), and the analysis overlays head the legend.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisLegend } from '../../src/analyses/overlays';
import { translator } from '../../src/i18n/translate';
import { ANALYSIS_INK } from '../../src/map/palette';
import { defaultTexts, snapshotContent } from '../../src/map/snapshot-content';
import { type AppState, initialAppState, withLayerSettings } from '../../src/state/app-state';
import { smallDatasets } from '../fixtures/small-datasets';

function stateWith(patch: Partial<AppState>): AppState {
  const base = { ...initialAppState('fr'), datasets: smallDatasets() };
  return { ...base, ...patch };
}

const content = (state: AppState) =>
  snapshotContent(state, defaultTexts(state, 'Haïti'), new Date(2026, 10, 2));

const hiddenControl = () => withLayerSettings(initialAppState('fr').layers, 'control', { visible: false });

const accessLegend: AnalysisLegend = {
  heading: 'Analyse : Contraintes d’accès',
  entries: [
    {
      key: 'flagged-sites',
      symbol: { kind: 'ring', color: ANALYSIS_INK },
      label: 'Site à accès contraint (à 1 km au plus d’une zone)',
    },
  ],
  sensitive: true,
};

describe('snapshot sensitivity', () => {
  it('a product with the gang layer hidden but the access analysis shown carries SENSITIVE', () => {
    const state = stateWith({
      layers: hiddenControl(),
      activeAnalysis: 'access',
      analysisLegend: accessLegend,
      keyFigures: [
        { label: 'Personnes à accès contraint — Contrôlée', value: 540, format: 'count', context: null },
      ],
    });
    const product = content(state);
    expect(product.legend.some((block) => block.key === 'control')).toBe(false);
    expect(product.sensitive).toBe(true);
    expect(product.labels.sensitive).toBe(translator('fr')('value.sensitive'));
    // The analysis block carries the same red warning as the control layer's block.
    const analysis = product.legend.find((block) => block.key === 'analysis');
    expect(analysis?.sensitive).toBe(true);
    expect(analysis?.note).toBe(translator('fr')('legend.derivedSensitive'));
  });

  it('a candidate check (it reads the control areas) is labelled too', () => {
    expect(content(stateWith({ layers: hiddenControl(), activeAnalysis: 'candidate' })).sensitive).toBe(true);
  });

  it('an analysis that does not read the control layer leaves a product without it unlabelled', () => {
    for (const analysis of ['exposure', 'coverage', 'space', 'area', 'admin'] as const)
      expect(
        content(stateWith({ layers: hiddenControl(), activeAnalysis: analysis })).sensitive,
        analysis,
      ).toBe(false);
    expect(content(stateWith({ layers: hiddenControl(), activeAnalysis: null })).sensitive).toBe(false);
  });

  it('the control layer shown still labels the product, with or without an analysis', () => {
    expect(content(stateWith({ activeAnalysis: null })).sensitive).toBe(true);
    expect(content(stateWith({ activeAnalysis: 'exposure' })).sensitive).toBe(true);
  });
});

describe('snapshot legend', () => {
  it('lists the analysis overlays first, then the visible layers', () => {
    const product = content(stateWith({ activeAnalysis: 'access', analysisLegend: accessLegend }));
    expect(product.legend[0]?.key).toBe('analysis');
    expect(product.legend[0]?.heading).toBe('Analyse : Contraintes d’accès');
    expect(product.legend[0]?.entries).toEqual(accessLegend.entries);
    expect(product.legend.slice(1).map((block) => block.key)).toEqual([
      'sites',
      'services',
      'control',
      'hazards',
      'admin',
    ]);
  });

  it('has no analysis block when the analysis draws nothing', () => {
    const product = content(stateWith({ activeAnalysis: 'exposure', analysisLegend: null }));
    expect(product.legend.some((block) => block.key === 'analysis')).toBe(false);
  });
});
