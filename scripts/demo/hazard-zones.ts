/**
 * Synthetic hazard zones, each hazard in three exclusive bands (high, medium,
 * low) so a point falls in at most one band of a given zone and exposure
 * counts need no de-duplication. Everything is clipped to Haiti's land.
 */
import { buffer, lineString } from '@turf/turf';
import type { Feature, LineString, MultiLineString } from 'geojson';
import type { HazardType, HazardZoneFeature, Severity } from '../../src/domain/types';
import { coastlineWithin } from './coastline';
import { roundPolygonal } from './coordinates';
import { EARTHQUAKES, LANDSLIDE_AREAS, type MountainArea, RIVERS, SURGE_COASTS } from './hazard-sources';
import { haitiIslands, haitiLand } from './natural-earth';
import { noisyEllipse } from './noisy-shapes';
import {
  intersectGeometries,
  type Polygonal,
  simplifyGeometry,
  subtractGeometry,
  unionGeometries,
} from './polygon-operations';
import type { Random } from './random';

export const HAZARD_SOURCE = 'Synthetic demo (Katsit generator) — not an official hazard map';

const SEVERITY_LABEL: Record<Severity, string> = {
  high: 'aléa élevé',
  medium: 'aléa moyen',
  low: 'aléa faible',
};
/** Degrees (~30 m): drops the buffer's surplus vertices, keeps the shape. */
const SIMPLIFY_TOLERANCE = 0.0003;

interface Zone {
  name: string;
  hazardType: HazardType;
  /** Outer outlines, high band first; each contains the previous one. */
  outlines: [Polygonal, Polygonal, Polygonal];
}

export function buildHazardZones(random: Random): HazardZoneFeature[] {
  const zones: Zone[] = [
    ...RIVERS.map((river) => ({
      name: `Zone inondable — ${river.name}`,
      hazardType: 'flood' as const,
      outlines: bufferBands(lineString(river.course).geometry, river.bandKilometres),
    })),
    ...SURGE_COASTS.map((coast) => ({
      name: `Submersion marine — ${coast.name}`,
      hazardType: 'storm_surge' as const,
      outlines: bufferBands(coastlineWithin(haitiIslands(), coast.box), coast.bandKilometres),
    })),
    ...LANDSLIDE_AREAS.map((area) => ({
      name: `Glissements de terrain — ${area.name}`,
      hazardType: 'landslide' as const,
      outlines: ellipseBands(random, area, 0.22, 72),
    })),
    ...EARTHQUAKES.map((earthquake) => ({
      name: `Secousses sismiques — ${earthquake.name}`,
      hazardType: 'earthquake' as const,
      outlines: ellipseBands(random, earthquake, 0.04, 96),
    })),
  ];

  const land = haitiLand().geometry;
  const features: HazardZoneFeature[] = [];
  for (const zone of zones) {
    const [high, medium, low] = zone.outlines;
    const bands: [Severity, Polygonal | undefined][] = [
      ['high', high],
      ['medium', subtractGeometry(medium, high)],
      ['low', subtractGeometry(low, medium)],
    ];
    for (const [severity, band] of bands) {
      const onLand = band === undefined ? undefined : intersectGeometries(band, land);
      const geometry =
        onLand === undefined ? undefined : roundPolygonal(simplifyGeometry(onLand, SIMPLIFY_TOLERANCE));
      if (geometry === undefined) continue;
      features.push({
        type: 'Feature',
        geometry,
        properties: {
          id: `HTI-HAZ-${String(features.length + 1).padStart(3, '0')}`,
          name: `${zone.name} (${SEVERITY_LABEL[severity]})`,
          hazardType: zone.hazardType,
          severity,
          source: HAZARD_SOURCE,
        },
      });
    }
  }
  return features;
}

function bufferBands(
  line: LineString | MultiLineString,
  kilometres: readonly [number, number, number],
): [Polygonal, Polygonal, Polygonal] {
  const [high, medium, low] = kilometres.map((width) => {
    const feature: Feature<LineString | MultiLineString> = {
      type: 'Feature',
      properties: {},
      geometry: line,
    };
    const buffered: Feature<Polygonal> | undefined = buffer(feature, width, {
      units: 'kilometers',
      steps: 6,
    });
    if (buffered === undefined) throw new Error('Empty buffer: is the hazard line empty?');
    return buffered.geometry;
  });
  if (high === undefined || medium === undefined || low === undefined)
    throw new Error('Three bands expected');
  return [high, medium, low];
}

function ellipseBands(
  random: Random,
  area: MountainArea,
  roughness: number,
  vertices: number,
): [Polygonal, Polygonal, Polygonal] {
  const [high, medium, low] = area.shapes.map((shape) => noisyEllipse(random, shape, roughness, vertices));
  if (high === undefined || medium === undefined || low === undefined)
    throw new Error('Three bands expected');
  // Each shape wobbles on its own, so an outer band could dent inside an
  // inner one: union them so the bands nest and stay exclusive once subtracted.
  const mediumOutline = unionGeometries([medium, high]) ?? medium;
  const lowOutline = unionGeometries([low, mediumOutline]) ?? low;
  return [high, mediumOutline, lowOutline];
}
