/**
 * Sphere minimum standards that can be checked on a map (see
 * shared/DOMAIN.md), in one table so every analysis uses the same numbers.
 */
import type { WaterPointType } from '../../src/domain/types';

/** Maximum distance from shelter to the nearest water point, metres. */
export const WATER_DISTANCE_METRES = 500;

/** Default reach of a health facility, metres (users may change it). */
export const DEFAULT_HEALTH_DISTANCE_METRES = 5000;

/** Maximum people served per water point, by type. */
export const PEOPLE_PER_WATER_POINT: Readonly<Record<WaterPointType, number>> = {
  tap: 250,
  hand_pump: 500,
  well: 400,
};

/** Minimum total site area per person, m² (roads and services included). */
export const AREA_PER_PERSON_SQUARE_METRES = 45;

/** Minimum total site area per person where communal services are provided outside the site, m². */
export const AREA_PER_PERSON_SERVICES_OUTSIDE_SQUARE_METRES = 30;

/** Minimum covered living space per person, m². */
export const COVERED_SPACE_PER_PERSON_SQUARE_METRES = 3.5;
