/**
 * Which datasets each layer shows, and the one collection the layer gets:
 * every shown dataset of that role, combined (two partners' site lists,
 * departments and communes). Each dataset — imported, kept for this session
 * only, or the demo — has its own visibility; an explicit choice wins, else
 * the default: imports shown; the demo of a role shown only while that role
 * has no import, and the fictional gang-control demo hidden once any layer
 * holds real data; of dated site lists (rounds), only those of the latest date
 * (rounds/round-series.ts). Nothing here deletes anything. Pure, so the rule is read
 * in one place.
 */
import type { FeatureCollection } from 'geojson';
import { type DatasetMetadata, type Datasets, LAYER_IDS } from '../domain/types';
import type { DatasetRecord } from '../io/dataset-store';
import type { LayerRole } from '../io/field-candidates';
import { supersededRoundIds } from '../rounds/round-series';

/** The id of a role's demo collection in visibility choices. */
export const demoDatasetId = (role: LayerRole): string => `demo:${role}`;
/** The id of a collection kept for this session only (saving failed). */
const unsavedDatasetId = (role: LayerRole): string => `unsaved:${role}`;

export interface ShownInputs {
  current: Datasets;
  demo: Datasets;
  records: readonly DatasetRecord[];
  collections: ReadonlyMap<string, FeatureCollection>;
  unsaved: ReadonlyMap<LayerRole, FeatureCollection>;
  /** Explicit choices by dataset id; a dataset without one follows the default. */
  visibility: ReadonlyMap<string, boolean>;
}

/** One dataset a layer may show. */
export interface LayerDataset {
  id: string;
  role: LayerRole;
  /** The record's name; empty for the demo and session-only collections. */
  name: string;
  kind: 'import' | 'unsaved' | 'demo';
  collection: FeatureCollection;
  shown: boolean;
}

/** Every dataset of every role, in import order, the demo last; with whether it is shown. */
export function layerDatasets(inputs: Omit<ShownInputs, 'current'>): LayerDataset[] {
  const real: LayerDataset[] = [];
  const superseded = supersededRoundIds(inputs.records);
  for (const record of inputs.records) {
    const collection = inputs.collections.get(record.id);
    if (collection)
      real.push({
        id: record.id,
        role: record.role,
        name: record.name,
        kind: 'import',
        collection,
        shown: !superseded.has(record.id),
      });
  }
  for (const [role, collection] of inputs.unsaved)
    real.push({ id: unsavedDatasetId(role), role, name: '', kind: 'unsaved', collection, shown: true });
  const realRoles = new Set(real.map((dataset) => dataset.role));
  const demo = LAYER_IDS.map(
    (role): LayerDataset => ({
      id: demoDatasetId(role),
      role,
      name: '',
      kind: 'demo',
      collection: inputs.demo[role],
      // A fictional gang-control layer beside real data misleads: hidden unless asked for.
      shown: !realRoles.has(role) && !(role === 'control' && realRoles.size > 0),
    }),
  );
  return [...real, ...demo].map((dataset) => ({
    ...dataset,
    shown: inputs.visibility.get(dataset.id) ?? dataset.shown,
  }));
}

/** The parts each combined collection was made of, so an unchanged combination keeps its identity. */
const partsOf = new WeakMap<FeatureCollection, readonly FeatureCollection[]>();
const emptyOf = new Map<LayerRole, FeatureCollection>();

const metadataOf = (collection: FeatureCollection): Partial<DatasetMetadata> =>
  ((collection as { metadata?: Partial<DatasetMetadata> }).metadata ?? {}) as Partial<DatasetMetadata>;

/** The shown parts as one collection; a single part is itself, none is an empty collection. */
function combined(role: LayerRole, parts: readonly FeatureCollection[], current: unknown): FeatureCollection {
  const [only] = parts;
  if (parts.length === 1 && only) return only;
  if (parts.length === 0) {
    let empty = emptyOf.get(role);
    if (!empty) {
      empty = {
        type: 'FeatureCollection',
        features: [],
        metadata: { synthetic: false, description: '', asOf: '', source: '' },
      } as FeatureCollection;
      emptyOf.set(role, empty);
    }
    return empty;
  }
  const previous = partsOf.get(current as FeatureCollection);
  if (previous?.length === parts.length && previous.every((part, index) => part === parts[index]))
    return current as FeatureCollection;
  const metadata = parts.map(metadataOf);
  const collection = {
    type: 'FeatureCollection',
    features: parts.flatMap((part) => part.features),
    metadata: {
      // Partly demo is demo: the header and products must say so.
      synthetic: metadata.some((each) => each.synthetic === true),
      description: metadata.map((each) => each.description ?? '').join(' + '),
      asOf:
        metadata
          .map((each) => each.asOf ?? '')
          .sort()
          .at(-1) ?? '',
      source: [...new Set(metadata.map((each) => each.source ?? ''))].join(', '),
    },
  } as FeatureCollection;
  partsOf.set(collection, parts);
  return collection;
}

/** The datasets to show, or undefined when every layer already shows the right one (identity kept). */
export function shownDatasets(inputs: ShownInputs): Datasets | undefined {
  const datasets = layerDatasets(inputs);
  const next: Record<string, unknown> = { ...inputs.current };
  let changed = false;
  for (const role of LAYER_IDS) {
    const parts = datasets
      .filter((dataset) => dataset.role === role && dataset.shown)
      .map((dataset) => dataset.collection);
    const wanted = combined(role, parts, next[role]);
    if (next[role] !== wanted) {
      next[role] = wanted;
      changed = true;
    }
  }
  return changed ? (next as unknown as Datasets) : undefined;
}
