/**
 * Great-circle arithmetic written to reproduce Turf 7.4 operation for
 * operation (`@turf/distance`, `@turf/helpers`, `@turf/nearest-point-on-line`),
 * so our distances and Turf's agree to the last bit where it matters (ties in
 * nearest-point searches) and to well under a millimetre elsewhere.
 */

/** Turf's mean earth radius in metres (`@turf/helpers` earthRadius). */
export const EARTH_RADIUS_METRES = 6371008.8;

/** Turf's earth radius in kilometres, the unit Turf compares distances in. */
const EARTH_RADIUS_KILOMETRES = EARTH_RADIUS_METRES / 1000;

const DEGREES_PER_RADIAN = 180 / Math.PI;

/**
 * Degrees to radians exactly as Turf does it, including its `% 360`, so that
 * the sines and cosines below see the very same arguments.
 */
export function degreesToRadians(degrees: number): number {
  const normalisedDegrees = degrees % 360;
  return (normalisedDegrees * Math.PI) / 180;
}

/** The cosine of a latitude as Turf's haversine computes it (cache it per point). */
export function cosineOfLatitude(latitude: number): number {
  return Math.cos(degreesToRadians(latitude));
}

/**
 * The haversine term `a` of Turf's `distance` from (lon1, lat1) to (lon2, lat2),
 * with the latitude cosines passed in precomputed. Monotone in distance, so
 * searches compare it instead of taking an arctangent per candidate.
 */
export function haversineTerm(
  longitude1: number,
  latitude1: number,
  cosine1: number,
  longitude2: number,
  latitude2: number,
  cosine2: number,
): number {
  const deltaLatitude = degreesToRadians(latitude2 - latitude1);
  const deltaLongitude = degreesToRadians(longitude2 - longitude1);
  // Same expression and evaluation order as @turf/distance.
  return Math.sin(deltaLatitude / 2) ** 2 + Math.sin(deltaLongitude / 2) ** 2 * cosine1 * cosine2;
}

/** Turf's kilometre value for a haversine term (what `turf.distance` returns). */
export function kilometresFromHaversineTerm(term: number): number {
  return 2 * Math.atan2(Math.sqrt(term), Math.sqrt(1 - term)) * EARTH_RADIUS_KILOMETRES;
}

/** Great-circle distance in metres, Turf's haversine formula and radius. */
export function distanceMetres(
  longitude1: number,
  latitude1: number,
  longitude2: number,
  latitude2: number,
): number {
  const term = haversineTerm(
    longitude1,
    latitude1,
    cosineOfLatitude(latitude1),
    longitude2,
    latitude2,
    cosineOfLatitude(latitude2),
  );
  return 2 * Math.atan2(Math.sqrt(term), Math.sqrt(1 - term)) * EARTH_RADIUS_METRES;
}

/**
 * Metres from point C to the great-circle segment A–B, following
 * `@turf/nearest-point-on-line` 7.4 (unit vectors, cross products, the same
 * degenerate-case branches), then Turf's haversine to the foot point.
 */
export function distanceToSegmentMetres(
  longitudeC: number,
  latitudeC: number,
  longitudeA: number,
  latitudeA: number,
  longitudeB: number,
  latitudeB: number,
): number {
  // Turf short-cuts a query point that is exactly a segment end.
  if (
    (longitudeB === longitudeC && latitudeB === latitudeC) ||
    (longitudeA === longitudeC && latitudeA === latitudeC)
  ) {
    return 0;
  }
  const latA = degreesToRadians(latitudeA);
  const lonA = degreesToRadians(longitudeA);
  const ax = Math.cos(latA) * Math.cos(lonA);
  const ay = Math.cos(latA) * Math.sin(lonA);
  const az = Math.sin(latA);
  const latB = degreesToRadians(latitudeB);
  const lonB = degreesToRadians(longitudeB);
  const bx = Math.cos(latB) * Math.cos(lonB);
  const by = Math.cos(latB) * Math.sin(lonB);
  const bz = Math.sin(latB);
  const latC = degreesToRadians(latitudeC);
  const lonC = degreesToRadians(longitudeC);
  const cx = Math.cos(latC) * Math.cos(lonC);
  const cy = Math.cos(latC) * Math.sin(lonC);
  const cz = Math.sin(latC);

  // Segment axis = A × B.
  const sx = ay * bz - az * by;
  const sy = az * bx - ax * bz;
  const sz = ax * by - ay * bx;
  if (sx === 0 && sy === 0 && sz === 0) {
    // A and B coincide (or are antipodal): Turf answers B, or C itself.
    return ax * bx + ay * by + az * bz > 0 ? distanceMetres(longitudeC, latitudeC, longitudeB, latitudeB) : 0;
  }
  // Target axis = S × C.
  const tx = sy * cz - sz * cy;
  const ty = sz * cx - sx * cz;
  const tz = sx * cy - sy * cx;
  if (tx === 0 && ty === 0 && tz === 0) {
    return distanceMetres(longitudeC, latitudeC, longitudeB, latitudeB);
  }
  // Intersection axis = T × S, normalised; keep the one on C's side.
  let ix = ty * sz - tz * sy;
  let iy = tz * sx - tx * sz;
  let iz = tx * sy - ty * sx;
  const intersectionLength = Math.sqrt(ix * ix + iy * iy + iz * iz);
  ix /= intersectionLength;
  iy /= intersectionLength;
  iz /= intersectionLength;
  if (!(cx * ix + cy * iy + cz * iz > -(cx * ix + cy * iy + cz * iz))) {
    ix = -ix;
    iy = -iy;
    iz = -iz;
  }
  const axisLength = Math.sqrt(sx * sx + sy * sy + sz * sz);
  const nx = sx / axisLength;
  const ny = sy / axisLength;
  const nz = sz / axisLength;
  // Is I between A and B along the arc?
  const compareAI = (ay * iz - az * iy) * nx + (az * ix - ax * iz) * ny + (ax * iy - ay * ix) * nz;
  const compareIB = (iy * bz - iz * by) * nx + (iz * bx - ix * bz) * ny + (ix * by - iy * bx) * nz;
  if (compareAI >= 0 && compareIB >= 0) {
    const footLatitude = Math.asin(Math.min(Math.max(iz, -1), 1)) * DEGREES_PER_RADIAN;
    const footLongitude = Math.atan2(iy, ix) * DEGREES_PER_RADIAN;
    return distanceMetres(longitudeC, latitudeC, footLongitude, footLatitude);
  }
  return ax * cx + ay * cy + az * cz > bx * cx + by * cy + bz * cz
    ? distanceMetres(longitudeC, latitudeC, longitudeA, latitudeA)
    : distanceMetres(longitudeC, latitudeC, longitudeB, latitudeB);
}

/**
 * Half-sizes in degrees of a latitude/longitude box around (·, latitude) that
 * contains every point within `metres` along the sphere. Padded so that a
 * great-circle arc bulging out of its segment's box is still found.
 */
export function searchBoxHalfSizes(
  latitude: number,
  metres: number,
): { halfLatitude: number; halfLongitude: number } {
  const halfLatitude = (metres / EARTH_RADIUS_METRES) * DEGREES_PER_RADIAN * 1.000001 + 1e-5;
  const farthestLatitude = Math.min(89.999, Math.abs(latitude) + halfLatitude);
  const cosine = Math.cos(farthestLatitude / DEGREES_PER_RADIAN);
  const halfLongitude = Math.min(360, (halfLatitude / cosine) * 1.001);
  return { halfLatitude, halfLongitude };
}
