/**
 * Puts a large generated site collection into the running app. Numbers cross
 * the DevTools protocol far faster than 100k objects, so the page rebuilds
 * the features from columns.
 */
import type { Page } from 'playwright-core';
import { randomPositions, sitesAt } from '../../bench/workloads';
import type { SiteCollection } from '../../src/domain/types';
import { app } from './app';

export function bigSites(count: number, seed = 7): SiteCollection {
  return sitesAt(randomPositions(count, seed), seed);
}

/**
 * Makes `sites` the app's sites: the data on the map (`datasets`, the default), or the source
 * data the site filter works from (`sourceDatasets`), for tests that filter them.
 */
export async function loadSites(
  page: Page,
  sites: SiteCollection,
  into: 'datasets' | 'sourceDatasets' = 'datasets',
): Promise<void> {
  const columns = {
    into,
    coordinates: sites.features.flatMap((feature) => feature.geometry.coordinates),
    households: sites.features.map((feature) => feature.properties.households),
    individuals: sites.features.map((feature) => feature.properties.individuals),
    area: sites.features.map((feature) => feature.properties.areaSquareMetres),
    communes: sites.features.map((feature) => feature.properties.admin2Pcode),
    communeNames: sites.features.map((feature) => feature.properties.admin2Name),
  };
  await app(page).evaluate((katsit, data) => {
    const features = data.households.map((households, index) => ({
      type: 'Feature',
      geometry: {
        type: 'Point',
        coordinates: [data.coordinates[index * 2], data.coordinates[index * 2 + 1]],
      },
      properties: {
        id: `site-${index}`,
        name: `Site ${index}`,
        siteType: 'spontaneous_site',
        admin1Pcode: 'HT01',
        admin1Name: 'Ouest',
        admin2Pcode: data.communes[index],
        admin2Name: data.communeNames[index],
        households,
        individuals: data.individuals[index],
        managementAgency: 'synthetic',
        areaSquareMetres: data.area[index],
        needShelter: 3,
        needWash: 3,
        needHealth: 3,
        needProtection: 3,
        lastAssessment: '2026-01-01',
      },
    }));
    const datasets = katsit.store.get()[data.into];
    if (!datasets) throw new Error('no data loaded');
    // Built from columns in the page, so typed here by what it is.
    const sites = { type: 'FeatureCollection', features } as SiteCollection;
    katsit.store.set({ [data.into]: { ...datasets, sites } });
  }, columns);
}
