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
  // Sites known only by their admin area (no coordinates) have nothing to draw.
  const ordered = sites.features
    .filter((site) => site.geometry !== null)
    .sort((a, b) => b.properties.individuals - a.properties.individuals);
  cache.set(sites, ordered);
  return ordered;
}
