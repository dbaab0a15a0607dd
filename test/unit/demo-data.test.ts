/**
 * The synthetic demo data: deterministic, valid GeoJSON, plausible values,
 * and the committed files in data/ equal to what the generator makes now.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon, distance } from '@turf/turf';
import type { Position } from 'geojson';
import { valid } from 'geojson-validation';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMUNE_SEATS, METRO_SITE_COMMUNES } from '../../scripts/demo/commune-seats';
import { DEMO_SEED, type DemoData, FILE_NAMES, generateDemoData } from '../../scripts/demo/generate';
import { vertexCount } from '../../scripts/demo/polygon-operations';
import {
  CONTROL_LEVELS,
  HAZARD_TYPES,
  NEED_SECTORS,
  SERVICE_TYPES,
  SEVERITIES,
  SITE_TYPES,
  WATER_POINT_TYPES,
} from '../../src/domain/types';

const DATA_DIRECTORY = join(import.meta.dirname, '..', '..', 'data');
const KEYS = Object.keys(FILE_NAMES) as (keyof DemoData)[];
const SYNTHETIC_KEYS = KEYS.filter((key) => key !== 'basemap');
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const GENERATION_TIMEOUT = 60_000;

/**
 * One generator run for the whole file (each run takes seconds). Same-seed determinism is
 * checked against the committed files below, which an earlier process generated: a stronger
 * check than two runs in one process, and free.
 */
let data: DemoData;

beforeAll(() => {
  data = generateDemoData(DEMO_SEED);
}, GENERATION_TIMEOUT);

/** Every position of a Point, Polygon or MultiPolygon. */
function positions(geometry: DemoData[keyof DemoData]['features'][number]['geometry']): Position[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  return geometry.coordinates.flat(2);
}

describe('demo data generator', () => {
  it(
    'gives different sites and services for another seed',
    () => {
      const other = generateDemoData(DEMO_SEED + 1);
      expect(other.sites).not.toEqual(data.sites);
      expect(other.services).not.toEqual(data.services);
    },
    GENERATION_TIMEOUT,
  );

  it('produces valid GeoJSON with dataset metadata', () => {
    for (const key of KEYS) {
      const collection = data[key];
      expect(valid(collection), `${key}: ${valid(collection, true).join('; ')}`).toBe(true);
      expect(collection.features.length, key).toBeGreaterThan(0);
      expect(collection.metadata.asOf).toBe('2026-11-15');
      expect(collection.metadata.generatedBy).toBe('scripts/generate-demo-data.ts');
      expect(collection.metadata.description.length).toBeGreaterThan(20);
      expect(collection.metadata.source.length).toBeGreaterThan(5);
    }
    for (const key of SYNTHETIC_KEYS) {
      expect(data[key].metadata.synthetic, key).toBe(true);
      expect(data[key].metadata.seed, key).toBe(DEMO_SEED);
    }
    expect(data.basemap.metadata.synthetic).toBe(false);
  });

  it('keeps every synthetic coordinate inside Haiti, rounded to 5 decimals', () => {
    for (const key of SYNTHETIC_KEYS) {
      for (const feature of data[key].features) {
        for (const [longitude = Number.NaN, latitude = Number.NaN] of positions(feature.geometry)) {
          expect(longitude, key).toBeGreaterThanOrEqual(-74.5);
          expect(longitude, key).toBeLessThanOrEqual(-71.6);
          expect(latitude, key).toBeGreaterThanOrEqual(18.0);
          expect(latitude, key).toBeLessThanOrEqual(20.1);
          expect(Math.round(longitude * 1e5) / 1e5).toBe(longitude);
          expect(Math.round(latitude * 1e5) / 1e5).toBe(latitude);
        }
      }
    }
  });

  it('includes Haiti and its neighbours in the basemap', () => {
    const isoCodes = data.basemap.features.map((feature) => feature.properties.iso);
    expect(isoCodes).toContain('332');
    expect(isoCodes).toContain('214');
    expect(data.basemap.features.map((feature) => feature.properties.name)).toContain('Cuba');
  });

  it('has ten departments and at least three communes in each, with the metro P-codes exact', () => {
    const departments = data.admin.features.filter((feature) => feature.properties.level === 1);
    const communes = data.admin.features.filter((feature) => feature.properties.level === 2);
    expect(departments).toHaveLength(10);
    expect(communes.length).toBeGreaterThanOrEqual(50);
    for (const department of departments) {
      const members = communes.filter(
        (commune) => commune.properties.parentPcode === department.properties.pcode,
      );
      expect(members.length, department.properties.name).toBeGreaterThanOrEqual(3);
      expect(members.every((commune) => commune.properties.parentName === department.properties.name)).toBe(
        true,
      );
    }
    expect(data.admin.features.every((feature) => feature.properties.approximate)).toBe(true);
    const names = new Map(communes.map((commune) => [commune.properties.pcode, commune.properties.name]));
    expect(names.get('HT0111')).toBe('Port-au-Prince');
    expect(names.get('HT0112')).toBe('Delmas');
    expect(names.get('HT0113')).toBe('Carrefour');
    expect(names.get('HT0114')).toBe('Pétion-Ville');
    expect(names.get('HT0115')).toBe('Kenscoff');
    expect(names.get('HT0116')).toBe('Gressier');
    expect(names.get('HT0117')).toBe('Cité Soleil');
    expect(names.get('HT0118')).toBe('Tabarre');
    expect(names.get('HT0131')).toBe('Croix-des-Bouquets');
    expect(new Set(COMMUNE_SEATS.map((seat) => seat.pcode)).size).toBe(COMMUNE_SEATS.length);
  });

  it('gives sites plausible DTM values', () => {
    const ids = new Set<string>();
    for (const { properties: site } of data.sites.features) {
      expect(site.id).toMatch(/^HTI-SITE-\d{4}$/);
      ids.add(site.id);
      expect(SITE_TYPES).toContain(site.siteType);
      expect(site.households).toBeGreaterThan(0);
      expect(site.individuals).toBeGreaterThanOrEqual(site.households);
      expect(site.households).toBeGreaterThanOrEqual(5);
      expect(site.households).toBeLessThanOrEqual(3000);
      const spacePerPerson = site.areaSquareMetres / site.individuals;
      expect(spacePerPerson).toBeGreaterThanOrEqual(7.9);
      expect(spacePerPerson).toBeLessThanOrEqual(80.1);
      for (const sector of NEED_SECTORS) {
        const key = `need${sector[0]?.toUpperCase()}${sector.slice(1)}` as 'needShelter';
        expect(Number.isInteger(site[key])).toBe(true);
        expect(site[key]).toBeGreaterThanOrEqual(1);
        expect(site[key]).toBeLessThanOrEqual(5);
      }
      expect(site.lastAssessment).toMatch(ISO_DATE);
      expect(site.lastAssessment >= '2026-08-01' && site.lastAssessment <= '2026-11-15').toBe(true);
      expect(site.admin2Pcode.startsWith(site.admin1Pcode)).toBe(true);
      expect(site.managementAgency.length).toBeGreaterThan(0);
    }
    expect(ids.size).toBe(data.sites.features.length);
    expect(data.sites.features.length).toBeGreaterThanOrEqual(350);
  });

  it('puts every site inside the commune it names', () => {
    const communes = new Map(
      data.admin.features
        .filter((feature) => feature.properties.level === 2)
        .map((commune) => [commune.properties.pcode, commune]),
    );
    for (const site of data.sites.features) {
      const commune = communes.get(site.properties.admin2Pcode);
      expect(commune?.properties.name, site.properties.id).toBe(site.properties.admin2Name);
      expect(commune && booleanPointInPolygon(site.geometry, commune), site.properties.id).toBe(true);
    }
  });

  it('puts about three quarters of the sites in the Port-au-Prince metro', () => {
    const inMetro = data.sites.features.filter((site) =>
      METRO_SITE_COMMUNES.includes(site.properties.admin2Pcode),
    );
    const share = inMetro.length / data.sites.features.length;
    expect(share).toBeGreaterThanOrEqual(0.7);
    expect(share).toBeLessThanOrEqual(0.8);
  });

  it('leaves 15–25 % of sites with no water point within 500 m', () => {
    const water = data.services.features.filter((point) => point.properties.serviceType === 'water');
    const dry = data.sites.features.filter((site) =>
      water.every((point) => distance(site.geometry, point.geometry, { units: 'kilometers' }) > 0.5),
    );
    const share = dry.length / data.sites.features.length;
    expect(share).toBeGreaterThanOrEqual(0.15);
    expect(share).toBeLessThanOrEqual(0.25);
  });

  it('gives service points valid types and plausible water capacities', () => {
    const capacityRange = { tap: [5000, 20000], hand_pump: [3000, 8000], well: [2000, 6000] } as const;
    const ids = new Set<string>();
    for (const { properties: point } of data.services.features) {
      expect(point.id).toMatch(/^HTI-SVC-\d{4}$/);
      ids.add(point.id);
      expect(SERVICE_TYPES).toContain(point.serviceType);
      expect(point.operator.length).toBeGreaterThan(0);
      if (point.serviceType !== 'water') {
        expect(point.waterPointType).toBeUndefined();
        expect(point.capacityLitresPerDay).toBeUndefined();
        continue;
      }
      expect(WATER_POINT_TYPES).toContain(point.waterPointType);
      const [minimum, maximum] = capacityRange[point.waterPointType ?? 'tap'];
      expect(point.capacityLitresPerDay).toBeGreaterThanOrEqual(minimum);
      expect(point.capacityLitresPerDay).toBeLessThanOrEqual(maximum);
    }
    expect(ids.size).toBe(data.services.features.length);
    const count = (type: string) =>
      data.services.features.filter((point) => point.properties.serviceType === type).length;
    expect(count('water')).toBeGreaterThanOrEqual(120);
    expect(count('health')).toBeGreaterThanOrEqual(30);
    expect(count('distribution')).toBeGreaterThanOrEqual(20);
  });

  it('gives hazard zones valid types and exposes a good share of metro sites', () => {
    for (const { properties: zone } of data.hazards.features) {
      expect(HAZARD_TYPES).toContain(zone.hazardType);
      expect(SEVERITIES).toContain(zone.severity);
      expect(zone.source).toBe('Synthetic demo (Katsit generator) — not an official hazard map');
    }
    for (const type of HAZARD_TYPES) {
      expect(
        data.hazards.features.some((zone) => zone.properties.hazardType === type),
        type,
      ).toBe(true);
    }
    const metroSites = data.sites.features.filter((site) =>
      METRO_SITE_COMMUNES.includes(site.properties.admin2Pcode),
    );
    const exposing = data.hazards.features.filter(
      (zone) =>
        metroSites.filter((site) => booleanPointInPolygon(site.geometry, zone)).length >=
        0.05 * metroSites.length,
    );
    expect(exposing.length).toBeGreaterThanOrEqual(4);
  });

  it('makes control areas fictional, sensitive, dated Oct–Nov 2026 and irregular', () => {
    expect(data.control.features.length).toBeGreaterThanOrEqual(8);
    expect(data.control.features.length).toBeLessThanOrEqual(14);
    for (const { properties: area, geometry } of data.control.features) {
      expect(CONTROL_LEVELS).toContain(area.controlLevel);
      expect(area.name).toMatch(/^Zone fictive [A-Z] — démo$/);
      expect(area.source).toBe('Fictional demo data — not real');
      expect(area.sensitivity).toBe('sensitive');
      expect(area.lastUpdate).toMatch(ISO_DATE);
      expect(area.lastUpdate >= '2026-10-01' && area.lastUpdate <= '2026-11-30').toBe(true);
      expect(vertexCount(geometry)).toBeGreaterThanOrEqual(30);
      expect(vertexCount(geometry)).toBeLessThanOrEqual(130);
    }
    for (const level of CONTROL_LEVELS) {
      expect(
        data.control.features.some((area) => area.properties.controlLevel === level),
        level,
      ).toBe(true);
    }
  });
});

describe('committed demo files in data/', () => {
  it('equal what the generator produces now (run `npm run generate:data` after changing it)', () => {
    for (const key of KEYS) {
      const committed: unknown = JSON.parse(readFileSync(join(DATA_DIRECTORY, FILE_NAMES[key]), 'utf8'));
      expect(committed, FILE_NAMES[key]).toEqual(JSON.parse(JSON.stringify(data[key])));
    }
  });

  it('stay small: under 1 MB each and 2 MB in total', () => {
    const sizes = KEYS.map((key) => statSync(join(DATA_DIRECTORY, FILE_NAMES[key])).size);
    for (const size of sizes) expect(size).toBeLessThan(1_000_000);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(2_000_000);
  });

  it('are described in data/README.md as synthetic, with the seed', () => {
    const readme = readFileSync(join(DATA_DIRECTORY, 'README.md'), 'utf8');
    expect(readme).toContain('SYNTHETIC');
    expect(readme).toContain(String(DEMO_SEED));
    for (const key of KEYS) expect(readme).toContain(FILE_NAMES[key]);
  });
});
