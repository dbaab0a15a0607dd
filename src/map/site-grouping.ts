/**
 * How the sites layer is drawn for a state: in groups (the analysis worker's answer for these
 * very sites), one by one, or not yet.
 *
 * Why: an answer indexes the site list it was computed for. Drawn over another list (new
 * sites imported, a filter changed, a round shown) its single sites are other sites and its
 * groups carry the old totals, until the worker's next answer; and a large list drawn one by
 * one at country zoom while the first answer is on its way costs a long task of deck's buffers
 * (300k sites, three vertices each). So an answer is used only with its own sites, and a large
 * list waits for its groups drawing nothing.
 */
import { AGGREGATE_BELOW_ZOOM } from '../../workers/analysis/aggregation-zoom';
import type { SiteClusters } from '../../workers/analysis/site-clusters';
import type { AppState } from '../state/app-state';
import { WINDOWED_SITES_FROM } from './site-window';

/** What the sites layer draws. */
export type SiteGrouping =
  | { kind: 'one-by-one' }
  | { kind: 'grouped'; clusters: SiteClusters }
  /** Groups are due (country zoom, a large list) and the answer for these sites has not come. */
  | { kind: 'awaiting-groups' };

/**
 * The grouping for `state` at `zoom` (the map's, by default; a product passes its own): grouped
 * only by an answer computed for `state.datasets.sites`.
 */
export function siteGrouping(
  state: Pick<AppState, 'datasets' | 'siteClusters' | 'zoomStep'>,
  zoom: number = state.zoomStep,
): SiteGrouping {
  const sites = state.datasets?.sites;
  if (!sites || zoom >= AGGREGATE_BELOW_ZOOM) return { kind: 'one-by-one' };
  const groups = state.siteClusters;
  if (groups && groups.sites === sites) return { kind: 'grouped', clusters: groups.clusters };
  // A small list is drawn whole at once while its groups are on their way, as before they existed.
  return sites.features.length < WINDOWED_SITES_FROM ? { kind: 'one-by-one' } : { kind: 'awaiting-groups' };
}

/** The groups drawn for `state`, or null when sites are not drawn in groups. */
export function shownClusters(
  state: Pick<AppState, 'datasets' | 'siteClusters' | 'zoomStep'>,
): SiteClusters | null {
  const grouping = siteGrouping(state);
  return grouping.kind === 'grouped' ? grouping.clusters : null;
}
