/**
 * Feature ids that more than one shown dataset of a layer holds: two
 * partners listing the same site, or one round imported twice. Combined,
 * such a site is counted twice, so the data manager names them.
 */
import { featureId } from '../domain/feature-identity';
import type { LayerRole } from '../io/field-candidates';
import type { LayerDataset } from './shown-datasets';

/** The ids one layer's shown datasets share. */
export interface SharedIds {
  role: LayerRole;
  /** Shared ids in first-seen order. */
  ids: string[];
  /** The ids of the datasets that hold at least one of them. */
  datasetIds: string[];
}

/** Per layer with two or more shown datasets, the ids found in more than one of them. */
export function sharedIds(datasets: readonly LayerDataset[]): SharedIds[] {
  const reports: SharedIds[] = [];
  const roles = [...new Set(datasets.map((dataset) => dataset.role))];
  for (const role of roles) {
    const shown = datasets.filter((dataset) => dataset.role === role && dataset.shown);
    if (shown.length < 2) continue;
    const holders = new Map<string, Set<string>>();
    for (const dataset of shown)
      for (const feature of dataset.collection.features) {
        const id = featureId(role, feature);
        if (id === '') continue;
        const set = holders.get(id) ?? new Set<string>();
        set.add(dataset.id);
        holders.set(id, set);
      }
    const ids: string[] = [];
    const involved = new Set<string>();
    for (const [id, set] of holders)
      if (set.size > 1) {
        ids.push(id);
        for (const dataset of set) involved.add(dataset);
      }
    if (ids.length > 0) reports.push({ role, ids, datasetIds: [...involved] });
  }
  return reports;
}
