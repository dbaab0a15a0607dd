/**
 * The analysis worker's site table, taken from the sites' columnar form when
 * the import worker (or IndexedDB) gave them one, so the page does not read
 * every feature again; from the features otherwise (the demo, filtered or
 * combined collections). Typed arrays are copies, so the caller transfers
 * them and the page keeps its own columns; text columns cross still encoded
 * (a packed dictionary and codes: a million strings cloned one by one took
 * the page hundreds of milliseconds) and are decoded in the worker.
 */
import { type SiteTable, siteTableOf } from '../../workers/analysis/index';
import type { SiteCollection } from '../domain/types';
import { attachedColumns, type TextColumn, unpackTexts } from '../io/columnar-sites';

/** The table's text columns. */
type TextName = 'admin2Pcodes' | 'admin1Pcodes' | 'admin2Names' | 'admin3Pcodes';

/** A site table whose text columns are still dictionary-encoded. */
export type EncodedSiteTable = Omit<SiteTable, TextName> & { encodedTexts: Record<TextName, TextColumn> };

/** Every site's text, decoded from its dictionary. */
function decoded(column: TextColumn): string[] {
  const values = unpackTexts(column.values);
  const texts = new Array<string>(column.codes.length);
  for (let index = 0; index < texts.length; index += 1) texts[index] = values[column.codes[index] ?? 0] ?? '';
  return texts;
}

/**
 * Counts the engine reads as 0 when unknown, set in place: done in the worker, on the copies the
 * page transferred (a million sites' two columns were tens of milliseconds of the page's task).
 */
function zeroWhenUnknown(values: Float64Array): Float64Array {
  for (let index = 0; index < values.length; index += 1) if (Number.isNaN(values[index])) values[index] = 0;
  return values;
}

/** A copy of a text column, so its code array can be transferred. */
const copied = (column: TextColumn): TextColumn => ({
  codes: column.codes.slice(),
  values: { text: column.values.text, ends: column.values.ends.slice() },
});

/** The engine's table of these sites, encoded when they have columns. */
export function engineSiteTable(sites: SiteCollection): SiteTable | EncodedSiteTable {
  const columns = attachedColumns(sites.features);
  if (!columns) return siteTableOf(sites);
  const { texts } = columns;
  return {
    coordinates: columns.coordinates.slice(),
    // Unknown counts stay NaN here; the worker reads them as 0 (decodedSiteTable).
    households: columns.households.slice(),
    individuals: columns.individuals.slice(),
    areaSquareMetres: columns.areaSquareMetres.slice(),
    coveredSquareMetres: columns.coveredSquareMetres.slice(),
    communalServicesOutside: columns.communalServicesOutside.slice(),
    encodedTexts: {
      admin2Pcodes: copied(texts.admin2Pcode),
      admin1Pcodes: copied(texts.admin1Pcode),
      admin2Names: copied(texts.admin2Name),
      admin3Pcodes: copied(texts.admin3Pcode),
    },
    // The table is a function of the columns: their import-time hash identifies its answers.
    contentHash: columns.hash,
  };
}

/** The buffers of an encoded table's text columns, to transfer with its numbers. */
export function encodedTransferables(table: SiteTable | EncodedSiteTable): ArrayBuffer[] {
  if (!('encodedTexts' in table)) return [];
  return Object.values(table.encodedTexts).flatMap((column) => [
    column.codes.buffer as ArrayBuffer,
    column.values.ends.buffer as ArrayBuffer,
  ]);
}

/** The plain table (in the worker): an encoded one decoded, its unknown counts read as 0; anything else as it is. */
export function decodedSiteTable<Other extends object>(table: Other | EncodedSiteTable): Other | SiteTable {
  if (!('encodedTexts' in table)) return table;
  const { encodedTexts, ...numbers } = table;
  return {
    ...numbers,
    households: zeroWhenUnknown(numbers.households),
    individuals: zeroWhenUnknown(numbers.individuals),
    admin2Pcodes: decoded(encodedTexts.admin2Pcodes),
    admin1Pcodes: decoded(encodedTexts.admin1Pcodes),
    admin2Names: decoded(encodedTexts.admin2Names),
    admin3Pcodes: decoded(encodedTexts.admin3Pcodes),
  };
}
