/**
 * KMZ reader: a zip holding `doc.kml` (Google Earth's name) or, failing that,
 * the first `.kml` entry. Only the chosen KML entry is inflated (images and
 * icons in the archive never are), under the inflated-size ceiling of
 * `unzipLimited`, so a KMZ bomb is stopped and named.
 */
import { toBytes } from './bytes';
import { failure, type ReadResult } from './problem';
import { readKml, type XmlParser } from './read-kml';
import { type InflateLimits, unzipLimited, zipDirectory } from './unzip-limited';

/** Picks the KML document of a KMZ: root `doc.kml`, else the first `.kml` in archive order. */
export function pickKmlEntry(names: readonly string[]): string | undefined {
  const kmlNames = names.filter((name) => name.toLowerCase().endsWith('.kml') && !name.includes('__MACOSX'));
  return kmlNames.find((name) => name.toLowerCase() === 'doc.kml') ?? kmlNames[0];
}

export interface KmzOptions {
  parseXml?: XmlParser;
  limits?: InflateLimits;
}

/** Reads a KMZ archive. Never throws. */
export async function readKmz(
  bytes: Uint8Array | string,
  fileName: string,
  options: KmzOptions = {},
): Promise<ReadResult> {
  const data = toBytes(bytes);
  const names = zipEntryNames(data);
  if (!names) return failure('zip-unreadable', fileName);
  const name = pickKmlEntry(names);
  if (name === undefined) return failure('kmz-without-kml', fileName);
  const unzipped = unzipLimited(data, (entry) => entry === name, options.limits);
  if (!unzipped.ok) return zipFailure(unzipped, fileName);
  const entry = unzipped.entries.get(name);
  if (!entry) return failure('kmz-without-kml', fileName);
  return readKml(entry, fileName, options.parseXml);
}

/** The problem of a failed limited unzip, naming the member that went past the ceiling. */
export function zipFailure(
  result: Exclude<ReturnType<typeof unzipLimited>, { ok: true }>,
  fileName: string,
): ReadResult {
  return result.code === 'zip-too-large'
    ? failure('zip-too-large', fileName, {
        field: result.member,
        value: `> ${Math.round(result.limitBytes / (1024 * 1024))} MB`,
      })
    : failure('zip-unreadable', fileName);
}

/** Names of the entries in a zip, or undefined when it cannot be read. Inflates nothing. */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  return zipDirectory(bytes)?.map((entry) => entry.name);
}
