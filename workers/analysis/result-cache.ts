/**
 * Caching analysis answers across reloads, the pure part: content hashes of
 * the layers, cache keys, the cache interface and the check of an entry read
 * back. An answer is stored under the engine version, the hashes of the
 * layers it read and its parameters: any edit of an input, or a new engine,
 * gives a new key, so a stale answer is never served. The store behind the
 * interface is injected (IndexedDB beside the worker entry, a Map in tests,
 * nothing in plain Node runs).
 *
 * The hash is a fast non-cryptographic one (two MurmurHash3 lanes, 64 bits)
 * computed in the worker: cache identity needs no secrecy, and it works
 * where SubtleCrypto is missing (pages served over plain http on a LAN).
 */
import { validCacheEntry } from './cache-entry-validation';
import type { SiteTable } from './site-table';

export { validCacheEntry };

/** Bump when any analysis would answer differently for the same inputs. */
export const ANALYSIS_ENGINE_VERSION = 'katsit-analysis-3';

/** Where answers are kept across reloads; every method may reject (a broken store only costs the shortcut). */
export interface AnalysisCache {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

const SEED_LOW = 0x9747b28c;
const SEED_HIGH = 0x5bd1e995;

/** A running hash over 32-bit words; `digest` gives 16 hex digits. */
class WordHash {
  private low = SEED_LOW;
  private high = SEED_HIGH;
  private words = 0;

  add(word: number): void {
    let mixed = Math.imul(word, 0xcc9e2d51);
    mixed = (mixed << 15) | (mixed >>> 17);
    mixed = Math.imul(mixed, 0x1b873593);
    this.low ^= mixed;
    this.low = (this.low << 13) | (this.low >>> 19);
    this.low = (Math.imul(this.low, 5) + 0xe6546b64) | 0;
    this.high ^= mixed;
    this.high = (this.high << 17) | (this.high >>> 15);
    this.high = (Math.imul(this.high, 9) + 0x38b34ae5) | 0;
    this.words += 1;
  }

  addWords(words: Uint32Array): void {
    for (let index = 0; index < words.length; index += 1) this.add(words[index]!);
  }

  addText(text: string): void {
    this.add(text.length);
    for (let index = 0; index < text.length; index += 1) this.add(text.charCodeAt(index));
  }

  digest(): string {
    const finish = (value: number): number => {
      let mixed = value ^ this.words;
      mixed ^= mixed >>> 16;
      mixed = Math.imul(mixed, 0x85ebca6b);
      mixed ^= mixed >>> 13;
      mixed = Math.imul(mixed, 0xc2b2ae35);
      mixed ^= mixed >>> 16;
      return mixed >>> 0;
    };
    const low = finish(this.low);
    const high = finish(this.high ^ low);
    return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
  }
}

const wordsOf = (column: Float64Array): Uint32Array =>
  new Uint32Array(column.buffer, column.byteOffset, column.byteLength / 4);

/** A site table's content hash: that of the columns it was made from, else its columns word by word, then its P-codes. */
export function siteTableHash(table: SiteTable): string {
  // Made from hashed columns (a pure function of them): their hash is the identity, at no cost.
  if (table.contentHash) return `k${table.contentHash}`;
  const hash = new WordHash();
  for (const column of [
    table.coordinates,
    table.households,
    table.individuals,
    table.areaSquareMetres,
    table.coveredSquareMetres ?? new Float64Array(0),
    Float64Array.from(table.communalServicesOutside ?? []),
  ]) {
    hash.add(column.length);
    hash.addWords(wordsOf(column));
  }
  for (const texts of [table.admin2Pcodes, table.admin1Pcodes, table.admin2Names, table.admin3Pcodes]) {
    hash.add(texts?.length ?? -1);
    for (const text of texts ?? []) hash.addText(text);
  }
  return `s${hash.digest()}`;
}

/** JSON with object keys sorted at every level, so key order never changes a hash; throws on BigInt or cycles. */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, member: unknown) => {
      if (member && typeof member === 'object' && !Array.isArray(member) && !ArrayBuffer.isView(member)) {
        const sorted: Record<string, unknown> = {};
        for (const key of Object.keys(member).sort()) sorted[key] = (member as Record<string, unknown>)[key];
        return sorted;
      }
      return member;
    }) ?? 'null'
  );
}

/** The hash of a text. */
export function textHash(text: string): string {
  const hash = new WordHash();
  hash.addText(text);
  return hash.digest();
}

/** A GeoJSON layer's content hash (key order does not matter). */
export function collectionHash(collection: unknown): string {
  return `c${textHash(canonicalJson(collection))}`;
}

/** The key of an answer: engine version, analysis kind, and a hash of its input hashes and parameters. */
export function cacheKey(kind: string, layerHashes: readonly string[], parameters: unknown): string {
  return `${ANALYSIS_ENGINE_VERSION}:${kind}:${textHash(canonicalJson({ layerHashes, parameters }))}`;
}
