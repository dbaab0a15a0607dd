/**
 * Inputs are never mutated: every contract function and every API run
 * leaves the collections and typed arrays it was given exactly as they were.
 */
import { describe, expect, it } from 'vitest';
import {
  distanceToNearestZone,
  nearestTargets,
  siteTableOf,
  zonesContainingSites,
} from '../../workers/analysis/index';
import { createAnalysisApi } from '../../workers/analysis-api';
import { demoDatasets } from '../fixtures/analysis/small-datasets';

describe('inputs are never mutated', () => {
  it('by the contract functions', () => {
    const data = demoDatasets(300);
    const before = structuredClone(data);
    zonesContainingSites(data.sites, data.hazards);
    distanceToNearestZone(data.sites, data.control);
    nearestTargets(data.sites, data.services);
    expect(data).toEqual(before);
  });

  it('by every API run', async () => {
    const data = demoDatasets(300);
    const table = siteTableOf(data.sites);
    const before = structuredClone({ data, table });
    const api = createAnalysisApi();
    api.loadDatasets({
      sites: table,
      hazards: data.hazards,
      control: data.control,
      services: data.services,
      admin: data.admin,
    });
    const runs = [
      await api.runExposure(),
      await api.runAccess(2000),
      await api.runCoverage(3000),
      await api.runAreaOfInterest({ kind: 'circle', longitude: -73, latitude: 19, radiusMeters: 20_000 }),
      await api.runByAdmin(),
      await api.runSiteFlags(),
    ];
    expect(runs.map((run) => run.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
    api.runSpacePerPerson();
    api.checkCandidate(-72.3, 18.55);
    expect({ data, table }).toEqual(before);
  });
});
