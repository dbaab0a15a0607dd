/**
 * Recognising an imported file's format from its first bytes and its name,
 * with no reader attached (the Shapefile stack alone is ~45 KiB gzip).
 */
import { decodeText, fileExtension, isZip } from './bytes';
import { zipDirectory } from './unzip-limited';

/** The format a file was recognised as. */
export type FileFormat = 'geojson' | 'csv' | 'kml' | 'kmz' | 'shapefile' | 'spreadsheet';

/** Old Excel workbooks (.xls) are OLE compound files: this is their signature. */
const COMPOUND_FILE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const TEXT_FORMATS: Record<string, FileFormat> = {
  geojson: 'geojson',
  json: 'geojson',
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  kml: 'kml',
  topojson: 'geojson',
};

/** Recognises the format from bytes and name; undefined when nothing fits. */
export function detectFormat(fileName: string, bytes: Uint8Array): FileFormat | undefined {
  const extension = fileExtension(fileName);
  if (isZip(bytes)) {
    const names = zipDirectory(bytes)?.map((entry) => entry.name) ?? [];
    if (
      names.some(
        (name) => name.toLowerCase() === 'xl/workbook.xml' || name.toLowerCase() === 'xl/workbook.bin',
      )
    )
      return 'spreadsheet';
    if (names.some((name) => name.toLowerCase().endsWith('.shp'))) return 'shapefile';
    if (names.some((name) => name.toLowerCase().endsWith('.kml'))) return 'kmz';
    return extension === 'kmz' ? 'kmz' : 'shapefile';
  }
  if (COMPOUND_FILE_MAGIC.every((expected, index) => bytes[index] === expected)) return 'spreadsheet';
  const decoded = decodeText(bytes.subarray(0, 4096));
  if (decoded.ok) {
    const start = decoded.text.trimStart();
    if (start.startsWith('{') || start.startsWith('[')) return 'geojson';
    if (start.startsWith('<')) return 'kml';
  }
  return (
    TEXT_FORMATS[extension] ??
    (extension === 'xlsx' || extension === 'xls' ? 'spreadsheet' : undefined) ??
    (extension === 'kmz' ? 'kmz' : extension === 'zip' || extension === 'shp' ? 'shapefile' : undefined)
  );
}
