/**
 * The mark a repaired feature carries in its properties, so analyses and
 * exports can say which zones were repaired. Its own module so the main
 * thread (field mapping) can know it without loading the repairs' Turf code.
 */

/** The property a repaired feature carries. */
export const REPAIRED_PROPERTY = 'repaired';
/** Its value for a self-intersecting (bow-tie) polygon split into simple parts. */
export const SELF_INTERSECTION_REPAIRED = 'self-intersection';
