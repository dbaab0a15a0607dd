/**
 * The analyses' own rules on tiny hand-made datasets: counting at the
 * highest severity, the control-level precedence, Sphere thresholds, admin
 * fallback, verdict codes, flags — and the exact orientation predicate.
 */

import fc from 'fast-check';
import type { Feature, Polygon } from 'geojson';
import { orient2d } from 'robust-predicates';
import { describe, expect, it } from 'vitest';
import type {
  AdminAreaCollection,
  ControlAreaCollection,
  HazardZoneCollection,
  ServicePointCollection,
} from '../../src/domain/types';
import {
  accessConstraints,
  adminTotals,
  areaOfInterest,
  checkCandidate,
  hazardExposure,
  prepareAdminLayer,
  prepareControlLayer,
  prepareHazardLayer,
  prepareServiceLayer,
  SITE_FLAG,
  type SiteTable,
  serviceCoverage,
  siteFlags,
  spacePerPerson,
} from '../../workers/analysis/index';
import { determinantSign } from '../../workers/analysis/orientation';

const square = (west: number, south: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

function table(positions: [number, number][], individuals: number[], areas: number[] = []): SiteTable {
  return {
    coordinates: Float64Array.from(positions.flat()),
    households: Float64Array.from(individuals, (value) => value / 5),
    individuals: Float64Array.from(individuals),
    areaSquareMetres: Float64Array.from(positions, (_position, index) => areas[index] ?? Number.NaN),
    admin2Pcodes: positions.map(() => 'HT0112'),
  };
}

const hazardFeature = (geometry: Polygon, hazardType: string, severity: string): Feature<Polygon, never> =>
  ({
    type: 'Feature',
    properties: { id: '', name: '', hazardType, severity, source: '' },
    geometry,
  }) as never;

describe('hazard exposure', () => {
  it('counts a site in two overlapping zones of one type once, at the highest severity', () => {
    const hazards: HazardZoneCollection = {
      type: 'FeatureCollection',
      features: [
        hazardFeature(square(0, 0, 2), 'flood', 'low'),
        hazardFeature(square(0, 0, 1), 'flood', 'high'),
        hazardFeature(square(0, 0, 3), 'landslide', 'medium'),
      ],
    } as never;
    const sites = table(
      [
        [0.5, 0.5],
        [1.5, 1.5],
        [5, 5],
      ],
      [100, 10, 1],
    );
    const result = hazardExposure(sites, prepareHazardLayer(hazards));
    const find = (type: string, severity: string) =>
      result.summary.find((row) => row.hazardType === type && row.severity === severity)!;
    expect(find('flood', 'high')).toMatchObject({ sites: 1, individuals: 100 });
    expect(find('flood', 'low')).toMatchObject({ sites: 1, individuals: 10 });
    expect(find('landslide', 'medium')).toMatchObject({ sites: 2, individuals: 110 });
    expect(
      Array.from(
        result.siteZones.zoneIndices.subarray(result.siteZones.offsets[0], result.siteZones.offsets[1]),
      ),
    ).toEqual([0, 1, 2]);
  });
});

const control: ControlAreaCollection = {
  type: 'FeatureCollection',
  features: (
    [
      [square(0, 0, 0.1), 'influence'],
      [square(0.12, 0, 0.1), 'controlled'],
      [square(1, 1, 0.1), 'contested'],
    ] as const
  ).map(([geometry, controlLevel]) => ({
    type: 'Feature',
    properties: { id: '', name: '', controlLevel, lastUpdate: '', source: '', sensitivity: 'sensitive' },
    geometry,
  })),
};

describe('access constraints', () => {
  it('counts a site under the most severe level within the distance, with its distance', () => {
    // Site 0: 0.005° (≈556 m) from the controlled area and ≈556 m from the influence one;
    // site 1: inside the influence area, ≈7.8 km from the controlled one; site 2: far from all.
    const sites = table(
      [
        [0.115, 0.05],
        [0.05, 0.05],
        [0.5, 0.5],
      ],
      [10, 20, 30],
    );
    const result = accessConstraints(sites, prepareControlLayer(control), 1000);
    expect(Array.from(result.siteLevel)).toEqual([0, 2, -1]);
    expect(result.siteMeters[0]).toBeGreaterThan(500);
    expect(result.siteMeters[0]).toBeLessThan(600);
    expect(result.siteMeters[1]).toBe(0);
    expect(result.summary.map((row) => row.sites)).toEqual([1, 0, 1]);
  });
});

const services: ServicePointCollection = {
  type: 'FeatureCollection',
  features: (
    [
      [[0, 0], 'water', 'tap'],
      [[0.1, 0], 'water', 'hand_pump'],
      [[0, 0.01], 'health', undefined],
    ] as const
  ).map(([coordinates, serviceType, waterPointType]) => ({
    type: 'Feature',
    properties: {
      id: '',
      name: '',
      serviceType,
      operator: '',
      ...(waterPointType ? { waterPointType } : {}),
    },
    geometry: { type: 'Point', coordinates: [...coordinates] },
  })),
};

describe('service coverage', () => {
  it('flags water beyond 500 m, health beyond reach, water point loads and the share covered', () => {
    // Site 0 is 111 m from the tap; site 1 is ~2.2 km from the tap; site 2 sits on the hand pump.
    const sites = table(
      [
        [0.001, 0],
        [0.02, 0],
        [0.1, 0],
      ],
      [200, 100, 700],
    );
    const result = serviceCoverage(sites, prepareServiceLayer(services), 5000);
    expect(Array.from(result.waterBeyondSphere)).toEqual([0, 1, 0]);
    expect(Array.from(result.healthBeyondReach)).toEqual([0, 0, 1]);
    expect(result.waterPointLoads).toEqual([
      { serviceIndex: 0, sites: 2, individuals: 300, maximumPeople: 250, overloaded: true },
      { serviceIndex: 1, sites: 1, individuals: 700, maximumPeople: 500, overloaded: true },
    ]);
    expect(result.shareCovered).toBeCloseTo(900 / 1000);
    const flags = siteFlags(3, { coverage: result });
    expect(flags.flags[1]! & SITE_FLAG.waterBeyondSphere).toBeTruthy();
    expect(flags.flags[0]! & SITE_FLAG.waterPointOverloaded).toBeTruthy();
  });
});

describe('space per person', () => {
  it('flags sites under 45 m² per person and leaves unknown areas alone', () => {
    const result = spacePerPerson(
      table(
        [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        [100, 100, 100],
        [4000, 4500, Number.NaN],
      ),
    );
    expect(Array.from(result.overcrowded)).toEqual([1, 0, 0]);
    expect(result.squareMetresPerPerson[0]).toBe(40);
  });
});

describe('area of interest', () => {
  it('selects sites in a polygon (boundary included) or a circle, with totals', () => {
    const sites = table(
      [
        [0, 0],
        [0.5, 0.5],
        [2, 2],
      ],
      [1, 2, 4],
    );
    const polygon = areaOfInterest(sites, { kind: 'polygon', geometry: square(0, 0, 1) });
    expect(Array.from(polygon.siteIndices)).toEqual([0, 1]);
    expect(polygon.individuals).toBe(3);
    const circle = areaOfInterest(sites, {
      kind: 'circle',
      longitude: 2,
      latitude: 2.001,
      radiusMeters: 120,
    });
    expect(Array.from(circle.siteIndices)).toEqual([2]);
  });
});

describe('by admin area', () => {
  it('uses the containing commune, else the reported P-code, and derives the department', () => {
    const admin: AdminAreaCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { pcode: 'HT01', name: 'Ouest', level: 1, approximate: true },
          geometry: square(0, 0, 1),
        },
        {
          type: 'Feature',
          properties: {
            pcode: 'HT0111',
            name: 'Port-au-Prince',
            level: 2,
            parentPcode: 'HT01',
            parentName: 'Ouest',
            approximate: true,
          },
          geometry: square(0, 0, 0.5),
        },
      ],
    };
    const result = adminTotals(
      table(
        [
          [0.25, 0.25],
          [0.75, 0.75],
          [5, 5],
        ],
        [10, 20, 40],
      ),
      prepareAdminLayer(admin),
    );
    expect(result.siteCommunes).toEqual(['HT0111', 'HT0112', 'HT0112']);
    expect(result.siteDepartments).toEqual(['HT01', 'HT01', 'HT01']);
    expect(result.fallbackSites).toBe(2);
    expect(result.communes.map((row) => [row.pcode, row.name, row.individuals])).toEqual([
      ['HT0111', 'Port-au-Prince', 10],
      ['HT0112', '', 60],
    ]);
    expect(result.departments).toEqual([
      { pcode: 'HT01', name: 'Ouest', level: 1, sites: 3, households: 14, individuals: 70 },
    ]);
  });
});

describe('candidate check', () => {
  it('returns machine codes and the worst verdict', () => {
    const hazards = prepareHazardLayer({
      type: 'FeatureCollection',
      features: [hazardFeature(square(0, 0, 0.5), 'flood', 'high')],
    } as never);
    const check = checkCandidate(0.2, 0.05, {
      hazards,
      control: prepareControlLayer(control),
      services: prepareServiceLayer(services),
    });
    expect(check.verdict).toBe('unsuitable');
    expect(check.reasons.map((reason) => reason.code)).toEqual([
      'in-hazard',
      'inside-control-area',
      'water-beyond-sphere',
      'health-beyond-reach',
    ]);
    expect(check.nearestControl).toMatchObject({ level: 'controlled', meters: 0, area: 1 });
    const quiet = checkCandidate(0.001, 0.001, { services: prepareServiceLayer(services) });
    expect(quiet.verdict).toBe('suitable');
    expect(quiet.reasons).toEqual([]);
  });
});

describe('determinantSign', () => {
  it('agrees with robust-predicates orient2d on near-collinear inputs', () => {
    const nearOne = fc.double({ min: 0.999999, max: 1.000001, noNaN: true });
    fc.assert(
      fc.property(nearOne, nearOne, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (a, b, scale) => {
        const u1 = scale * a;
        const v1 = scale * b;
        const u2 = u1 * 3;
        const v2 = v1 * 3 + Number.EPSILON * (a - 1);
        // `+ 0` folds −0 into 0: only the sign matters.
        expect(determinantSign(u1, u2, v1, v2) + 0).toBe(Math.sign(orient2d(u1, u2, v1, v2, 0, 0)) + 0);
      }),
      { numRuns: 2000 },
    );
  });
});
