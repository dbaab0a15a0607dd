/**
 * Hashes for analysis-cache keys: SHA-256 of a canonical JSON string (object
 * keys sorted), so the same parameters hash the same whatever order their
 * members were written in. Datasets are no longer hashed on save (a whole
 * collection as one JSON string froze the page for seconds on large layers).
 */

/** JSON with object keys sorted at every level; `undefined` members dropped as JSON does. */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, member: unknown) => {
      if (member && typeof member === 'object' && !Array.isArray(member)) {
        const sorted: Record<string, unknown> = {};
        for (const key of Object.keys(member).sort()) sorted[key] = (member as Record<string, unknown>)[key];
        return sorted;
      }
      return member;
    }) ?? 'null'
  );
}

/** Hex SHA-256 of a text. */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  const bytes = new TextEncoder().encode(text);
  if (!subtle) {
    // crypto.subtle exists only in secure contexts; a page opened over plain
    // http on a LAN address still needs stable cache keys, not security.
    return `fnv1a-${fnv1a(bytes)}`;
  }
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function fnv1a(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
