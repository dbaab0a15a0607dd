/**
 * The analysis controller against the real engine, in-process (the same API
 * object the worker exposes, without the message channel).
 */
import type { Remote } from 'comlink';
import { describe, expect, it, vi } from 'vitest';
import { createAnalysisClient } from '../../src/analysis/analysis-client';
import { createAnalysisController } from '../../src/analysis/analysis-controller';
import { type AppState, initialAppState } from '../../src/state/app-state';
import { createStore } from '../../src/state/store';
import type { AnalysisApi } from '../../workers/analysis-api';
import { createAnalysisApi } from '../../workers/analysis-api';
import { site, smallDatasets } from '../fixtures/small-datasets';

function setup(remote: AnalysisApi = createAnalysisApi()) {
  const client = createAnalysisClient({
    remote: remote as unknown as Remote<AnalysisApi>,
    terminate: () => {},
  });
  const store = createStore<AppState>({ ...initialAppState('en'), datasets: smallDatasets() });
  const controller = createAnalysisController(store, client);
  return { store, controller };
}

/** The engine, every call of which waits until `open()` (a worker busy for as long as a test wants). */
function heldEngine() {
  const engine = createAnalysisApi();
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const held = new Proxy(engine, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...parameters: unknown[]) => {
        await opened;
        return Reflect.apply(value, target, parameters);
      };
    },
  });
  return { held, open };
}

const settledWithin = (promise: Promise<void>, milliseconds: number) =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), milliseconds)),
  ]);

describe('analysis controller', () => {
  it('runs the chosen analysis and publishes translated key figures', async () => {
    const { store, controller } = setup();
    const datasets = smallDatasets();
    // The fixture's sites sit east of the hazard squares; this one is inside both (flood H1, landslide H2).
    const exposed = site('S9', { individuals: 777 });
    exposed.geometry.coordinates = [-72.375, 18.525];
    datasets.sites = { type: 'FeatureCollection', features: [...datasets.sites.features, exposed] };
    store.set({ datasets, activeAnalysis: 'exposure' });
    await vi.waitFor(() => expect(controller.results.get().exposure).not.toBeNull());
    const figure = (label: string) =>
      store.get().keyFigures.find((candidate) => candidate.label === label)?.value;
    expect(figure('People exposed — Flood')).toBe(777);
    expect(figure('People exposed — Landslide')).toBe(777);
    expect(figure('People exposed — Storm surge')).toBe(0);
    await vi.waitFor(() => expect(controller.results.get().flags).not.toBeNull());
    expect(controller.results.get().running).toBeNull();
  });

  it('drops results computed on data that was replaced meanwhile', async () => {
    const { store, controller } = setup();
    store.set({ activeAnalysis: 'space' });
    const replaced = smallDatasets();
    replaced.sites = {
      type: 'FeatureCollection',
      features: [site('Z1', { individuals: 1000, areaSquareMetres: 1000 })],
    };
    store.set({ datasets: replaced });
    await vi.waitFor(() => expect(controller.results.get().space).not.toBeNull());
    expect(controller.results.get().sites).toBe(replaced.sites);
    expect(controller.results.get().space?.overcrowdedSites).toBe(1);
    expect(controller.results.get().space?.squareMetresPerPerson.length).toBe(1);
  });

  it('reruns with new parameters and vets candidate sites', async () => {
    const { store, controller } = setup();
    store.set({ activeAnalysis: 'access' });
    await vi.waitFor(() => expect(controller.results.get().access?.distanceMeters).toBe(1000));
    store.set({ analysisParameters: { accessDistanceMeters: 50_000, healthDistanceMeters: 5000 } });
    await vi.waitFor(() => expect(controller.results.get().access?.distanceMeters).toBe(50_000));
    controller.checkCandidate(-72.375, 18.525);
    await vi.waitFor(() => expect(controller.results.get().candidate).not.toBeNull());
    const candidate = controller.results.get().candidate;
    expect(candidate?.hazards.map((hazard) => hazard.hazardType)).toContain('flood');
    expect(candidate?.verdict).toBe('unsuitable');
  });

  it('keeps a drawn area as state and runs it again on new data (the area vanished when data changed)', async () => {
    const { store, controller } = setup();
    controller.runArea({ kind: 'circle', longitude: -72.3, latitude: 18.55, radiusMeters: 50_000 });
    expect(store.get().activeAnalysis).toBe('area');
    expect(store.get().analysisInput?.analysis).toBe('area');
    await vi.waitFor(() => expect(controller.results.get().area).not.toBeNull());
    const before = controller.results.get().area?.sites ?? 0;
    expect(before).toBeGreaterThan(0);
    const datasets = store.get().datasets;
    if (!datasets?.sites) throw new Error('no demo sites');
    const half = {
      ...datasets.sites,
      features: datasets.sites.features.slice(0, Math.floor(datasets.sites.features.length / 2)),
    };
    store.set({ datasets: { ...datasets, sites: half } });
    await vi.waitFor(() => expect(controller.results.get().area).not.toBeNull());
    expect(controller.results.get().area?.sites).toBeLessThan(before);
  });

  it('says when the analyses have answered: a series page no longer prints before a slow worker answers (it waited for 400 ms without a change of figures)', async () => {
    const { held, open } = heldEngine();
    const { store, controller } = setup(held);
    // A change starts a run at the end of its task; whenAnswered counts it.
    store.set({ activeAnalysis: 'space' });
    const answered = controller.whenAnswered();
    expect(await settledWithin(answered, 600)).toBe(false);
    expect(controller.results.get().space).toBeNull();
    open();
    expect(await settledWithin(answered, 5000)).toBe(true);
    // Resolved with the answer in: the figures a product prints then are the answer's.
    expect(controller.results.get().space).not.toBeNull();
    expect(store.get().keyFigures.length).toBeGreaterThan(0);
    // Nothing running: at once.
    expect(await settledWithin(controller.whenAnswered(), 100)).toBe(true);
  });

  it('says the analyses have answered when a run fails, so a product never waits forever', async () => {
    const engine = createAnalysisApi();
    const failing = new Proxy(engine, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (key !== 'runSpacePerPerson' || typeof value !== 'function') return value;
        return async () => {
          throw new Error('engine failed');
        };
      },
    });
    const { store, controller } = setup(failing);
    store.set({ activeAnalysis: 'space' });
    expect(await settledWithin(controller.whenAnswered(), 5000)).toBe(true);
    expect(controller.results.get().error).not.toBeNull();
  });
});
