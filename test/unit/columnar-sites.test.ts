import 'fake-indexeddb/auto';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { decodedSiteTable, engineSiteTable } from '../../src/analysis/engine-site-table';
import { overviewFigures } from '../../src/analysis/overview-figures';
import { allIndices, sortIndices, textRanks } from '../../src/analysis/site-table-order';
import { prepareSiteTableSource, siteTableSource } from '../../src/analysis/site-table-source';
import { textSortColumn } from '../../src/analysis/site-table-text-keys';
import type { Datasets, SiteCollection } from '../../src/domain/types';
import { translator } from '../../src/i18n/translate';
import {
  attachColumns,
  attachedColumns,
  columnarSitesOf,
  packedAt,
  packTexts,
  textAt,
  unpackTexts,
} from '../../src/io/columnar-sites';
import { STORES } from '../../src/io/dataset-schema';
import { openDatasetStore } from '../../src/io/dataset-store';
import { siteColumns } from '../../src/map/site-columns';
import { buildSearchIndex, search, siteEntryOf } from '../../src/ui/search-index';
import { type SiteTable, siteTableOf } from '../../workers/analysis/index';
import { createAnalysisApi } from '../../workers/analysis-api';
import { siteTableApi } from '../../workers/site-table-api';
import { searchKeysOfColumns, searchSiteColumns } from '../../workers/site-table-search';
import { demoDatasets } from '../fixtures/analysis/small-datasets';
import { variedSites } from '../fixtures/varied-sites';

describe('columnar sites', () => {
  it('packs texts and reads each back', () => {
    const packed = packTexts(['', 'a', 'Élan', '']);
    expect(unpackTexts(packed)).toEqual(['', 'a', 'Élan', '']);
    expect(packedAt(packed, 2)).toBe('Élan');
    expect(packedAt(packed, 9)).toBe('');
  });

  it('holds every site, a site without coordinates as NaN, with each text once in its dictionary', () => {
    const features = variedSites(30);
    const columns = columnarSitesOf(features);
    expect(columns.count).toBe(30);
    expect(columns.coordinates[3 * 2]).toBeNaN();
    expect(columns.coordinates[4 * 2]).toBeCloseTo(-72.296);
    expect(columns.individuals[0]).toBeNaN();
    expect(columns.individuals[1]).toBe(10);
    expect(textAt(columns.texts.name, 2)).toBe('Camp Zéro');
    expect(textAt(columns.texts.id, 29)).toBe('S-29');
    expect(columns.texts.admin2Pcode.values.ends.length).toBe(3);
  });

  it('hashes the content: the same sites hash the same, one changed value changes it', () => {
    const features = variedSites(50);
    const hash = columnarSitesOf(features).hash;
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(columnarSitesOf(variedSites(50)).hash).toBe(hash);
    const changed = variedSites(50);
    (changed[10]?.properties as { households: number }).households = 11;
    expect(columnarSitesOf(changed).hash).not.toBe(hash);
    const renamed = variedSites(50);
    (renamed[10]?.properties as { name: string }).name = 'Autre';
    expect(columnarSitesOf(renamed).hash).not.toBe(hash);
  });

  it('gives the analysis worker and the site table what reading the features gives', () => {
    const features = variedSites(40);
    const collection = { type: 'FeatureCollection', features } as unknown as SiteCollection;
    const fromFeatures = siteTableOf(collection);
    const sourceFromFeatures = siteTableSource(collection);
    attachColumns(features, columnarSitesOf(features));
    const encoded = engineSiteTable(collection);
    // Texts cross encoded (no million strings cloned); the worker decodes them to the same table.
    expect('encodedTexts' in encoded).toBe(true);
    // Plus the columns' hash, the identity of its cached answers.
    expect(decodedSiteTable(encoded)).toEqual({
      ...fromFeatures,
      contentHash: attachedColumns(features)?.hash,
    });
    const source = siteTableSource(collection);
    expect(source.columns).toBe(attachedColumns(features));
    const { columns: _columns, ...rest } = source;
    expect(rest).toEqual(sourceFromFeatures);
  });

  it('gives the site table what reading the features gives, in slices, with dictionaries too large to unpack at once', async () => {
    // 25,000 ids: read value by value in the slices rather than unpacked in the first task.
    const features = variedSites(25_000);
    const collection = { type: 'FeatureCollection', features } as unknown as SiteCollection;
    const fromFeatures = siteTableSource(collection);
    attachColumns(features, columnarSitesOf(features));
    const { columns: _columns, ...rest } = await prepareSiteTableSource(collection);
    expect(rest).toEqual(fromFeatures);
  });

  it('sorts a text column in the worker exactly as the table sorts its keys here', () => {
    const features = variedSites(60);
    const collection = { type: 'FeatureCollection', features } as unknown as SiteCollection;
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    const plain = siteTableSource(collection);
    const expected = sortIndices(allIndices(60), textRanks(plain.names, collator), 'ascending');
    const packedHere = textSortColumn('name', plain, (code) => code);
    expect(packedHere && siteTableApi.orderByText(packedHere, 'ascending', 'fr')).toEqual(expected);
    attachColumns(features, columnarSitesOf(features));
    const withColumns = siteTableSource(collection);
    const fromColumns = textSortColumn('name', withColumns, (code) => code);
    expect(fromColumns?.codes).toBe(withColumns.columns?.texts.name.codes);
    expect(fromColumns && siteTableApi.orderByText(fromColumns, 'descending', 'fr')).toEqual(
      sortIndices(allIndices(60), textRanks(plain.names, collator), 'descending'),
    );
    const types = textSortColumn('siteType', withColumns, (code) => code.toUpperCase());
    expect(types && unpackTexts(types.values)).toEqual(['SPONTANEOUS_SITE', 'PLANNED_CAMP']);
  });
});

describe('columns in IndexedDB', () => {
  const collection = (features: Feature<Point | null>[]): FeatureCollection =>
    ({ type: 'FeatureCollection', features }) as FeatureCollection;
  const dataset = (features: Feature<Point | null>[]) => ({
    id: 'sites-a',
    name: 'Sites',
    role: 'sites' as const,
    fieldMapping: null,
    sourceFileName: 'sites.csv',
    collection: collection(features),
  });

  it('stores the columns with the features and attaches them again on reading', async () => {
    const opened = await openDatasetStore({ name: 'katsit-columns-1' });
    if (!opened.ok) throw new Error(opened.error.code);
    const features = variedSites(12_000);
    const columns = columnarSitesOf(features);
    attachColumns(features, columns);
    expect((await opened.value.put(dataset(features))).ok).toBe(true);
    const read = await opened.value.get('sites-a');
    if (!read.ok) throw new Error(read.error.code);
    const again = attachedColumns(read.value.collection.features);
    expect(again?.hash).toBe(columns.hash);
    expect(again && textAt(again.texts.name, 2)).toBe('Camp Zéro');
    opened.value.close();
  });

  it('reads a dataset whose stored columns are damaged from its features, nothing lost', async () => {
    const name = 'katsit-columns-2';
    const opened = await openDatasetStore({ name });
    if (!opened.ok) throw new Error(opened.error.code);
    const features = variedSites(100);
    attachColumns(features, columnarSitesOf(features));
    expect((await opened.value.put(dataset(features))).ok).toBe(true);
    opened.value.close();
    const raw = await openDB(name);
    const stored = await raw.get(STORES.siteColumnParts, ['sites-a', 0]);
    // A code pointing past its dictionary, as a crash or a hand edit could leave.
    stored.codes.name[5] = 99_999;
    await raw.put(STORES.siteColumnParts, stored, ['sites-a', 0]);
    raw.close();
    const reopened = await openDatasetStore({ name });
    if (!reopened.ok) throw new Error(reopened.error.code);
    const read = await reopened.value.get('sites-a');
    expect(read.ok && read.value.collection.features.length).toBe(100);
    expect(read.ok && attachedColumns(read.value.collection.features)).toBeUndefined();
    expect(read.ok && siteTableSource(read.value.collection as SiteCollection).names[5]).toBe('');
    reopened.value.close();
  });
});

describe('encoded sites in the analysis worker', () => {
  it('answers exposure and totals by commune on sites sent with encoded texts as on the plain table', async () => {
    const data = demoDatasets(500);
    const plain = createAnalysisApi({ warmUp: false });
    plain.loadDatasets({ sites: siteTableOf(data.sites), hazards: data.hazards, admin: data.admin });
    attachColumns(data.sites.features, columnarSitesOf(data.sites.features));
    const encoded = createAnalysisApi({ warmUp: false });
    encoded.loadDatasets({
      sites: engineSiteTable(data.sites) as SiteTable,
      hazards: data.hazards,
      admin: data.admin,
    });
    const resultOf = async (answer: Promise<{ status: string; result?: unknown }>) => {
      const done = await answer;
      return done.status === 'done' ? done.result : done.status;
    };
    expect(await resultOf(encoded.runExposure())).toEqual(await resultOf(plain.runExposure()));
    expect(await resultOf(encoded.runByAdmin())).toEqual(await resultOf(plain.runByAdmin()));
  });
});

describe('site search over the columns (the search box in a worker)', () => {
  it('finds and ranks the same sites as the search over the features', () => {
    const features = variedSites(700);
    const collection = { type: 'FeatureCollection', features } as unknown as SiteCollection;
    const columns = columnarSitesOf(features);
    const keys = searchKeysOfColumns(columns.texts);
    const areas = { type: 'FeatureCollection', features: [] } as unknown as Datasets['admin'];
    for (const query of ['camp zero', 'S-12', 'ht011', 'élan', 'bois', 'nothing']) {
      const expected = search(buildSearchIndex({ sites: collection, admin: areas }), query, 10);
      const found = searchSiteColumns(keys, query, 10).map(({ index, score }) => ({
        entry: siteEntryOf(columns, index),
        score,
      }));
      expect(found, query).toEqual(expected);
    }
  });
});

describe('figures from the columns', () => {
  it('gives the overview figures that reading the features gives', () => {
    const data = demoDatasets(300);
    const t = translator('en');
    const expected = overviewFigures(data, t);
    const features = [...data.sites.features];
    attachColumns(features, columnarSitesOf(features));
    // A new collection of the same sites: the totals memo is per collection, the columns per feature array.
    const withColumns = { ...data, sites: { ...data.sites, features } };
    expect(overviewFigures(withColumns, t)).toEqual(expected);
  });
});

describe('the map from the columns', () => {
  it('draws the same positions and radii, a site without coordinates at NaN', () => {
    const features = variedSites(50);
    const plain = siteColumns({ type: 'FeatureCollection', features } as unknown as SiteCollection);
    const shared = [...features];
    attachColumns(shared, columnarSitesOf(shared));
    const fromColumns = siteColumns({
      type: 'FeatureCollection',
      features: shared,
    } as unknown as SiteCollection);
    expect(fromColumns.positions).toBe(attachedColumns(shared)?.coordinates);
    expect(fromColumns).toEqual(plain);
    expect(fromColumns.positions[3 * 2]).toBeNaN();
  });
});
