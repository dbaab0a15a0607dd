/**
 * KMZ reader: a zip holding `doc.kml` (Google Earth's name) or, failing that,
 * the first `.kml` entry. Only KML entries are inflated (images and icons in
 * the archive never are), under the inflated-size ceiling of `unzipLimited`,
 * so a KMZ bomb is stopped and named. Network links that point inside the
 * archive (`files/communes.kml`) are followed and their features added; links
 * elsewhere are counted as not imported (nothing is ever fetched).
 */
import type { Feature } from 'geojson';
import { toBytes } from './bytes';
import { failure, makeProblem, type ReadResult } from './problem';
import { readKmlDocument, type XmlParser } from './read-kml';
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
  const unzipped = unzipLimited(data, (entry) => entry.toLowerCase().endsWith('.kml'), options.limits);
  if (!unzipped.ok) return zipFailure(unzipped, fileName);
  const entry = unzipped.entries.get(name);
  if (!entry) return failure('kmz-without-kml', fileName);
  const first = readKmlDocument(entry, fileName, options.parseXml);
  if (!first.result.ok) return first.result;
  const { collection, problems } = first.result;
  const features: Feature[] = [...collection.features];
  const visited = new Set([name]);
  const queue = first.links.map((href) => ({ href, from: name }));
  let outside = 0;
  while (queue.length > 0) {
    const { href, from } = queue.shift() as { href: string; from: string };
    const target = resolveInArchive(href, from);
    const bytes = target === undefined ? undefined : unzipped.entries.get(target);
    if (target === undefined || !bytes) {
      outside++;
      continue;
    }
    if (visited.has(target)) continue;
    visited.add(target);
    const linked = readKmlDocument(bytes, fileName, options.parseXml);
    if (!linked.result.ok) continue;
    features.push(...linked.result.collection.features);
    problems.push(...linked.result.problems.filter((problem) => problem.code !== 'no-features'));
    queue.push(...linked.links.map((next) => ({ href: next, from: target })));
  }
  if (outside > 0)
    problems.push(makeProblem('warning', 'not-imported-network-link', fileName, { value: String(outside) }));
  const noFeatures = problems.findIndex((problem) => problem.code === 'no-features');
  if (features.length > 0 && noFeatures >= 0) problems.splice(noFeatures, 1);
  return { ok: true, collection: { ...collection, features }, problems };
}

/**
 * The archive entry a link names, relative to the KML that holds it
 * ("files/a.kml" from "doc.kml", "../b.kml" from "files/a.kml"); undefined
 * for links with a scheme (http:, file:) or that climb out of the archive.
 */
export function resolveInArchive(href: string, from: string): string | undefined {
  if (href === '' || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) return undefined;
  const parts = from.split('/').slice(0, -1);
  for (const part of href.split(/[?#]/)[0]?.split('/') ?? []) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(decodedPart(part));
    }
  }
  return parts.join('/');
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

/** "my%20file.kml" → "my file.kml"; a malformed escape stays as written. */
function decodedPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
