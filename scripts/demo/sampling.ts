/** Placing points near a centre, with offsets in kilometres (what people think in), not degrees. */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { roundPosition } from './coordinates';
import type { Random } from './random';

const KILOMETRES_PER_DEGREE_LATITUDE = 110.57;
const KILOMETRES_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111.32;

/** Moves a position east and north by the given kilometres (flat-earth approximation: fine over a few km). */
export function offsetPosition(
  centre: readonly [number, number],
  eastKilometres: number,
  northKilometres: number,
): [number, number] {
  const [longitude, latitude] = centre;
  const kilometresPerDegreeLongitude =
    KILOMETRES_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos((latitude * Math.PI) / 180);
  return [
    longitude + eastKilometres / kilometresPerDegreeLongitude,
    latitude + northKilometres / KILOMETRES_PER_DEGREE_LATITUDE,
  ];
}

/** A rounded position drawn from a 2-D normal around the centre. */
export function normalNear(
  random: Random,
  centre: readonly [number, number],
  spreadKilometres: number,
): [number, number] {
  return roundPosition(
    offsetPosition(centre, spreadKilometres * random.normal(), spreadKilometres * random.normal()),
  );
}

/** A rounded position at a uniform distance between the bounds, in a uniform direction. */
export function ringNear(
  random: Random,
  centre: readonly [number, number],
  minimumKilometres: number,
  maximumKilometres: number,
): [number, number] {
  const kilometres = random.between(minimumKilometres, maximumKilometres);
  const angle = random.between(0, 2 * Math.PI);
  return roundPosition(offsetPosition(centre, kilometres * Math.cos(angle), kilometres * Math.sin(angle)));
}

export function insideAny(
  position: [number, number],
  areas: readonly Feature<Polygon | MultiPolygon>[],
): boolean {
  return areas.some((area) => booleanPointInPolygon(position, area));
}
