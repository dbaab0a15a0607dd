/**
 * Every analysis of the registry, run by the controller on the real engine
 * over the committed demo data: each key figure reads the same on the panel,
 * in the snapshot content and in the key-figures CSV (one formatter, with
 * its format and context), every overlay has its legend entries, and the
 * registry is complete (ids, URL parameters, site-table columns).
 */
import { readFileSync } from 'node:fs';
import type { Remote } from 'comlink';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { KeyFigure } from '../../src/analyses/analysis-descriptor';
import { repairedZonesNote } from '../../src/analyses/exposure';
import { figureTexts, formatFigure } from '../../src/analyses/figure-format';
import { keyFiguresCsvRows } from '../../src/analyses/key-figures';
import { activeOverlays } from '../../src/analyses/overlays';
import { ANALYSES, ANALYSIS_IDS, type AnalysisId } from '../../src/analyses/registry';
import { createAnalysisClient } from '../../src/analysis/analysis-client';
import { type AnalysisController, createAnalysisController } from '../../src/analysis/analysis-controller';
import { errorOf } from '../../src/analysis/analysis-results';
import { SITE_TABLE_COLUMNS } from '../../src/analysis/site-table-columns';
import type { Datasets } from '../../src/domain/types';
import { LANGUAGES, type Language, translator } from '../../src/i18n/translate';
import { defaultTexts, snapshotContent } from '../../src/map/snapshot-content';
import { type AppState, initialAppState } from '../../src/state/app-state';
import { createStore, type Store } from '../../src/state/store';
import { type AnalysisApi, createAnalysisApi } from '../../workers/analysis-api';

const DATA = new URL('../../data/', import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, DATA), 'utf8'));

function demoDatasets(): Datasets {
  return {
    sites: read('sites.geojson'),
    hazards: read('hazard-zones.geojson'),
    control: read('control-areas.geojson'),
    services: read('service-points.geojson'),
    admin: read('admin-areas.geojson'),
  };
}

const NARROW_NO_BREAK_SPACE = '\u202f';

/** Key figures of every analysis, as the controller published them, per language. */
const published = new Map<AnalysisId, Map<Language, readonly KeyFigure[]>>();
let store: Store<AppState>;
let controller: AnalysisController;

/** Chooses an analysis (and gives its map input) and waits for its answer and figures. */
async function answer(id: AnalysisId): Promise<void> {
  const descriptor = ANALYSES.find((candidate) => candidate.id === id);
  store.set({ activeAnalysis: id, choropleth: descriptor?.panel.choroplethToggle !== undefined });
  if (descriptor?.input === 'area-shape')
    await controller.runArea({ kind: 'circle', longitude: -72.33, latitude: 18.54, radiusMeters: 15_000 });
  if (descriptor?.input === 'location') await controller.checkCandidate(-72.33, 18.54);
  await vi.waitFor(() => expect(controller.results.get()[id]).not.toBeNull(), { timeout: 20_000 });
}

beforeAll(async () => {
  const api = createAnalysisApi();
  const client = createAnalysisClient({ remote: api as unknown as Remote<AnalysisApi>, terminate: () => {} });
  store = createStore<AppState>({ ...initialAppState('fr'), datasets: demoDatasets() });
  controller = createAnalysisController(store, client);
  for (const id of ANALYSIS_IDS) {
    await answer(id);
    const byLanguage = new Map<Language, readonly KeyFigure[]>();
    for (const language of LANGUAGES) {
      store.set({ language });
      byLanguage.set(language, store.get().keyFigures);
    }
    store.set({ language: 'fr' });
    published.set(id, byLanguage);
  }
}, 120_000);

describe('the same figure everywhere', () => {
  it('every analysis but the candidate check publishes key figures, each with its context', () => {
    for (const id of ANALYSIS_IDS) {
      const figures = published.get(id)?.get('fr') ?? [];
      if (id === 'candidate') expect(figures, id).toEqual([]);
      else {
        expect(figures.length, id).toBeGreaterThan(0);
        for (const figure of figures) expect(figure.context, `${id}: ${figure.label}`).toBeTruthy();
      }
    }
  });

  for (const language of LANGUAGES) {
    it(`panel, snapshot and CSV print each figure with one formatter (${language})`, () => {
      for (const id of ANALYSIS_IDS) {
        const figures = published.get(id)?.get(language) ?? [];
        const expected = figures.map((figure) =>
          formatFigure({ value: figure.value, format: figure.format, language }),
        );
        // The panel's list (keyFiguresList) prints figureTexts.
        const panel = figureTexts(figures, language).map((figure) => figure.value);
        const state = { ...store.get(), language, activeAnalysis: id, keyFigures: figures };
        const snapshot = snapshotContent(state, defaultTexts(state, 'Haïti'), new Date(2026, 10, 2));
        const csv = keyFiguresCsvRows(id, figures, language).slice(1);
        expect(panel, id).toEqual(expected);
        expect(
          snapshot.keyFigures.map((figure) => figure.value),
          id,
        ).toEqual(expected);
        expect(
          csv.map((row) => row[3]),
          id,
        ).toEqual(expected);
        expect(
          snapshot.keyFigures.map((figure) => figure.context),
          id,
        ).toEqual(figures.map((figure) => figure.context));
        figures.forEach((figure, index) => {
          const text = expected[index] ?? '';
          if (figure.format === 'percent') {
            expect(figure.value).toBeGreaterThanOrEqual(0);
            expect(figure.value).toBeLessThanOrEqual(1);
            expect(text).toMatch(language === 'en' ? /^\d+(\.\d)?%$/ : /^\d+(,\d)?\u00a0%$/);
          }
          if (figure.format === 'count' && figure.value >= 1000)
            expect(text.includes(language === 'en' ? ',' : NARROW_NO_BREAK_SPACE), text).toBe(true);
        });
      }
    });
  }

  it('the coverage share is a percentage, not "1" or "0"', () => {
    const share = published.get('coverage')?.get('fr')?.[0];
    expect(share?.format).toBe('percent');
    expect(formatFigure({ value: share?.value ?? 0, format: 'percent', language: 'fr' })).toMatch(/%$/);
  });
});

describe('overlays and their legend', () => {
  it('every overlay an analysis draws comes with legend entries, listed in the snapshot', async () => {
    for (const id of ANALYSIS_IDS) {
      const descriptor = ANALYSES.find((candidate) => candidate.id === id);
      await answer(id);
      const state = store.get();
      const overlays = activeOverlays(state, controller.results.get());
      for (const overlay of overlays)
        expect(overlay.legend.length, `${id} ${overlay.spec.kind}`).toBeGreaterThan(0);
      const expectsOverlay = descriptor?.flagged !== null || id === 'admin' || id === 'candidate';
      expect(overlays.length > 0, id).toBe(expectsOverlay);
      const legend = state.analysisLegend;
      expect(legend?.entries.length ?? 0, id).toBe(overlays.flatMap((overlay) => overlay.legend).length);
      const content = snapshotContent(state, defaultTexts(state, 'Haïti'), new Date(2026, 10, 2));
      const block = content.legend.find((entry) => entry.key === 'analysis');
      expect(
        block?.entries.map((entry) => entry.label),
        id,
      ).toEqual(legend?.entries.map((entry) => entry.label));
    }
  });

  it('labels the access rings with the distance used', async () => {
    store.set({ analysisParameters: { ...store.get().analysisParameters, accessDistanceMeters: 2500 } });
    await answer('access');
    await vi.waitFor(() => expect(controller.results.get().access?.distanceMeters).toBe(2500));
    await vi.waitFor(() =>
      expect(store.get().analysisLegend?.entries[0]?.label).toBe(
        'Site à accès contraint (à 2,5 km au plus d’une zone)',
      ),
    );
  });
});

describe('the registry', () => {
  it('has unique ids, and site-table columns with unique ids', () => {
    expect(new Set(ANALYSIS_IDS).size).toBe(ANALYSIS_IDS.length);
    const ids = SITE_TABLE_COLUMNS.map((column) => column.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(SITE_TABLE_COLUMNS.find((column) => column.id === 'control')?.sensitive).toBe(true);
  });

  it('marks exactly the analyses that read the gang-control layer for their answer as sensitive', () => {
    for (const descriptor of ANALYSES)
      expect(descriptor.sensitive, descriptor.id).toBe(descriptor.reads.includes('control'));
  });
});

describe('analysis errors', () => {
  it('are catalogue keys: a stopped worker says so, anything else is a generic failure', () => {
    expect(errorOf(Object.assign(new Error('terminated'), { code: 'worker-stopped' }))).toEqual({
      key: 'analysis.workerStopped',
    });
    expect(errorOf(new Error('Cannot destructure property offsets'))).toEqual({ key: 'analysis.failed' });
    expect(errorOf('boom')).toEqual({ key: 'analysis.failed' });
  });
});

describe('exposure over repaired zones', () => {
  it('names the zones repaired at import (the analysis did not say which zones were repaired)', () => {
    const hazards = demoHazardsWithRepair();
    const notes = repairedZonesNote(hazards, translator('en'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'note' });
    expect(JSON.stringify(notes[0])).toContain(hazards.features[0]!.properties.name);
    expect(repairedZonesNote({ ...hazards, features: hazards.features.slice(1) }, translator('en'))).toEqual(
      [],
    );
  });
});

/** The demo hazards, the first zone marked as repaired at import (as `repair.ts` marks a split bow-tie). */
function demoHazardsWithRepair(): Datasets['hazards'] {
  const hazards = demoDatasets().hazards;
  const [first, ...rest] = hazards.features;
  if (!first) throw new Error('the demo has no hazard zone');
  return {
    ...hazards,
    features: [{ ...first, properties: { ...first.properties, repaired: 'self-intersection' } }, ...rest],
  };
}
