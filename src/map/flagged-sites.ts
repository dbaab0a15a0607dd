/**
 * Which sites the active analysis flags (exposed, constrained, under-served,
 * overcrowded, inside the drawn area), as site indices. Memoised per result
 * object so the highlight layer keeps the same data array between rebuilds.
 */
import type { AnalysisResults } from '../analysis/analysis-results';
import type { AnalysisId } from '../state/app-state';

const cache = new WeakMap<object, number[]>();

function memoised(key: object, compute: () => number[]): number[] {
  const cached = cache.get(key);
  if (cached) return cached;
  const value = compute();
  cache.set(key, value);
  return value;
}

function indicesWhere(count: number, predicate: (index: number) => boolean): number[] {
  const indices: number[] = [];
  for (let index = 0; index < count; index++) if (predicate(index)) indices.push(index);
  return indices;
}

export function flaggedSiteIndices(analysis: AnalysisId | null, results: AnalysisResults): number[] | null {
  switch (analysis) {
    case 'exposure': {
      const exposure = results.exposure;
      if (!exposure) return null;
      const { offsets } = exposure.siteZones;
      return memoised(exposure, () =>
        indicesWhere(offsets.length - 1, (site) => (offsets[site + 1] ?? 0) > (offsets[site] ?? 0)),
      );
    }
    case 'access': {
      const access = results.access;
      if (!access) return null;
      return memoised(access, () =>
        indicesWhere(access.siteLevel.length, (site) => (access.siteLevel[site] ?? -1) >= 0),
      );
    }
    case 'coverage': {
      const coverage = results.coverage;
      if (!coverage) return null;
      return memoised(coverage, () =>
        indicesWhere(
          coverage.waterBeyondSphere.length,
          (site) => coverage.waterBeyondSphere[site] === 1 || coverage.healthBeyondReach[site] === 1,
        ),
      );
    }
    case 'space': {
      const space = results.space;
      if (!space) return null;
      return memoised(space, () =>
        indicesWhere(space.overcrowded.length, (site) => space.overcrowded[site] === 1),
      );
    }
    case 'area': {
      const area = results.area;
      if (!area) return null;
      return memoised(area, () => Array.from(area.siteIndices));
    }
    case 'admin':
    case 'candidate':
    case null:
      return null;
  }
}
