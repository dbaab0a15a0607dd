/**
 * The round the timeline shows, in a link: `round=<dataset id>`. Only a
 * dataset id is taken (letters, digits, `_` and `-`, as round-url.ts reads
 * the compared pair); anything else is dropped whole.
 */

const DATASET_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Null when the id could not be read back. */
export const encodeShownRound = (id: string): string | null => (DATASET_ID.test(id) ? id : null);

/** Never throws: anything but a dataset id gives undefined. */
export const decodeShownRound = (text: string | null): string | undefined =>
  text !== null && DATASET_ID.test(text) ? text : undefined;
