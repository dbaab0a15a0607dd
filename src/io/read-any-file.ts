/**
 * One entry point for a dropped file: chooses the reader from the content
 * first (zip magic bytes, a leading `{` or `<`) and the extension second,
 * because users rename files and phones append `.txt`.
 */
import { decodeText, toBytes } from './bytes';
import { detectFormat } from './detect-format';
import { failure, type ReadResult } from './problem';
import { readCsv } from './read-csv';
import { readGeoJson } from './read-geojson';
import { readKml, type XmlParser } from './read-kml';
import { readKmz } from './read-kmz';
import { readShapefile } from './read-shapefile';
import { readSpreadsheet } from './read-spreadsheet';
import type { InflateLimits } from './unzip-limited';

export interface ReadOptions {
  /** XML parser for KML/KMZ; defaults to @xmldom/xmldom with entity declarations refused. */
  parseXml?: XmlParser;
  /** Ceilings on inflated bytes for KMZ, workbooks and zipped Shapefiles. */
  limits?: InflateLimits;
  /** Workbooks: the sheet to read (by default the best one). */
  sheet?: string;
}

export { detectFormat } from './detect-format';

/** Reads any supported file. Never throws: every failure is a problem value. */
export async function readAnyFile(
  fileName: string,
  bytes: Uint8Array | string,
  options: ReadOptions = {},
): Promise<ReadResult> {
  try {
    const data = toBytes(bytes);
    if (data.length === 0) return failure('empty-file', fileName);
    switch (detectFormat(fileName, data)) {
      case 'geojson':
        return await readGeoJson(data, fileName);
      case 'csv':
        return await readCsv(data, fileName);
      case 'kml':
        return await readKml(data, fileName, options.parseXml);
      case 'kmz':
        return await readKmz(data, fileName, options);
      case 'shapefile':
        return await readShapefile(data, fileName, options.limits);
      case 'spreadsheet':
        return await readSpreadsheet(data, fileName, {
          ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
          ...(options.limits === undefined ? {} : { limits: options.limits }),
        });
      default:
        return decodeText(data).ok ? failure('unsupported-format', fileName) : failure('not-text', fileName);
    }
  } catch {
    return failure('read-failed', fileName);
  }
}
