/**
 * One entry point for a dropped file: chooses the reader from the content
 * first (zip magic bytes, a leading `{` or `<`) and the extension second,
 * because users rename files and phones append `.txt`.
 */
import { decodeText, fileExtension, isZip, toBytes } from './bytes';
import { failure, type ReadResult } from './problem';
import { readCsv } from './read-csv';
import { readGeoJson } from './read-geojson';
import { browserXmlParser, readKml, type XmlParser } from './read-kml';
import { readKmz, zipEntryNames } from './read-kmz';
import { readShapefile } from './read-shapefile';

export interface ReadOptions {
  /** XML parser for KML/KMZ; defaults to DOMParser when the environment has one. */
  parseXml?: XmlParser;
}

/** The format a file was recognised as. */
export type FileFormat = 'geojson' | 'csv' | 'kml' | 'kmz' | 'shapefile';

const TEXT_FORMATS: Record<string, FileFormat> = {
  geojson: 'geojson',
  json: 'geojson',
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  kml: 'kml',
};

/** Recognises the format from bytes and name; undefined when nothing fits. */
export function detectFormat(fileName: string, bytes: Uint8Array): FileFormat | undefined {
  const extension = fileExtension(fileName);
  if (isZip(bytes)) {
    const names = zipEntryNames(bytes) ?? [];
    if (names.some((name) => name.toLowerCase().endsWith('.shp'))) return 'shapefile';
    if (names.some((name) => name.toLowerCase().endsWith('.kml'))) return 'kmz';
    return extension === 'kmz' ? 'kmz' : 'shapefile';
  }
  const decoded = decodeText(bytes.subarray(0, 4096));
  if (decoded.ok) {
    const start = decoded.text.trimStart();
    if (start.startsWith('{') || start.startsWith('[')) return 'geojson';
    if (start.startsWith('<')) return 'kml';
  }
  return (
    TEXT_FORMATS[extension] ??
    (extension === 'kmz' ? 'kmz' : extension === 'zip' || extension === 'shp' ? 'shapefile' : undefined)
  );
}

/** Reads any supported file. Never throws: every failure is a problem value. */
export async function readAnyFile(
  fileName: string,
  bytes: Uint8Array | string,
  options: ReadOptions = {},
): Promise<ReadResult> {
  try {
    const data = toBytes(bytes);
    if (data.length === 0) return failure('empty-file', fileName);
    const parseXml = options.parseXml ?? browserXmlParser();
    switch (detectFormat(fileName, data)) {
      case 'geojson':
        return await readGeoJson(data, fileName);
      case 'csv':
        return await readCsv(data, fileName);
      case 'kml':
        return await readKml(data, fileName, parseXml);
      case 'kmz':
        return await readKmz(data, fileName, parseXml);
      case 'shapefile':
        return await readShapefile(data, fileName);
      default:
        return decodeText(data).ok ? failure('unsupported-format', fileName) : failure('not-text', fileName);
    }
  } catch {
    return failure('read-failed', fileName);
  }
}
