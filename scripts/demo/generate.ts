/**
 * The whole demo dataset from one seed, in memory: pure and deterministic
 * (same seed, same output, byte for byte), so the committed files in data/
 * can be checked against it in a test.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type {
  AdminAreaCollection,
  ControlAreaCollection,
  DatasetMetadata,
  HazardZoneCollection,
  ServicePointCollection,
  SiteCollection,
} from '../../src/domain/types';
import { buildAdminAreas } from './admin-areas';
import { type BasemapCountryProperties, buildBasemapCountries } from './basemap';
import { buildControlAreas, CONTROL_SOURCE } from './control-areas';
import { buildHazardZones, HAZARD_SOURCE } from './hazard-zones';
import { createRandom } from './random';
import { buildServicePoints } from './service-points';
import { addShelterFigures } from './site-shelter';
import { buildSites } from './sites';

export const DEMO_SEED = 20261122;
export const AS_OF = '2026-11-15';
export const GENERATED_BY = 'scripts/generate-demo-data.ts';

export type BasemapCollection = FeatureCollection<Polygon | MultiPolygon, BasemapCountryProperties> & {
  metadata: DatasetMetadata;
};

export interface DemoData {
  basemap: BasemapCollection;
  admin: AdminAreaCollection & { metadata: DatasetMetadata };
  sites: SiteCollection & { metadata: DatasetMetadata };
  hazards: HazardZoneCollection & { metadata: DatasetMetadata };
  control: ControlAreaCollection & { metadata: DatasetMetadata };
  services: ServicePointCollection & { metadata: DatasetMetadata };
}

/** Output file name (in data/) of every collection. */
export const FILE_NAMES: Record<keyof DemoData, string> = {
  basemap: 'basemap-countries.geojson',
  admin: 'admin-areas.geojson',
  sites: 'sites.geojson',
  hazards: 'hazard-zones.geojson',
  control: 'control-areas.geojson',
  services: 'service-points.geojson',
};

const SYNTHETIC_SOURCE = 'Synthetic demo (Katsit generator) — fictional, not DTM data';

/**
 * The admin areas draw nothing at random and are the generator's slowest part (clipping Voronoi
 * cells to the coastline): built once per process, so a second seed (the determinism test) is cheap.
 */
let adminAreas: ReturnType<typeof buildAdminAreas> | undefined;

export function generateDemoData(seed: number): DemoData {
  // One generator per layer, each seeded from the main seed: a change in one
  // layer's drawing does not reshuffle every other layer.
  const layerRandom = (offset: number) => createRandom((seed + offset * 0x9e3779b9) >>> 0);
  const synthetic = (description: string, source = SYNTHETIC_SOURCE): DatasetMetadata => ({
    synthetic: true,
    description,
    seed,
    generatedBy: GENERATED_BY,
    asOf: AS_OF,
    source,
  });

  adminAreas ??= buildAdminAreas();
  const adminFeatures = adminAreas;
  const communes = adminFeatures.filter((area) => area.properties.level === 2);
  const sites = buildSites(layerRandom(1), communes);
  addShelterFigures(
    layerRandom(5),
    sites.map((site) => site.feature),
  );

  return {
    basemap: collection(buildBasemapCountries(), {
      synthetic: false,
      description:
        'Country outlines around Haiti from Natural Earth 1:10m Admin 0 (public domain), clipped to [-76.5, 16.5, -67.5, 21.5]. Real data.',
      generatedBy: GENERATED_BY,
      asOf: AS_OF,
      source:
        'Natural Earth 1:10m Cultural Vectors, Admin 0 – Countries (public domain), via world-atlas 2.0.2',
    }),
    admin: collection(
      adminFeatures,
      synthetic(
        'APPROXIMATE departments and communes of Haiti: Voronoi cells of commune seats clipped to the Natural Earth coastline. Not the official COD-AB boundaries.',
        'Synthetic demo (Katsit generator) — commune seats from general knowledge, coastline from Natural Earth',
      ),
    ),
    sites: collection(
      sites.map((site) => site.feature),
      synthetic(
        'FICTIONAL displacement sites in the style of a DTM site assessment list (not real sites or figures).',
      ),
    ),
    hazards: collection(
      buildHazardZones(layerRandom(2)),
      synthetic(
        'FICTIONAL hazard zones (flood, landslide, storm surge, earthquake shaking) in exclusive high/medium/low bands.',
        HAZARD_SOURCE,
      ),
    ),
    control: collection(
      buildControlAreas(layerRandom(3)),
      synthetic(
        'FICTIONAL gang-control areas for the demo only. SENSITIVE layer type: label every view and export.',
        CONTROL_SOURCE,
      ),
    ),
    services: collection(
      buildServicePoints(layerRandom(4), sites, communes),
      synthetic('FICTIONAL water points, health facilities and distribution points.'),
    ),
  };
}

function collection<F extends Feature>(
  features: F[],
  metadata: DatasetMetadata,
): { type: 'FeatureCollection'; metadata: DatasetMetadata; features: F[] } {
  return { type: 'FeatureCollection', metadata, features };
}
