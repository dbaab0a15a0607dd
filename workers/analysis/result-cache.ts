/**
 * Caching analysis answers across reloads. The worker hashes each loaded
 * layer once (SHA-256 of its content), and an answer is stored under the
 * engine version, the hashes of the layers it read and its parameters: any
 * edit of an input, or a new engine, gives a new key, so a stale answer is
 * never served. The store behind it is injected (IndexedDB in the worker,
 * nothing in plain Node runs).
 */
import { canonicalJson, sha256Hex } from '../../src/io/content-hash';
import { openDatasetStore } from '../../src/io/dataset-store';
import type { SiteTable } from './site-table';

/** Bump when any analysis would answer differently for the same inputs. */
export const ANALYSIS_ENGINE_VERSION = 'katsit-analysis-1';

export interface AnalysisCache {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
}

/** A site table's content hash: its columns as bytes, then its P-codes; null where SubtleCrypto is missing. */
export async function siteTableHash(table: SiteTable): Promise<string | null> {
  const columns = [table.coordinates, table.households, table.individuals, table.areaSquareMetres];
  const length = columns.reduce((total, column) => total + column.byteLength, 0);
  const pcodes = new TextEncoder().encode(table.admin2Pcodes.join('\u0000'));
  const bytes = new Uint8Array(length + pcodes.byteLength);
  let offset = 0;
  for (const column of columns) {
    bytes.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), offset);
    offset += column.byteLength;
  }
  bytes.set(pcodes, offset);
  return bytesHash(bytes);
}

/** A GeoJSON layer's content hash (key order does not matter); null where SubtleCrypto is missing. */
export async function collectionHash(collection: unknown): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  return sha256Hex(canonicalJson(collection));
}

export async function cacheKey(
  kind: string,
  layerHashes: readonly string[],
  parameters: unknown,
): Promise<string> {
  return `${ANALYSIS_ENGINE_VERSION}:${kind}:${await sha256Hex(canonicalJson({ layerHashes, parameters }))}`;
}

async function bytesHash(bytes: Uint8Array<ArrayBuffer>): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  // Outside secure contexts there is no SubtleCrypto: no trustworthy key, so no caching.
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The cache in IndexedDB (the app's database, `analysisCache` store); undefined where there is none. */
export function indexedDbAnalysisCache(): AnalysisCache | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  let opening: ReturnType<typeof openDatasetStore> | null = null;
  const store = () => {
    opening ??= openDatasetStore({ onVersionChange: () => (opening = null) });
    return opening;
  };
  return {
    async get(key) {
      const opened = await store();
      if (!opened.ok) return undefined;
      const entry = await opened.value.getAnalysis(key);
      return entry.ok ? entry.value : undefined;
    },
    async put(key, value) {
      const opened = await store();
      // A full disk or a blocked upgrade only costs the cache: the answer is still shown.
      if (opened.ok) await opened.value.putAnalysis(key, value);
    },
  };
}
