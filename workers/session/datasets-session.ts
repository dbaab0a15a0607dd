/**
 * The data the analysis worker holds, in generations. Two views share one
 * worker: `filtered` (what the map, table and analyses show) and `source`
 * (the unfiltered sites, for flag filters). A layer may be loaded into a view
 * as data or as "the same layer as the other view", so an unfiltered session
 * sends and prepares its sites once and both views hold the same object —
 * and the same memoised intermediates, which are keyed by identity.
 *
 * Every load into a view bumps that view's generation. A run takes one
 * snapshot at its start (the layer objects it reads and the generation) and
 * uses it for its body and its cache key; once the generation moves on, the
 * run is stale and stops as superseded at its next chunk boundary.
 */
import type {
  AdminAreaCollection,
  ControlAreaCollection,
  HazardZoneCollection,
  ServicePointCollection,
} from '../../src/domain/types';
import {
  type AdminLayer,
  type ControlLayer,
  type HazardLayer,
  prepareAdminLayer,
  prepareControlLayer,
  prepareHazardLayer,
  prepareServiceLayer,
  type ServiceLayer,
  type SiteTable,
} from '../analysis/index';
import { collectionHash, siteTableHash } from '../analysis/result-cache';

/** The two sets of layers the worker holds. */
export type DatasetsView = 'filtered' | 'source';

/** In `loadDatasets`: this layer is the one the other view holds (nothing re-sent, nothing re-prepared). */
export interface SameLayerAs {
  sameAs: DatasetsView;
}

/** What `loadDatasets` accepts; a missing layer keeps whatever the view held before. */
export interface DatasetsInput {
  sites?: SiteTable | SameLayerAs;
  hazards?: HazardZoneCollection | SameLayerAs;
  control?: ControlAreaCollection | SameLayerAs;
  services?: ServicePointCollection | SameLayerAs;
  admin?: AdminAreaCollection | SameLayerAs;
}

export type LayerName = keyof DatasetsInput;

/** A loaded layer: prepared for the analyses, with what its content hash is computed from. */
export interface LoadedLayer<Prepared> {
  prepared: Prepared;
  /** The data as it arrived (hashed lazily, only when a cache is used). */
  content: unknown;
}

/** The layers of a view at one moment; never mutated, a load makes a new one. */
export interface Snapshot {
  view: DatasetsView;
  generation: number;
  sites: LoadedLayer<SiteTable> | null;
  hazards: LoadedLayer<HazardLayer> | null;
  control: LoadedLayer<ControlLayer> | null;
  services: LoadedLayer<ServiceLayer> | null;
  admin: LoadedLayer<AdminLayer> | null;
}

const isSameLayerAs = (value: unknown): value is SameLayerAs =>
  typeof value === 'object' && value !== null && 'sameAs' in value;

const preparers: { [Name in LayerName]: (content: never) => unknown } = {
  sites: (table: SiteTable) => table,
  hazards: (collection: HazardZoneCollection) => prepareHazardLayer(collection),
  control: (collection: ControlAreaCollection) => prepareControlLayer(collection),
  services: (collection: ServicePointCollection) => prepareServiceLayer(collection),
  admin: (collection: AdminAreaCollection) => prepareAdminLayer(collection),
};

const LAYER_NAMES = Object.keys(preparers) as LayerName[];

export interface DatasetsSession {
  /** The current layers of a view. */
  snapshot(view: DatasetsView): Snapshot;
  /** True while no load has replaced the view's layers since `snapshot` was taken. */
  isCurrent(snapshot: Snapshot): boolean;
  /** Loads layers into a view; returns the new snapshot and the names of the layers that changed. */
  load(input: DatasetsInput, view: DatasetsView): { snapshot: Snapshot; changed: LayerName[] };
  /** A layer's content hash, memoised; null when it cannot be computed (then nothing is cached). */
  hashOf(layer: LoadedLayer<unknown>): string | null;
}

export function createDatasetsSession(): DatasetsSession {
  let generation = 0;
  const empty = (view: DatasetsView): Snapshot => ({
    view,
    generation: 0,
    sites: null,
    hazards: null,
    control: null,
    services: null,
    admin: null,
  });
  const views = new Map<DatasetsView, Snapshot>([
    ['filtered', empty('filtered')],
    ['source', empty('source')],
  ]);
  const hashes = new WeakMap<LoadedLayer<unknown>, string | null>();
  const snapshot = (view: DatasetsView): Snapshot => views.get(view)!;

  return {
    snapshot,
    isCurrent: (taken) => snapshot(taken.view).generation === taken.generation,
    load(input, view) {
      const next: Snapshot = { ...snapshot(view) };
      const changed: LayerName[] = [];
      for (const name of LAYER_NAMES) {
        const value = input[name];
        if (value === undefined) continue;
        const layer = isSameLayerAs(value)
          ? snapshot(value.sameAs)[name]
          : { prepared: preparers[name](value as never), content: value };
        if (layer === next[name]) continue;
        (next as Record<LayerName, LoadedLayer<unknown> | null>)[name] = layer;
        changed.push(name);
      }
      if (changed.length > 0) {
        generation += 1;
        next.generation = generation;
        views.set(view, next);
      }
      return { snapshot: snapshot(view), changed };
    },
    hashOf(layer) {
      if (!hashes.has(layer)) {
        let hash: string | null;
        try {
          hash =
            layer.content === layer.prepared && isSiteTable(layer.content)
              ? siteTableHash(layer.content)
              : collectionHash(layer.content);
        } catch {
          // A layer that cannot be hashed (a BigInt or a cycle in its properties) is simply not cached.
          hash = null;
        }
        hashes.set(layer, hash);
      }
      return hashes.get(layer) ?? null;
    },
  };
}

function isSiteTable(value: unknown): value is SiteTable {
  return (
    typeof value === 'object' && value !== null && (value as SiteTable).coordinates instanceof Float64Array
  );
}
