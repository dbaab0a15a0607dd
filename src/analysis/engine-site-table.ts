/**
 * The analysis worker's site table, taken from the sites' columnar form when
 * the import worker (or IndexedDB) gave them one, so the page does not read
 * every feature again; from the features otherwise (the demo, filtered or
 * combined collections). Typed arrays are copies, so the caller may transfer
 * them and the page keeps its own columns.
 */
import { type SiteTable, siteTableOf } from '../../workers/analysis/index';
import type { SiteCollection } from '../domain/types';
import { attachedColumns, type TextColumn, unpackTexts } from '../io/columnar-sites';

/** Every site's text, decoded from its dictionary. */
function decoded(column: TextColumn): string[] {
  const values = unpackTexts(column.values);
  const texts = new Array<string>(column.codes.length);
  for (let index = 0; index < texts.length; index += 1) texts[index] = values[column.codes[index] ?? 0] ?? '';
  return texts;
}

/** Counts the engine reads as 0 when unknown. */
function zeroWhenUnknown(values: Float64Array): Float64Array {
  const copy = values.slice();
  for (let index = 0; index < copy.length; index += 1) if (Number.isNaN(copy[index])) copy[index] = 0;
  return copy;
}

/** The engine's table of these sites. */
export function engineSiteTable(sites: SiteCollection): SiteTable {
  const columns = attachedColumns(sites.features);
  if (!columns) return siteTableOf(sites);
  return {
    coordinates: columns.coordinates.slice(),
    households: zeroWhenUnknown(columns.households),
    individuals: zeroWhenUnknown(columns.individuals),
    areaSquareMetres: columns.areaSquareMetres.slice(),
    coveredSquareMetres: columns.coveredSquareMetres.slice(),
    communalServicesOutside: columns.communalServicesOutside.slice(),
    admin2Pcodes: decoded(columns.texts.admin2Pcode),
    admin1Pcodes: decoded(columns.texts.admin1Pcode),
    admin2Names: decoded(columns.texts.admin2Name),
    admin3Pcodes: decoded(columns.texts.admin3Pcode),
  };
}
