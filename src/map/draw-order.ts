/**
 * Sites drawn largest first, so a small site is never hidden under a large
 * neighbour's circle. Computed once per collection and reused across layer
 * rebuilds (same array → deck.gl keeps its buffers).
 */
import type { SiteCollection, SiteFeature } from '../domain/types';

const cache = new WeakMap<SiteCollection, SiteFeature[]>();

export function sitesInDrawOrder(sites: SiteCollection): SiteFeature[] {
  const cached = cache.get(sites);
  if (cached) return cached;
  const ordered = [...sites.features].sort((a, b) => b.properties.individuals - a.properties.individuals);
  cache.set(sites, ordered);
  return ordered;
}
