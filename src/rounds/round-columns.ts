/**
 * A round's sites as the comparison engine reads them (columns; NaN for a
 * missing count or a site without coordinates), and the commune names the
 * rounds give, for the change table.
 */
import type { Feature } from 'geojson';
import type { RoundColumns } from '../../workers/analysis/round-comparison';

export type { RoundColumns } from '../../workers/analysis/round-comparison';

const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The columns of one round's sites (a missing count stays NaN: unknown, never 0). */
export function roundColumns(features: readonly Feature[]): RoundColumns {
  const size = features.length;
  const columns = {
    ids: new Array<string>(size),
    names: new Array<string>(size),
    longitudes: new Float64Array(size),
    latitudes: new Float64Array(size),
    individuals: new Float64Array(size),
    households: new Float64Array(size),
    adminCodes: new Array<string>(size),
  };
  features.forEach((feature, row) => {
    const properties = feature.properties ?? {};
    const point = feature.geometry?.type === 'Point' ? feature.geometry.coordinates : undefined;
    columns.ids[row] = String(properties.id ?? feature.id ?? '');
    columns.names[row] = text(properties.name);
    columns.longitudes[row] = count(point?.[0]);
    columns.latitudes[row] = count(point?.[1]);
    columns.individuals[row] = count(properties.individuals);
    columns.households[row] = count(properties.households);
    columns.adminCodes[row] = text(properties.admin2Pcode);
  });
  return columns;
}

/** Commune P-code → name, from the sites of both rounds (the later round's name wins). */
export function communeNames(...rounds: readonly (readonly Feature[])[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const features of rounds)
    for (const feature of features) {
      const code = text(feature.properties?.admin2Pcode);
      const name = text(feature.properties?.admin2Name);
      if (code !== '' && name !== '') names.set(code, name);
    }
  return names;
}
