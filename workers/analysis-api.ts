/**
 * The analysis worker's API: a plain object of functions that owns the
 * loaded data, its prepared indexes and cached intermediate results. The
 * worker exposes it with Comlink; Node tests call it directly.
 *
 * Data comes in once, compactly (`loadDatasets`): sites as a `SiteTable`
 * whose typed arrays the caller transfers, polygon and service layers as
 * GeoJSON. Calls then send only parameters and get compact results back
 * (typed arrays and small objects, cheap to structured-clone).
 *
 * Cancellation and stale answers: every `run*` call takes an optional
 * `requestId` (one is assigned when omitted) and an optional progress
 * callback (last argument, wrapped in `Comlink.proxy`). Long runs work in chunks of
 * sites and yield to the event loop between chunks; a run stops and answers
 * `{ status: 'cancelled' }` after `cancel(requestId)`, or
 * `{ status: 'superseded' }` once a newer call of the same kind has
 * arrived. The caller keeps only the answer to its latest request id.
 */
import type {
  AdminAreaCollection,
  ControlAreaCollection,
  HazardZoneCollection,
  ServicePointCollection,
} from '../src/domain/types';
import {
  type AccessConstraints,
  type AdminLayer,
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
  type ControlLayer,
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
  type HazardLayer,
  type NearestServices,
  nearestServices,
  prepareAdminLayer,
  prepareControlLayer,
  prepareHazardLayer,
  prepareServiceLayer,
  type ServiceCoverage,
  type ServiceLayer,
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
import { type AnalysisCache, cacheKey, collectionHash, siteTableHash } from './analysis/result-cache';

/** What `loadDatasets` accepts; a missing layer keeps whatever was loaded before. */
export interface DatasetsInput {
  sites?: SiteTable;
  hazards?: HazardZoneCollection;
  control?: ControlAreaCollection;
  services?: ServicePointCollection;
  admin?: AdminAreaCollection;
}

/** Feature counts of the loaded layers, and how long preparing them took. */
export interface LoadSummary {
  sites: number;
  hazards: number;
  control: number;
  services: number;
  admin: number;
  milliseconds: number;
}

/** Progress of a long run: sites done out of the total. */
export interface Progress {
  requestId: number;
  done: number;
  total: number;
}

/** Options every long run accepts. */
export interface RunOptions {
  requestId?: number;
}

/**
 * Called between chunks. A separate, last argument rather than a field of
 * `RunOptions`: Comlink only proxies top-level arguments, so pass
 * `Comlink.proxy(callback)` there.
 */
export type ProgressCallback = (progress: Progress) => unknown;

/** The answer of a long run: a result, or why there is none. */
export type RunResult<T> =
  | {
      status: 'done';
      requestId: number;
      result: T;
      /** True when the answer came from the cache of an earlier run on the same inputs. */
      fromCache: boolean;
      /** Worker time from the start of the run to the answer. */
      milliseconds: number;
    }
  | { status: 'cancelled' | 'superseded'; requestId: number }
  | { status: 'missing-data'; requestId: number; missing: string[] };

/** Sites per chunk: ~10–50 ms of work, so a cancel is honoured quickly. */
const CHUNK_SITES = 8192;

type RunKind = 'exposure' | 'access' | 'coverage' | 'area' | 'admin' | 'flags';

/** Yields to the event loop so queued messages (cancel, newer requests) are handled. */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

class Stopped {
  constructor(readonly status: 'cancelled' | 'superseded') {}
}

type LayerName = 'sites' | 'hazards' | 'control' | 'services' | 'admin';

/** What a run's answer depends on, for the result cache. */
interface CacheSpecification {
  layers: readonly LayerName[];
  parameters?: unknown;
}

export interface AnalysisApiOptions {
  /** Where answers are kept across reloads (IndexedDB in the worker); none by default. */
  cache?: AnalysisCache | undefined;
}

/** Creates an API with its own state (the worker makes one; tests may make several). */
export function createAnalysisApi(apiOptions: AnalysisApiOptions = {}) {
  const cache = apiOptions.cache;
  // Content hashes of the loaded layers, computed once per load (only when a cache is used).
  const layerHashes = new Map<LayerName, Promise<string | null>>();
  let sites: SiteTable | null = null;
  let hazards: HazardLayer | null = null;
  let control: ControlLayer | null = null;
  let services: ServiceLayer | null = null;
  let admin: AdminLayer | null = null;
  // Per-site intermediate results, reused across runs until their inputs change.
  let hazardContainment: Containment | null = null;
  let adminContainment: Containment | null = null;
  let servicesNearest: NearestServices | null = null;
  let controlCache: { maximumMeters: number; distances: ControlDistances } | null = null;
  // Built on the first aggregated view after the sites change.
  let clusterIndex: SiteClusterIndex | null = null;
  let nextRequestId = 1;
  const latest = new Map<RunKind, number>();
  const cancelled = new Set<number>();

  const begin = (kind: RunKind, options: RunOptions | undefined): number => {
    const requestId = options?.requestId ?? nextRequestId++;
    latest.set(kind, requestId);
    return requestId;
  };
  const check = (kind: RunKind, requestId: number): void => {
    if (cancelled.has(requestId)) throw new Stopped('cancelled');
    if (latest.get(kind) !== requestId) throw new Stopped('superseded');
  };

  /** Runs `work` over site chunks, yielding and checking for cancellation between them. */
  async function chunked<T>(
    kind: RunKind,
    requestId: number,
    onProgress: ProgressCallback | undefined,
    table: SiteTable,
    work: (start: number, end: number) => T,
  ): Promise<T[]> {
    const total = siteCount(table);
    const parts: T[] = [];
    for (let start = 0; start < total || parts.length === 0; start += CHUNK_SITES) {
      await pause();
      check(kind, requestId);
      const end = Math.min(total, start + CHUNK_SITES);
      parts.push(work(start, end));
      void onProgress?.({ requestId, done: end, total });
    }
    return parts;
  }

  async function run<T>(
    kind: RunKind,
    options: RunOptions | undefined,
    missing: string[],
    body: (requestId: number) => Promise<T>,
    cached?: CacheSpecification,
  ): Promise<RunResult<T>> {
    const requestId = begin(kind, options);
    const started = performance.now();
    try {
      if (missing.length > 0) return { status: 'missing-data', requestId, missing };
      const key = cached ? await cacheKeyOf(kind, cached) : null;
      const stored = key ? await readCache(key) : undefined;
      if (stored !== undefined) {
        return {
          status: 'done',
          requestId,
          result: stored as T,
          fromCache: true,
          milliseconds: performance.now() - started,
        };
      }
      await pause();
      check(kind, requestId);
      const result = await body(requestId);
      if (key) void writeCache(key, result);
      return {
        status: 'done',
        requestId,
        result,
        fromCache: false,
        milliseconds: performance.now() - started,
      };
    } catch (error) {
      if (error instanceof Stopped) return { status: error.status, requestId };
      throw error;
    } finally {
      cancelled.delete(requestId);
    }
  }

  async function cacheKeyOf(kind: RunKind, specification: CacheSpecification): Promise<string | null> {
    if (!cache) return null;
    const hashes = await Promise.all(specification.layers.map((layer) => layerHashes.get(layer) ?? null));
    if (hashes.some((hash) => !hash)) return null;
    return cacheKey(kind, hashes as string[], specification.parameters ?? null);
  }
  async function readCache(key: string): Promise<unknown> {
    try {
      return await cache?.get(key);
    } catch {
      // An unreadable cache is only a missed shortcut.
      return undefined;
    }
  }
  async function writeCache(key: string, value: unknown): Promise<void> {
    try {
      await cache?.put(key, value);
    } catch {
      // Same: the answer is already on its way.
    }
  }

  const missingOf = (layers: Record<string, unknown>): string[] =>
    Object.entries(layers).flatMap(([name, value]) => (value ? [] : [name]));

  async function ensureHazardContainment(
    kind: RunKind,
    requestId: number,
    onProgress?: ProgressCallback,
  ): Promise<Containment> {
    if (!hazardContainment) {
      const table = sites!;
      const layer = hazards!;
      const parts = await chunked(kind, requestId, onProgress, table, (start, end) =>
        containmentOfPoints(table.coordinates, layer.zones, start, end),
      );
      hazardContainment = concatenateContainment(parts);
    }
    return hazardContainment;
  }

  async function ensureNearestServices(
    kind: RunKind,
    requestId: number,
    onProgress?: ProgressCallback,
  ): Promise<NearestServices> {
    if (!servicesNearest) {
      const table = sites!;
      const layer = services!;
      servicesNearest = concatenateNearestServices(
        await chunked(kind, requestId, onProgress, table, (start, end) =>
          nearestServices(table, layer, start, end),
        ),
      );
    }
    return servicesNearest;
  }

  async function ensureControlDistances(
    kind: RunKind,
    requestId: number,
    maximumMeters: number,
    onProgress?: ProgressCallback,
  ): Promise<ControlDistances> {
    if (!controlCache || controlCache.maximumMeters < maximumMeters) {
      const table = sites!;
      const layer = control!;
      const parts = await chunked(kind, requestId, onProgress, table, (start, end) =>
        controlDistances(table, layer, maximumMeters, start, end),
      );
      controlCache = { maximumMeters, distances: concatenateControlDistances(parts) };
    }
    return controlCache.distances;
  }

  const api = {
    /** Loads (or replaces) layers and builds their indexes; cached results of replaced layers are dropped. */
    loadDatasets(input: DatasetsInput): LoadSummary {
      const started = performance.now();
      if (input.sites) {
        sites = input.sites;
        clusterIndex = null;
        if (cache) layerHashes.set('sites', siteTableHash(input.sites));
        hazardContainment = null;
        adminContainment = null;
        servicesNearest = null;
        controlCache = null;
      }
      if (input.hazards) {
        if (cache) layerHashes.set('hazards', collectionHash(input.hazards));
        hazards = prepareHazardLayer(input.hazards);
        hazardContainment = null;
      }
      if (input.control) {
        if (cache) layerHashes.set('control', collectionHash(input.control));
        control = prepareControlLayer(input.control);
        controlCache = null;
      }
      if (input.services) {
        if (cache) layerHashes.set('services', collectionHash(input.services));
        services = prepareServiceLayer(input.services);
        servicesNearest = null;
      }
      if (input.admin) {
        if (cache) layerHashes.set('admin', collectionHash(input.admin));
        admin = prepareAdminLayer(input.admin);
        adminContainment = null;
      }
      return {
        sites: sites ? siteCount(sites) : 0,
        hazards: hazards?.zones.zoneCount ?? 0,
        control: control?.zones.zoneCount ?? 0,
        services: services?.serviceTypes.length ?? 0,
        admin: admin?.zones.zoneCount ?? 0,
        milliseconds: performance.now() - started,
      };
    },

    /** Sites aggregated for a view (west, south, east, north) at a country-level zoom; null before sites load. */
    siteClusters(bbox: [number, number, number, number], zoom: number): SiteClusters | null {
      if (!sites) return null;
      clusterIndex ??= createSiteClusterIndex(sites);
      return siteClustersInView(clusterIndex, bbox, zoom);
    },

    /** The extent of a cluster's sites (for "click to zoom in"); null when unknown. */
    clusterBounds(clusterId: number): [number, number, number, number] | null {
      return clusterIndex ? clusterBounds(clusterIndex, clusterId) : null;
    },

    /** Stops the run with this request id at its next chunk boundary. */
    cancel(requestId: number): void {
      cancelled.add(requestId);
    },

    /** Hazard zones of each site and exposed population by type × severity. */
    runExposure(options?: RunOptions, onProgress?: ProgressCallback): Promise<RunResult<HazardExposure>> {
      return run(
        'exposure',
        options,
        missingOf({ sites, hazards }),
        async (requestId) =>
          exposureFromContainment(
            await ensureHazardContainment('exposure', requestId, onProgress),
            hazards!,
            sites!,
          ),
        { layers: ['sites', 'hazards'] },
      );
    },

    /** Sites inside or within `distanceMeters` of control areas, by the most severe level. */
    runAccess(
      distanceMeters = DEFAULT_ACCESS_DISTANCE_METRES,
      options?: RunOptions,
      onProgress?: ProgressCallback,
    ): Promise<RunResult<AccessConstraints>> {
      return run(
        'access',
        options,
        missingOf({ sites, control }),
        async (requestId) =>
          accessFromDistances(
            await ensureControlDistances('access', requestId, distanceMeters, onProgress),
            sites!,
            distanceMeters,
          ),
        { layers: ['sites', 'control'], parameters: distanceMeters },
      );
    },

    /** Nearest services, Sphere flags, water point loads and share covered. */
    runCoverage(
      healthDistanceMeters = DEFAULT_HEALTH_DISTANCE_METRES,
      options?: RunOptions,
      onProgress?: ProgressCallback,
    ): Promise<RunResult<ServiceCoverage>> {
      return run(
        'coverage',
        options,
        missingOf({ sites, services }),
        async (requestId) =>
          coverageFromNearest(
            await ensureNearestServices('coverage', requestId, onProgress),
            sites!,
            services!,
            healthDistanceMeters,
          ),
        { layers: ['sites', 'services'], parameters: healthDistanceMeters },
      );
    },

    /** Area per person against Sphere's 45 m² (fast: no chunking needed). */
    runSpacePerPerson(): SpacePerPerson | null {
      return sites ? spacePerPerson(sites) : null;
    },

    /** Sites in a polygon or circle, totals, and (when hazards are loaded) their exposure. */
    runAreaOfInterest(
      shape: AreaShape,
      options?: RunOptions,
      onProgress?: ProgressCallback,
    ): Promise<RunResult<AreaOfInterest>> {
      return run('area', options, missingOf({ sites }), async (requestId) => {
        const worst = hazards
          ? exposureFromContainment(
              await ensureHazardContainment('area', requestId, onProgress),
              hazards,
              sites!,
            ).worstSeverity
          : undefined;
        return areaOfInterest(sites!, shape, worst);
      });
    },

    /** Sites, households and individuals per commune and department. */
    runByAdmin(options?: RunOptions, onProgress?: ProgressCallback): Promise<RunResult<AdminTotals>> {
      return run(
        'admin',
        options,
        missingOf({ sites, admin }),
        async (requestId) => {
          if (!adminContainment) {
            const table = sites!;
            const layer = admin!;
            const parts = await chunked('admin', requestId, onProgress, table, (start, end) =>
              containmentOfPoints(table.coordinates, layer.zones, start, end),
            );
            adminContainment = concatenateContainment(parts);
          }
          return adminTotalsFromContainment(adminContainment, sites!, admin!);
        },
        { layers: ['sites', 'admin'] },
      );
    },

    /** Everything known about one location, with a verdict (fast: a handful of index queries). */
    checkCandidate(longitude: number, latitude: number, options?: CandidateOptions): CandidateCheck {
      return checkCandidateLocation(
        longitude,
        latitude,
        {
          hazards: hazards ?? undefined,
          control: control ?? undefined,
          services: services ?? undefined,
          admin: admin ?? undefined,
        },
        options,
      );
    },

    /** The per-site flags table from every analysis whose layers are loaded. */
    runSiteFlags(
      parameters: { accessDistanceMeters?: number; healthDistanceMeters?: number } = {},
      options?: RunOptions,
      onProgress?: ProgressCallback,
    ): Promise<RunResult<SiteFlags>> {
      return run(
        'flags',
        options,
        missingOf({ sites }),
        async (requestId) => {
          const table = sites!;
          const accessMeters = parameters.accessDistanceMeters ?? DEFAULT_ACCESS_DISTANCE_METRES;
          const exposure = hazards
            ? exposureFromContainment(
                await ensureHazardContainment('flags', requestId, onProgress),
                hazards,
                table,
              )
            : undefined;
          const access = control
            ? accessFromDistances(
                await ensureControlDistances('flags', requestId, accessMeters, onProgress),
                table,
                accessMeters,
              )
            : undefined;
          const coverage = services
            ? coverageFromNearest(
                await ensureNearestServices('flags', requestId, onProgress),
                table,
                services,
                parameters.healthDistanceMeters,
              )
            : undefined;
          return siteFlags(siteCount(table), { exposure, access, coverage, space: spacePerPerson(table) });
        },
        {
          layers: (['sites', 'hazards', 'control', 'services'] as const).filter((layer) =>
            layerHashes.has(layer),
          ),
          parameters: {
            accessDistanceMeters: parameters.accessDistanceMeters ?? DEFAULT_ACCESS_DISTANCE_METRES,
            healthDistanceMeters: parameters.healthDistanceMeters ?? DEFAULT_HEALTH_DISTANCE_METRES,
          },
        },
      );
    },
  };
  return api;
}

/** The API's type, for `Comlink.wrap<AnalysisApi>(worker)` on the main thread. */
export type AnalysisApi = ReturnType<typeof createAnalysisApi>;
