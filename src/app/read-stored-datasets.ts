/**
 * Reads every stored dataset for the data library: the readable ones with
 * their features, the damaged ones named, and a problem per dataset that
 * could not be shown. Features already in memory are reused when their
 * record is unchanged, so a rename in another tab does not read megabytes
 * again.
 */
import type { FeatureCollection } from 'geojson';
import type { DamagedDataset, DatasetRecord, DatasetStore, StoreErrorCode } from '../io/dataset-store';

/** Something that went wrong while loading stored datasets. */
export type LoadProblem =
  | { kind: 'store'; code: StoreErrorCode }
  | { kind: 'record'; code: StoreErrorCode; name: string };

export interface StoredDatasets {
  /** Oldest import first. */
  records: DatasetRecord[];
  damaged: DamagedDataset[];
  /** Features of every readable record, by id. */
  collections: Map<string, FeatureCollection>;
  problems: LoadProblem[];
}

export interface KnownDatasets {
  records: readonly DatasetRecord[];
  collections: ReadonlyMap<string, FeatureCollection>;
}

/** The stored datasets, or the store's failure as a problem. */
export async function readStoredDatasets(
  store: DatasetStore,
  known: KnownDatasets,
): Promise<StoredDatasets | { problem: LoadProblem }> {
  const listed = await store.list();
  if (!listed.ok) return { problem: { kind: 'store', code: listed.error.code } };
  const problems: LoadProblem[] = [];
  const records: DatasetRecord[] = [];
  const damaged: DamagedDataset[] = [...listed.value.damaged];
  const collections = new Map<string, FeatureCollection>();
  for (const record of listed.value.records) {
    const previous = known.records.find((candidate) => candidate.id === record.id);
    const kept = known.collections.get(record.id);
    // A replace writes a new import date; a rename keeps the features.
    if (kept && previous?.importedAt === record.importedAt && previous.featureCount === record.featureCount) {
      collections.set(record.id, kept);
      records.push(record);
      continue;
    }
    const stored = await store.get(record.id);
    if (stored.ok) {
      collections.set(record.id, stored.value.collection);
      records.push(record);
    } else if (stored.error.damage) {
      damaged.push({ key: record.id, id: record.id, name: record.name, damage: stored.error.damage });
    } else {
      problems.push({ kind: 'record', code: stored.error.code, name: record.name });
    }
  }
  for (const entry of damaged) {
    problems.push({ kind: 'record', code: 'unreadable-record', name: entry.name ?? entry.id });
  }
  return { records, damaged, collections, problems };
}
