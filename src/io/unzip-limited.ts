/**
 * Unzipping with a ceiling on inflated bytes, so a zip bomb (a 1 MB archive
 * that inflates to gigabytes) is stopped early and named, not inflated whole.
 *
 * Two guards: the central directory's declared sizes are checked first (an
 * honest bomb is refused before any byte is inflated), then the members are
 * inflated through fflate's streaming `Unzip`, the archive pushed in small
 * chunks and every member's output counted, so an archive that lies about its
 * sizes is stopped within one chunk's worth of output (≤ ~1,000 × the chunk).
 */
import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from 'fflate';

/** Default ceiling on the whole archive's inflated bytes. */
export const DEFAULT_INFLATED_LIMIT = 200 * 1024 * 1024;
/** Default ceiling as a multiple of the archive's own size. */
export const DEFAULT_INFLATION_RATIO = 100;
/**
 * Small archives get at least this much: a 20 KB KMZ may hold 3 MB of
 * repetitive KML, and 100 × 20 KB would refuse it. Bombs stay bounded.
 */
export const MINIMUM_INFLATED_LIMIT = 8 * 1024 * 1024;

/** Compressed bytes pushed per step: bounds one step's output (deflate's ratio is ≤ 1032:1). */
const CHUNK_BYTES = 16 * 1024;

export interface InflateLimits {
  /** Ceiling in bytes; defaults to `DEFAULT_INFLATED_LIMIT`. */
  maximumBytes?: number;
  /** Ceiling as a multiple of the archive size; defaults to `DEFAULT_INFLATION_RATIO`. */
  maximumRatio?: number;
}

export type LimitedUnzipResult =
  | { ok: true; entries: Map<string, Uint8Array> }
  | { ok: false; code: 'zip-unreadable' }
  | { ok: false; code: 'zip-too-large'; member: string; limitBytes: number };

/** The inflated-bytes ceiling for an archive of `archiveBytes` bytes. */
export function inflatedLimit(archiveBytes: number, limits: InflateLimits = {}): number {
  const maximumBytes = limits.maximumBytes ?? DEFAULT_INFLATED_LIMIT;
  const ratio = limits.maximumRatio ?? DEFAULT_INFLATION_RATIO;
  return Math.min(
    maximumBytes,
    Math.max(archiveBytes * ratio, Math.min(MINIMUM_INFLATED_LIMIT, maximumBytes)),
  );
}

/** Names and declared sizes of the entries, from the central directory; undefined when unreadable. */
export function zipDirectory(bytes: Uint8Array): Array<{ name: string; declaredBytes: number }> | undefined {
  try {
    const entries: Array<{ name: string; declaredBytes: number }> = [];
    // The filter sees every entry; refusing all of them inflates nothing.
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, declaredBytes: file.originalSize });
        return false;
      },
    });
    return entries;
  } catch {
    return undefined;
  }
}

/**
 * Inflates the members `wanted` accepts, never more than the ceiling in total.
 * Never throws.
 */
export function unzipLimited(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: InflateLimits = {},
): LimitedUnzipResult {
  const limitBytes = inflatedLimit(bytes.length, limits);
  const directory = zipDirectory(bytes);
  if (!directory) return { ok: false, code: 'zip-unreadable' };
  let declaredTotal = 0;
  for (const entry of directory) {
    if (!wanted(entry.name)) continue;
    declaredTotal += entry.declaredBytes;
    if (declaredTotal > limitBytes)
      return { ok: false, code: 'zip-too-large', member: entry.name, limitBytes };
  }

  const chunks = new Map<string, Uint8Array[]>();
  const finished = new Set<string>();
  let inflatedTotal = 0;
  let tooLarge: string | undefined;
  let broken = false;
  const unzip = new Unzip((file) => {
    if (!wanted(file.name) || tooLarge !== undefined) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (error, data, final) => {
      if (error) {
        broken = true;
        return;
      }
      inflatedTotal += data.length;
      if (inflatedTotal > limitBytes) {
        tooLarge ??= file.name;
        parts.length = 0;
        file.terminate();
        return;
      }
      parts.push(data);
      if (final) finished.add(file.name);
    };
    try {
      file.start();
    } catch {
      // A compression method fflate does not know (LZMA…).
      broken = true;
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let offset = 0; offset < bytes.length && tooLarge === undefined && !broken; offset += CHUNK_BYTES) {
      const end = Math.min(offset + CHUNK_BYTES, bytes.length);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch {
    broken = true;
  }
  if (tooLarge !== undefined) return { ok: false, code: 'zip-too-large', member: tooLarge, limitBytes };
  if (broken || [...chunks.keys()].some((name) => !finished.has(name)))
    return { ok: false, code: 'zip-unreadable' };
  const entries = new Map<string, Uint8Array>();
  for (const [name, parts] of chunks) entries.set(name, concatenate(parts));
  return { ok: true, entries };
}

function concatenate(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
