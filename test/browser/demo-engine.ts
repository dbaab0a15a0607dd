/**
 * The committed demo data read in Node, and the analysis engine run on it
 * directly: what the app in the browser must show.
 */
import { readFileSync } from 'node:fs';
import type { Datasets } from '../../src/domain/types';
import { siteTableOf } from '../../workers/analysis/index';
import { createAnalysisApi } from '../../workers/analysis-api';

export function demoDatasets(): Datasets {
  const read = (name: string) => JSON.parse(readFileSync(`data/${name}.geojson`, 'utf8'));
  return {
    sites: read('sites'),
    hazards: read('hazard-zones'),
    control: read('control-areas'),
    services: read('service-points'),
    admin: read('admin-areas'),
  };
}

export function engineFor(datasets: Datasets) {
  const api = createAnalysisApi();
  api.loadDatasets({ ...datasets, sites: siteTableOf(datasets.sites) });
  return api;
}
