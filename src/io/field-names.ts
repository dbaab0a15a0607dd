/**
 * Comparing column names the way people write them: "Site ID", "site_id",
 * "SITE-ID" and "siteId" are one name; "Ménages" and "menages" too.
 */

/** Lower-case, accents stripped, everything but letters and digits removed. */
export function normaliseFieldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Lower-case, accents stripped, runs of other characters become one space. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** HXL tags for coordinates. */
export const LATITUDE_TAG = '#geo+lat';
export const LONGITUDE_TAG = '#geo+lon';

/** Column names (normalised) that hold a WKT geometry (QGIS writes "WKT" or "geometry"). */
export const WKT_NAMES = ['wkt', 'geometry', 'geometrie', 'thegeom', 'geom', 'shape'];

/** HXL-style tag our CSV writer puts over a WKT column. */
export const WKT_TAG = '#geo+wkt';
