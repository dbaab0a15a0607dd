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
import { composeProduct, type Measure } from '../../src/map/snapshot-product';
import { type AppState, initialAppState, withLayerSettings } from '../../src/state/app-state';
import { EMPTY_SITE_FILTER } from '../../src/state/site-filter';
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

  it('a candidate check and an area of interest (they read the control areas) are labelled too', () => {
    expect(content(stateWith({ layers: hiddenControl(), activeAnalysis: 'candidate' })).sensitive).toBe(true);
    expect(content(stateWith({ layers: hiddenControl(), activeAnalysis: 'area' })).sensitive).toBe(true);
  });

  it('an analysis that does not read the control layer leaves a product without it unlabelled', () => {
    for (const analysis of ['exposure', 'coverage', 'space', 'admin'] as const)
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

describe('snapshot key figures with their context', () => {
  const measure: Measure = (text, style) => text.length * style.size * 0.55;
  const figure = (label: string) => ({
    label,
    value: 136_636,
    format: 'count' as const,
    context: 'dans une zone ou à 1 km au plus — sur 349 784 personnes',
  });
  const state = stateWith({
    activeAnalysis: 'access',
    analysisLegend: accessLegend,
    keyFigures: [figure('Contrôlée'), figure('Disputée'), figure('Sous influence')],
  });

  it('print the context under each figure when the legend column has room', () => {
    const product = composeProduct(
      content(state),
      { paper: 'A3', orientation: 'landscape' },
      { width: 800, height: 600 },
      { latitude: 18.5, zoom: 11 },
      measure,
    );
    const texts = product.operations.flatMap((operation) =>
      operation.kind === 'text' ? [operation.text] : [],
    );
    expect(texts.some((text) => text.includes('349 784'))).toBe(true);
  });

  it('never run past the legend frame: contexts are dropped on a page too short for them', () => {
    const crowded = {
      ...state,
      layers: Object.fromEntries(
        Object.entries(state.layers).map(([id, layer]) => [id, { ...layer, visible: id === 'sites' }]),
      ) as AppState['layers'],
      keyFigures: Array.from({ length: 10 }, (_unused, index) => figure(`Chiffre ${index}`)),
    };
    const compose = (paper: 'A3' | 'A4') =>
      composeProduct(
        content(crowded),
        { paper, orientation: 'landscape' },
        { width: 800, height: 600 },
        { latitude: 18.5, zoom: 11 },
        measure,
      );
    const printed = (product: ReturnType<typeof compose>) =>
      product.operations.flatMap((operation) => (operation.kind === 'text' ? [operation.text] : []));
    expect(printed(compose('A3')).some((text) => text.includes('349 784'))).toBe(true);
    const product = compose('A4');
    expect(printed(product).some((text) => text.includes('349 784'))).toBe(false);
    // The analysis block's sensitivity warning is never what gives way.
    expect(printed(product).some((text) => text.startsWith('SENSIBLE — dérivé'))).toBe(true);
    const { legend } = product.layout;
    for (const operation of product.operations) {
      if (operation.kind !== 'text' && operation.kind !== 'rect') continue;
      // What starts below the legend belongs to the footer (its sensitivity label).
      if (operation.x < legend.x || operation.y < legend.y || operation.y > legend.y + legend.height)
        continue;
      const bottom = operation.kind === 'rect' ? operation.y + operation.height : operation.y;
      expect(bottom, operation.kind === 'text' ? operation.text : 'key-figures box').toBeLessThanOrEqual(
        legend.y + legend.height + 0.5,
      );
    }
  });
});

describe('the site filter on the product', () => {
  const measure: Measure = (text, style) => text.length * style.size * 0.55;

  it('prints the active filter under the subtitle with no analysis open', () => {
    const filtered = stateWith({
      activeAnalysis: null,
      siteFilter: { ...EMPTY_SITE_FILTER, search: 'delmas' },
      sourceDatasets: smallDatasets(),
    });
    const printed = content(filtered);
    expect(printed.filter).toMatch(/^Filtre actif : .*delmas/);
    const product = composeProduct(
      printed,
      { paper: 'A4', orientation: 'landscape' },
      { width: 1000, height: 700 },
      { latitude: 18.5, zoom: 10 },
      measure,
    );
    const header = product.layout.header;
    const line = product.operations.find(
      (operation) => operation.kind === 'text' && operation.text.startsWith('Filtre actif'),
    );
    expect(line && 'y' in line && line.y > header.y && line.y < header.y + header.height).toBe(true);
    // Without a filter, nothing is said.
    expect(content(stateWith({ siteFilter: EMPTY_SITE_FILTER })).filter).toBeNull();
  });
});

describe('what the map draws underneath, in the product', () => {
  it('closes the legend with the reference layers in their colours and credits each in the sources', () => {
    const state = stateWith({});
    const printed = snapshotContent(state, defaultTexts(state, 'Haïti'), new Date(2026, 10, 2), {
      basemapAttribution: '© OpenStreetMap',
      references: [
        { name: 'Empreintes d’abris', colour: '#7b3294', attribution: 'HOT, 2026' },
        { name: 'Couche nationale', colour: '#8c510a', attribution: null },
      ],
    });
    const last = printed.legend.at(-1);
    expect(last?.key).toBe('reference');
    expect(last?.heading).toBe('Couches de référence');
    expect(last?.entries.map((entry) => [entry.label, entry.symbol])).toEqual([
      ['Empreintes d’abris', { kind: 'fill', color: [0x7b, 0x32, 0x94], fillAlpha: 56 }],
      ['Couche nationale', { kind: 'fill', color: [0x8c, 0x51, 0x0a], fillAlpha: 56 }],
    ]);
    expect(printed.sources.slice(-3)).toEqual([
      '© OpenStreetMap',
      'Empreintes d’abris : HOT, 2026',
      'Couche nationale (source non indiquée)',
    ]);
    expect(content(state).legend.some((block) => block.key === 'reference')).toBe(false);
  });

  it('lists communal sections only when the boundaries have them (the legend showed a symbol the map could not)', () => {
    const state = stateWith({});
    const adminEntries = (printed: ReturnType<typeof content>) =>
      printed.legend.find((block) => block.key === 'admin')?.entries.map((entry) => entry.key);
    expect(adminEntries(content(state))).not.toContain('section');
    const datasets = state.datasets;
    if (!datasets) throw new Error('no datasets');
    const [first] = datasets.admin.features;
    if (!first) throw new Error('no admin area');
    const withSection = {
      ...datasets,
      admin: {
        ...datasets.admin,
        features: [
          ...datasets.admin.features,
          { ...first, properties: { ...first.properties, level: 3 as const } },
        ],
      },
    };
    expect(adminEntries(content({ ...state, datasets: withSection }))).toContain('section');
  });
});
