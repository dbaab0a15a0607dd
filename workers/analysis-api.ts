/**
 * The analysis worker's API: a plain object of functions over a session of
 * loaded data (workers/session/). The worker exposes it with Comlink; Node
 * tests call it directly.
 *
 * Data comes in once, compactly (`loadDatasets`): sites as a `SiteTable`
 * whose typed arrays the caller transfers, polygon and service layers as
 * GeoJSON, into the `filtered` view (default) or the `source` view (flag
 * filters), possibly as "the same layer as the other view". Calls then send
 * only parameters and get compact results back.
 *
 * Cancellation and stale answers: every `run*` call takes an optional
 * `requestId` (one is assigned when omitted) and an optional progress
 * callback (last argument, wrapped in `Comlink.proxy`). Long runs work in
 * chunks of sites and yield between them; a run stops with
 * `{ status: 'cancelled' }` after `cancel(requestId)`, or
 * `{ status: 'superseded' }` once a newer call of the same kind on the same
 * view has arrived or new data was loaded into its view.
 */

import { decodedSiteTable } from '../src/analysis/engine-site-table';
import { type FlowColumns, type FlowSelection, summariseMovements } from './analysis/flow-aggregation';
import {
  type AccessConstraints,
  type AdminTotals,
  type AreaOfInterest,
  type AreaShape,
  accessFromDistances,
  adminTotalsFromContainment,
  areaOfInterest,
  type CandidateCheck,
  type CandidateOptions,
  type Containment,
  type ControlDistances,
  checkCandidate as checkCandidateLocation,
  clusterBounds,
  concatenateContainment,
  concatenateControlDistances,
  concatenateNearestServices,
  containmentOfPoints,
  controlDistances,
  coverageFromNearest,
  createSiteClusterIndex,
  DEFAULT_ACCESS_DISTANCE_METRES,
  DEFAULT_HEALTH_DISTANCE_METRES,
  exposureFromContainment,
  type HazardExposure,
  type NearestServices,
  nearestServices,
  type PreparedZones,
  type ServiceCoverage,
  type SiteClusterIndex,
  type SiteClusters,
  type SiteFlags,
  type SiteTable,
  type SpacePerPerson,
  siteClustersInView,
  siteCount,
  siteFlags,
  spacePerPerson,
} from './analysis/index';
import type { AnalysisCache } from './analysis/result-cache';
import { compareRounds, type RoundColumns } from './analysis/round-comparison';
import { createCacheAccess } from './session/cache-access';
import {
  createDatasetsSession,
  type DatasetsInput,
  type DatasetsView,
  type Snapshot,
} from './session/datasets-session';
import {
  createRunScheduler,
  type ProgressCallback,
  type RunContext,
  type RunOptions,
  type RunResult,
} from './session/run-scheduler';
import { type ChunkStep, createIntermediates, type Waiter } from './session/shared-intermediates';
import { warmUp } from './session/warm-up';

export type { DatasetsInput, DatasetsView } from './session/datasets-session';
export type { Progress, ProgressCallback, RunOptions, RunResult } from './session/run-scheduler';

/** Feature counts of a view's layers, and how long preparing them took. */
export interface LoadSummary {
  sites: number;
  hazards: number;
  control: number;
  services: number;
  admin: number;
  milliseconds: number;
}

export interface AnalysisApiOptions {
  /** Where answers are kept across reloads (IndexedDB in the worker); none by default. */
  cache?: AnalysisCache | undefined;
  /**
   * Runs a few sites through the spatial paths after each load, so the first real run is not cold:
   * false for none, a number for that many sites (default `WARM_UP_SITES`).
   */
  warmUp?: boolean | number;
}

/** Sites per chunk: ~10–50 ms of work, so a cancel is honoured quickly. */
const CHUNK_SITES = 8192;

/** Runs `work` over consecutive site ranges, one chunk per event-loop task. */
async function chunked<T>(
  step: ChunkStep,
  table: SiteTable,
  work: (start: number, end: number) => T,
): Promise<T[]> {
  const total = siteCount(table);
  const parts: T[] = [];
  for (let start = 0; start < total || parts.length === 0; start += CHUNK_SITES) {
    await step.next();
    const end = Math.min(total, start + CHUNK_SITES);
    parts.push(work(start, end));
    step.progress(end, total);
  }
  return parts;
}

/** Creates an API with its own state (the worker makes one; tests may make several). */
export function createAnalysisApi(apiOptions: AnalysisApiOptions = {}) {
  const session = createDatasetsSession();
  const cache = createCacheAccess(apiOptions.cache, session);
  const scheduler = createRunScheduler(session, cache);
  const intermediates = createIntermediates();
  // Built on the first aggregated view of a site table.
  const clusterIndexes = new WeakMap<SiteTable, SiteClusterIndex>();
  let lastClusterIndex: SiteClusterIndex | null = null;

  const required = <T>(layer: { prepared: T } | null): T => {
    if (!layer) throw new Error('a run read a layer it did not require');
    return layer.prepared;
  };

  const containmentIn = (snapshot: Snapshot, zones: PreparedZones, waiter: Waiter): Promise<Containment> => {
    const table = required(snapshot.sites);
    return intermediates.obtain([table, zones], 'containment', waiter, async (step) =>
      concatenateContainment(
        await chunked(step, table, (start, end) => containmentOfPoints(table.coordinates, zones, start, end)),
      ),
    );
  };

  const nearestServicesOf = ({ snapshot, waiter }: RunContext): Promise<NearestServices> => {
    const table = required(snapshot.sites);
    const services = required(snapshot.services);
    return intermediates.obtain([table, services], 'nearest', waiter, async (step) =>
      concatenateNearestServices(
        await chunked(step, table, (start, end) => nearestServices(table, services, start, end)),
      ),
    );
  };

  /** Distances up to `maximumMeters`; any known ones computed with a larger maximum serve as well. */
  const controlDistancesOf = (
    { snapshot, waiter }: RunContext,
    maximumMeters: number,
  ): Promise<ControlDistances> => {
    const table = required(snapshot.sites);
    const control = required(snapshot.control);
    const known = intermediates.find<ControlDistances>(
      [table, control],
      (parameter) => Number(parameter) >= maximumMeters,
    );
    if (known) return Promise.resolve(known);
    return intermediates.obtain([table, control], String(maximumMeters), waiter, async (step) =>
      concatenateControlDistances(
        await chunked(step, table, (start, end) =>
          controlDistances(table, control, maximumMeters, start, end),
        ),
      ),
    );
  };

  /** The per-site flags table from the shared intermediates of every loaded layer. */
  const flagsOf = async (context: RunContext, parameters: FlagParameters): Promise<SiteFlags> => {
    const accessMeters = parameters.accessDistanceMeters ?? DEFAULT_ACCESS_DISTANCE_METRES;
    const healthMeters = parameters.healthDistanceMeters ?? DEFAULT_HEALTH_DISTANCE_METRES;
    const { snapshot } = context;
    const table = required(snapshot.sites);
    const exposure = snapshot.hazards ? await exposureOf(context) : undefined;
    const access = snapshot.control
      ? accessFromDistances(await controlDistancesOf(context, accessMeters), table, accessMeters)
      : undefined;
    const coverage = snapshot.services
      ? coverageFromNearest(await nearestServicesOf(context), table, snapshot.services.prepared, healthMeters)
      : undefined;
    return siteFlags(siteCount(table), { exposure, access, coverage, space: spacePerPerson(table) });
  };

  const exposureOf = async (context: RunContext): Promise<HazardExposure> => {
    const hazards = required(context.snapshot.hazards);
    const table = required(context.snapshot.sites);
    return exposureFromContainment(
      await containmentIn(context.snapshot, hazards.zones, context.waiter),
      hazards,
      table,
    );
  };

  const filteredSites = (): SiteTable | null => session.snapshot('filtered').sites?.prepared ?? null;

  const api = {
    /** Loads (or replaces) layers of a view and prepares them; runs in flight on that view become stale. */
    loadDatasets(input: DatasetsInput, view: DatasetsView = 'filtered'): LoadSummary {
      const started = performance.now();
      // Sites from the page's columns arrive with their texts still encoded.
      const sites = input.sites && decodedSiteTable(input.sites);
      const { snapshot, changed } = session.load(sites ? { ...input, sites } : input, view);
      if (changed.length > 0 && apiOptions.warmUp !== false) {
        warmUp(snapshot, typeof apiOptions.warmUp === 'number' ? apiOptions.warmUp : undefined);
      }
      return {
        sites: snapshot.sites ? siteCount(snapshot.sites.prepared) : 0,
        hazards: snapshot.hazards?.prepared.zones.zoneCount ?? 0,
        control: snapshot.control?.prepared.zones.zoneCount ?? 0,
        services: snapshot.services?.prepared.serviceTypes.length ?? 0,
        admin: snapshot.admin?.prepared.zones.zoneCount ?? 0,
        milliseconds: performance.now() - started,
      };
    },

    /** Answers at once: the main thread's liveness check while a run is in flight. */
    ping(): 'pong' {
      return 'pong';
    },

    /** Resolves once every cache write issued so far has finished. */
    settled(): Promise<void> {
      return cache.settled();
    },

    /** Sites aggregated for a view (west, south, east, north) at a country-level zoom; null before sites load. */
    siteClusters(bbox: [number, number, number, number], zoom: number): SiteClusters | null {
      const table = filteredSites();
      if (!table) return null;
      let index = clusterIndexes.get(table);
      if (!index) {
        index = createSiteClusterIndex(table);
        clusterIndexes.set(table, index);
      }
      lastClusterIndex = index;
      return siteClustersInView(index, bbox, zoom);
    },

    /** The extent of a cluster's sites (for "click to zoom in"); null when unknown. */
    clusterBounds(clusterId: number): [number, number, number, number] | null {
      return lastClusterIndex ? clusterBounds(lastClusterIndex, clusterId) : null;
    },

    /** Stops the run with this request id at its next chunk boundary. */
    cancel(requestId: number): void {
      scheduler.cancel(requestId);
    },

    /** Hazard zones of each site and exposed population by type × severity. */
    runExposure(options?: RunOptions, onProgress?: ProgressCallback): Promise<RunResult<HazardExposure>> {
      return scheduler.run(
        {
          kind: 'exposure',
          requires: ['sites', 'hazards'],
          body: exposureOf,
          cache: () => ({ layers: ['sites', 'hazards'] }),
        },
        options,
        onProgress,
      );
    },

    /** Sites inside or within `distanceMeters` of control areas, by the most severe level. */
    runAccess(
      distanceMeters = DEFAULT_ACCESS_DISTANCE_METRES,
      options?: RunOptions,
      onProgress?: ProgressCallback,
    ): Promise<RunResult<AccessConstraints>> {
      return scheduler.run(
        {
          kind: 'access',
          requires: ['sites', 'control'],
          body: async (context) =>
            accessFromDistances(
              await controlDistancesOf(context, distanceMeters),
              required(context.snapshot.sites),
              distanceMeters,
            ),
          cache: () => ({ layers: ['sites', 'control'], parameters: distanceMeters }),
        },
        options,
        onProgress,
      );
    },

    /** Nearest services, Sphere flags, water point loads and share covered. */
    runCoverage(
      healthDistanceMeters = DEFAULT_HEALTH_DISTANCE_METRES,
      options?: RunOptions,
      onProgress?: ProgressCallback,
    ): Promise<RunResult<ServiceCoverage>> {
      return scheduler.run(
        {
          kind: 'coverage',
          requires: ['sites', 'services'],
          body: async (context) =>
            coverageFromNearest(
              await nearestServicesOf(context),
              required(context.snapshot.sites),
              required(context.snapshot.services),
              healthDistanceMeters,
            ),
          cache: () => ({ layers: ['sites', 'services'], parameters: healthDistanceMeters }),
        },
        options,
        onProgress,
      );
    },

    /** Area per person against Sphere's 45 m² (fast: no chunking needed). */
    runSpacePerPerson(): SpacePerPerson | null {
      const table = filteredSites();
      return table ? spacePerPerson(table) : null;
    },

    /**
     * Sites in a polygon or circle, their totals, their exposure (when hazards are
     * loaded) and their totals under every flag (water, health, access, overcrowding…).
     */
    runAreaOfInterest(
      shape: AreaShape,
      parameters: FlagParameters = {},
      options?: RunOptions,
      onProgress?: ProgressCallback,
    ): Promise<RunResult<AreaOfInterest>> {
      return scheduler.run(
        {
          kind: 'area',
          requires: ['sites'],
          body: async (context) => {
            const worst = context.snapshot.hazards ? (await exposureOf(context)).worstSeverity : undefined;
            const flags = await flagsOf(context, parameters);
            return areaOfInterest(required(context.snapshot.sites), shape, worst, flags);
          },
        },
        options,
        onProgress,
      );
    },

    /** Sites, households and individuals per commune and department. */
    runByAdmin(options?: RunOptions, onProgress?: ProgressCallback): Promise<RunResult<AdminTotals>> {
      return scheduler.run(
        {
          kind: 'admin',
          requires: ['sites', 'admin'],
          body: async ({ snapshot, waiter }) => {
            const admin = required(snapshot.admin);
            const containment = await containmentIn(snapshot, admin.zones, waiter);
            return adminTotalsFromContainment(containment, required(snapshot.sites), admin);
          },
          cache: () => ({ layers: ['sites', 'admin'] }),
        },
        options,
        onProgress,
      );
    },

    /** Everything known about one location, with a verdict (fast: a handful of index queries). */
    checkCandidate(longitude: number, latitude: number, options?: CandidateOptions): CandidateCheck {
      const snapshot = session.snapshot('filtered');
      return checkCandidateLocation(
        longitude,
        latitude,
        {
          hazards: snapshot.hazards?.prepared,
          control: snapshot.control?.prepared,
          services: snapshot.services?.prepared,
          admin: snapshot.admin?.prepared,
        },
        options,
      );
    },

    /** Two rounds of a site list compared (issue 17); both come with the call, nothing is kept. */
    compareRounds: (before: RoundColumns, after: RoundColumns) => compareRounds(before, after),
    /** Movements of a period and categories (issue 17): per-commune arrivals, departures, host pressure, top pairs. */
    summariseMovements(flows: FlowColumns, selection: FlowSelection, displacedInSites: Float64Array) {
      return summariseMovements(flows, selection, displacedInSites);
    },

    /** The per-site flags table from every analysis whose layers are loaded. */
    runSiteFlags(
      parameters: FlagParameters = {},
      options?: RunOptions,
      onProgress?: ProgressCallback,
    ): Promise<RunResult<SiteFlags>> {
      const accessMeters = parameters.accessDistanceMeters ?? DEFAULT_ACCESS_DISTANCE_METRES;
      const healthMeters = parameters.healthDistanceMeters ?? DEFAULT_HEALTH_DISTANCE_METRES;
      return scheduler.run(
        {
          kind: 'flags',
          requires: ['sites'],
          body: (context) => flagsOf(context, parameters),
          cache: (snapshot) => ({
            layers: (['sites', 'hazards', 'control', 'services'] as const).filter((layer) => snapshot[layer]),
            parameters: { accessDistanceMeters: accessMeters, healthDistanceMeters: healthMeters },
          }),
        },
        options,
        onProgress,
      );
    },
  };
  return api;
}

/** Distances the flags are raised at (the analysis parameters; defaults when absent). */
export interface FlagParameters {
  accessDistanceMeters?: number;
  healthDistanceMeters?: number;
}

/** The API's type, for `Comlink.wrap<AnalysisApi>(worker)` on the main thread. */
export type AnalysisApi = ReturnType<typeof createAnalysisApi>;
