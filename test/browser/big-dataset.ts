/**
 * Puts a large generated site collection into the running app. Numbers cross
 * the DevTools protocol far faster than 100k objects, so the page rebuilds
 * the features from columns.
 */
import type { Page } from 'playwright-core';
import { randomPositions, sitesAt } from '../../bench/workloads';
import type { SiteCollection } from '../../src/domain/types';

export function bigSites(count: number, seed = 7): SiteCollection {
  return sitesAt(randomPositions(count, seed), seed);
}

export async function loadSites(page: Page, sites: SiteCollection): Promise<void> {
  const columns = {
    coordinates: sites.features.flatMap((feature) => feature.geometry.coordinates),
    households: sites.features.map((feature) => feature.properties.households),
    individuals: sites.features.map((feature) => feature.properties.individuals),
    area: sites.features.map((feature) => feature.properties.areaSquareMetres),
  };
  await page.evaluate((data) => {
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
        admin2Pcode: 'HT0111',
        admin2Name: 'Port-au-Prince',
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
    const app = (
      globalThis as unknown as {
        katsit: { store: { get(): { datasets: object }; set(patch: object): void } };
      }
    ).katsit;
    app.store.set({
      datasets: { ...app.store.get().datasets, sites: { type: 'FeatureCollection', features } },
    });
  }, columns);
}
