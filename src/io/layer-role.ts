/**
 * A first guess of what a dropped file is, so the import dialog can preselect
 * a role: points are sites or services, polygons admin areas, hazards or
 * control areas, told apart by their column names.
 */
import type { FeatureCollection } from 'geojson';
import { flowColumnIndexes, locatesSide } from '../flows/flow-columns';
import type { LayerRole } from './field-candidates';
import { propertyNames } from './field-mapping';
import { normaliseFieldName } from './field-names';
import type { SourceColumn } from './problem';

const SITE_WORDS = [
  'household',
  'menage',
  'individ',
  'idp',
  'pdi',
  'sitetype',
  'typesite',
  'siteid',
  'sitename',
  'affected',
];
const SERVICE_WORDS = [
  'servicetype',
  'service',
  'waterpoint',
  'pointdeau',
  'capacity',
  'capacite',
  'operator',
  'operateur',
  'clinic',
  'health',
];
const ADMIN_WORDS = ['adm1pcode', 'adm2pcode', 'adm3pcode', 'pcode', 'adm1fr', 'adm2fr', 'adm1en', 'adm2en'];
const CONTROL_WORDS = ['controllevel', 'control', 'controle', 'gang', 'groupearme', 'armedgroup'];
const HAZARD_WORDS = [
  'hazard',
  'alea',
  'flood',
  'inond',
  'landslide',
  'glissement',
  'severity',
  'severite',
  'risque',
];

/** Guesses the role from geometry types and column names (or HXL tags). */
export function guessLayerRole(
  collection: FeatureCollection,
  headers: readonly (SourceColumn | string)[] = propertyNames(collection),
): LayerRole {
  const names = headers.flatMap((header) =>
    typeof header === 'string'
      ? [normaliseFieldName(header)]
      : [normaliseFieldName(header.name), normaliseFieldName(header.hxlTag ?? '')],
  );
  const score = (words: readonly string[]) =>
    names.filter((name) => name !== '' && words.some((word) => name.includes(word))).length;
  const features = Array.isArray(collection?.features) ? collection.features : [];
  let points = 0;
  let areas = 0;
  for (const feature of features) {
    const type = feature?.geometry?.type;
    if (type === 'Point' || type === 'MultiPoint') points++;
    else if (type === 'Polygon' || type === 'MultiPolygon') areas++;
  }
  if (points >= areas) {
    return score(SERVICE_WORDS) > score(SITE_WORDS) ? 'services' : 'sites';
  }
  if (score(ADMIN_WORDS) > 0) return 'admin';
  if (score(CONTROL_WORDS) > score(HAZARD_WORDS)) return 'control';
  return 'hazards';
}

/**
 * A movements (flows) table: both ends of each row are located, by admin
 * codes or names tagged origin and destination, or by their coordinates.
 * Checked before the layer roles, since its coordinate and admin columns
 * would otherwise read as a site list.
 */
export function isFlowTable(columns: readonly SourceColumn[]): boolean {
  const indexes = flowColumnIndexes(columns);
  return locatesSide(indexes, 'origin') && locatesSide(indexes, 'destination');
}
