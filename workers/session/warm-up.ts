/**
 * A tiny run of the spatial paths right after data loads. A fresh worker's
 * first point-in-zone or nearest-service query runs in the interpreter and
 * costs several times a warm one (JIT); running a few hundred sites through
 * each path while the user is still looking at the map makes the first real
 * analysis run at warm speed. Answers are discarded; it runs one task later,
 * so the load's own answer is not delayed.
 */
import {
  containmentOfPoints,
  controlDistances,
  DEFAULT_ACCESS_DISTANCE_METRES,
  nearestServices,
  siteCount,
} from '../analysis/index';
import type { Snapshot } from './datasets-session';
import { nextTask } from './next-task';

/** Sites run through each path: enough loop iterations for the optimising compiler to kick in. */
export const WARM_UP_SITES = 512;

/** Runs the first sites of `snapshot` through every spatial path it has layers for. */
export function warmUpNow(snapshot: Snapshot, sites = WARM_UP_SITES): void {
  const table = snapshot.sites?.prepared;
  if (!table) return;
  const end = Math.min(sites, siteCount(table));
  if (snapshot.hazards) containmentOfPoints(table.coordinates, snapshot.hazards.prepared.zones, 0, end);
  if (snapshot.admin) containmentOfPoints(table.coordinates, snapshot.admin.prepared.zones, 0, end);
  if (snapshot.services) nearestServices(table, snapshot.services.prepared, 0, end);
  if (snapshot.control)
    controlDistances(table, snapshot.control.prepared, DEFAULT_ACCESS_DISTANCE_METRES, 0, end);
}

/** Warms up one task later; a failure there is never the load's problem. */
export function warmUp(snapshot: Snapshot, sites = WARM_UP_SITES): void {
  void nextTask().then(() => {
    try {
      warmUpNow(snapshot, sites);
    } catch {
      // The real run will meet the same input and report it.
    }
  });
}
