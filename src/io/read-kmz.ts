/**
 * KMZ reader: a zip holding `doc.kml` (Google Earth's name) or, failing that,
 * the first `.kml` entry. Only KML entries are inflated: images and icons in
 * the archive are never decompressed.
 */
import { unzipSync } from 'fflate';
import { toBytes } from './bytes';
import { failure, type ReadResult } from './problem';
import { browserXmlParser, readKml, type XmlParser } from './read-kml';

/** Picks the KML document of a KMZ: root `doc.kml`, else the first `.kml` in archive order. */
export function pickKmlEntry(names: readonly string[]): string | undefined {
  const kmlNames = names.filter((name) => name.toLowerCase().endsWith('.kml') && !name.includes('__MACOSX'));
  return kmlNames.find((name) => name.toLowerCase() === 'doc.kml') ?? kmlNames[0];
}

/** Reads a KMZ archive. Never throws. */
export async function readKmz(
  bytes: Uint8Array | string,
  fileName: string,
  parseXml: XmlParser | undefined = browserXmlParser(),
): Promise<ReadResult> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(toBytes(bytes), { filter: (file) => file.name.toLowerCase().endsWith('.kml') });
  } catch {
    return failure('zip-unreadable', fileName);
  }
  const name = pickKmlEntry(Object.keys(entries));
  const entry = name === undefined ? undefined : entries[name];
  if (!entry) return failure('kmz-without-kml', fileName);
  return readKml(entry, fileName, parseXml);
}

/** Names of the entries in a zip, or undefined when it cannot be read. */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  try {
    const names: string[] = [];
    // The filter sees every entry and inflating nothing keeps this cheap.
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
    return names;
  } catch {
    return undefined;
  }
}
