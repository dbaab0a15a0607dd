/**
 * An approximate size in bytes of a value about to be stored, for the
 * analysis cache's size cap. It counts what dominates a structured clone:
 * typed arrays and buffers by their byte length, strings by their length,
 * numbers as 8 bytes, and the keys of objects. It is a budget, not an exact
 * measure; shared or cyclic members are counted once.
 */
export function approximateByteSize(value: unknown): number {
  const seen = new Set<object>();
  // An explicit stack: answers can hold arrays of a million members.
  const stack: unknown[] = [value];
  let bytes = 0;
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') bytes += item.length;
    else if (typeof item === 'number' || typeof item === 'bigint') bytes += 8;
    else if (typeof item === 'boolean' || item === null || item === undefined) bytes += 1;
    else if (typeof item === 'object') {
      if (seen.has(item)) continue;
      seen.add(item);
      if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer) bytes += item.byteLength;
      else if (Array.isArray(item)) for (const member of item) stack.push(member);
      else if (item instanceof Map)
        for (const [key, member] of item) {
          stack.push(key);
          stack.push(member);
        }
      else if (item instanceof Set) for (const member of item) stack.push(member);
      else if (item instanceof Date) bytes += 8;
      else
        for (const [key, member] of Object.entries(item)) {
          bytes += key.length;
          stack.push(member);
        }
    }
  }
  return bytes;
}
