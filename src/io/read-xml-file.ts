/**
 * The readers the main thread needs: KML and KMZ, parsed with the page's
 * DOMParser (workers have none). Everything else is read in the import worker.
 */

import { detectFormat } from './detect-format';
import { failure, type ReadResult } from './problem';
import { browserXmlParser, readKml } from './read-kml';
import { readKmz } from './read-kmz';

export async function readXmlFile(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  try {
    const parseXml = browserXmlParser();
    const format = detectFormat(fileName, bytes);
    if (format === 'kml') return await readKml(bytes, fileName, parseXml);
    if (format === 'kmz') return await readKmz(bytes, fileName, parseXml);
    return failure('unsupported-format', fileName);
  } catch {
    return failure('read-failed', fileName);
  }
}
