/**
 * Which collection each layer shows: a collection kept for this session only
 * (saving failed), else the latest readable import of that role, else the
 * demo. Pure, so the rule is read in one place.
 */
import type { FeatureCollection } from 'geojson';
import { type Datasets, LAYER_IDS } from '../domain/types';
import type { DatasetRecord } from '../io/dataset-store';
import type { LayerRole } from '../io/field-candidates';

/** The latest import of each role among those whose features are loaded. */
export function latestByRole(
  records: readonly DatasetRecord[],
  collections: ReadonlyMap<string, FeatureCollection>,
): Map<LayerRole, DatasetRecord> {
  const latest = new Map<LayerRole, DatasetRecord>();
  for (const record of records) if (collections.has(record.id)) latest.set(record.role, record);
  return latest;
}

export interface ShownInputs {
  current: Datasets;
  demo: Datasets;
  records: readonly DatasetRecord[];
  collections: ReadonlyMap<string, FeatureCollection>;
  unsaved: ReadonlyMap<LayerRole, FeatureCollection>;
}

/** The datasets to show, or undefined when every layer already shows the right one (identity kept). */
export function shownDatasets(inputs: ShownInputs): Datasets | undefined {
  const latest = latestByRole(inputs.records, inputs.collections);
  const next: Record<string, unknown> = { ...inputs.current };
  let changed = false;
  for (const role of LAYER_IDS) {
    const record = latest.get(role);
    const wanted =
      inputs.unsaved.get(role) ??
      (record ? inputs.collections.get(record.id) : undefined) ??
      inputs.demo[role];
    if (next[role] !== wanted) {
      next[role] = wanted;
      changed = true;
    }
  }
  return changed ? (next as unknown as Datasets) : undefined;
}
