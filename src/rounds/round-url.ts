/**
 * The compared rounds in a link: `rounds=<base id>~<later id>`. Dataset ids
 * are UUIDs or `dataset-…` (letters, digits and hyphens), so they need no
 * escaping; anything else is not one of ours and is dropped whole.
 */
import type { RoundPair } from './round-series';

const DATASET_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Null when an id could not be read back. */
export function encodeRoundPair(pair: RoundPair): string | null {
  return DATASET_ID.test(pair.base) && DATASET_ID.test(pair.later) ? `${pair.base}~${pair.later}` : null;
}

/** Never throws: a malformed value gives undefined. */
export function decodeRoundPair(text: string | null): RoundPair | undefined {
  if (text === null) return undefined;
  const [base = '', later = '', ...rest] = text.split('~');
  if (rest.length > 0 || base === later || !DATASET_ID.test(base) || !DATASET_ID.test(later))
    return undefined;
  return { base, later };
}
