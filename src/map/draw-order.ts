/**
 * Sites drawn largest first, so a small site is never hidden under a large
 * neighbour's circle. Computed once per collection and reused across layer
 * rebuilds (same array → deck.gl keeps its buffers).
 */
import type { SiteCollection, SiteFeature } from '../domain/types';

const cache = new WeakMap<SiteCollection, SiteFeature[]>();

/** Bits of a sort key that hold the site's place in the collection (up to 4 million sites). */
const PLACE_BITS = 22;
const PLACES = 2 ** PLACE_BITS;
/** The largest count a key holds exactly: the key stays below 2^53. */
const LARGEST_COUNT = 2 ** (53 - PLACE_BITS) - 1;

/**
 * The sites largest first, equal counts in their order in the collection. Each site's count
 * and place are packed into one number and sorted natively: a comparator sort of 300k features
 * took about 120 ms of the main thread when a large list arrived; this takes a fraction.
 * Counts that do not fit (not whole, negative, huge) fall back to the comparator, same order.
 */
function largestFirst(sites: SiteFeature[]): SiteFeature[] {
  const byComparator = () => [...sites].sort((a, b) => b.properties.individuals - a.properties.individuals);
  const count = sites.length;
  if (count >= PLACES) return byComparator();
  const keys = new Float64Array(count);
  for (let place = 0; place < count; place += 1) {
    const individuals = (sites[place] as SiteFeature).properties.individuals;
    if (!Number.isInteger(individuals) || individuals < 0 || individuals > LARGEST_COUNT)
      return byComparator();
    keys[place] = individuals * PLACES + (PLACES - 1 - place);
  }
  keys.sort();
  const ordered = new Array<SiteFeature>(count);
  for (let rank = 0; rank < count; rank += 1) {
    const key = keys[count - 1 - rank] as number;
    ordered[rank] = sites[PLACES - 1 - (key % PLACES)] as SiteFeature;
  }
  return ordered;
}

export function sitesInDrawOrder(sites: SiteCollection): SiteFeature[] {
  const cached = cache.get(sites);
  if (cached) return cached;
  // Sites known only by their admin area (no coordinates) have nothing to draw.
  const ordered = largestFirst(sites.features.filter((site) => site.geometry !== null));
  cache.set(sites, ordered);
  return ordered;
}
