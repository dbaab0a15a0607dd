/**
 * The analysis cache keys sites by the hash of their columns, computed once at
 * import and stored with them: the worker does not hash a million sites again
 * before its first cached answer, a changed site still misses, and a reload
 * (the columns read back from IndexedDB) is served from the cache.
 */
import 'fake-indexeddb/auto';
import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { decodedSiteTable, engineSiteTable } from '../../src/analysis/engine-site-table';
import type { Datasets, SiteCollection } from '../../src/domain/types';
import { attachColumns, attachedColumns, columnarSitesOf } from '../../src/io/columnar-sites';
import { openDatasetStore } from '../../src/io/dataset-store';
import { type SiteTable, siteTableOf } from '../../workers/analysis/index';
import { siteTableHash } from '../../workers/analysis/result-cache';
import { createAnalysisApi } from '../../workers/analysis-api';
import { indexedDbAnalysisCache } from '../../workers/indexeddb-analysis-cache';
import { demoDatasets } from '../fixtures/analysis/small-datasets';

/** The sites as an import leaves them: a new feature array with its columns attached. */
function imported(sites: SiteCollection): SiteCollection {
  const features = sites.features.map((feature) => ({ ...feature, properties: { ...feature.properties } }));
  attachColumns(features, columnarSitesOf(features));
  return { ...sites, features } as SiteCollection;
}

/** The table the analysis client sends, as the worker decodes it. */
const tableOf = (sites: SiteCollection) => decodedSiteTable(engineSiteTable(sites)) as SiteTable;

function run(data: Datasets, sites: SiteCollection, database: string) {
  const api = createAnalysisApi({ cache: indexedDbAnalysisCache({ name: database }) });
  api.loadDatasets({ ...data, sites: tableOf(sites) });
  return api.runExposure();
}

describe('analysis cache identity from the column hash', () => {
  const data = demoDatasets(2000);

  it('keys imported sites by the hash of their columns, and plain sites by their table', () => {
    const sites = imported(data.sites);
    const hash = attachedColumns(sites.features)?.hash;
    expect(siteTableHash(tableOf(sites))).toBe(`k${hash}`);
    // Filtered or demo sites have no columns: their table is hashed, as before.
    expect(siteTableHash(siteTableOf(data.sites))).toMatch(/^s[0-9a-f]{16}$/);
  });

  it('misses when one site changed, and is served after a reload of the stored sites', async () => {
    const database = 'katsit-column-hash-cache';
    const sites = imported(data.sites);
    const first = await run(data, sites, database);
    expect(first.status === 'done' && first.fromCache).toBe(false);

    const changed = imported(data.sites);
    const site = changed.features[17] as Feature<Point>;
    site.properties = { ...site.properties, individuals: Number(site.properties?.individuals ?? 0) + 1 };
    attachColumns(changed.features, columnarSitesOf(changed.features));
    expect(siteTableHash(tableOf(changed))).not.toBe(siteTableHash(tableOf(sites)));
    const afterChange = await run(data, changed, database);
    expect(afterChange.status === 'done' && afterChange.fromCache).toBe(false);

    // A reload: the sites and their columns are read back from IndexedDB.
    const store = await openDatasetStore({ name: database });
    if (!store.ok) throw new Error(store.error.code);
    const put = await store.value.put({
      id: 'sites-a',
      name: 'Sites',
      role: 'sites',
      fieldMapping: null,
      sourceFileName: 'sites.csv',
      collection: sites,
    });
    expect(put.ok).toBe(true);
    const read = await store.value.get('sites-a');
    if (!read.ok) throw new Error(read.error.code);
    store.value.close();
    const reloaded = read.value.collection as SiteCollection;
    expect(reloaded.features).not.toBe(sites.features);
    expect(attachedColumns(reloaded.features)?.hash).toBe(attachedColumns(sites.features)?.hash);
    const afterReload = await run(data, reloaded, database);
    expect(afterReload.status === 'done' && afterReload.fromCache).toBe(true);
    if (first.status !== 'done' || afterReload.status !== 'done') throw new Error('runs');
    expect(afterReload.result).toEqual(first.result);
  });
});
