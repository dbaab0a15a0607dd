/**
 * HXL hashtags (`#affected+idps+ind`): the hashtag names the kind of value,
 * the `+attributes` refine it and their order does not matter. Matching is
 * case-insensitive, as HXL itself specifies.
 */

/** A parsed HXL tag: hashtag without `#`, attributes lower-cased. */
export interface HxlTag {
  hashtag: string;
  attributes: Set<string>;
}

const TAG_PATTERN = /^#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*$/i;

/** Parses `#geo +lat` or `#geo+lat`; undefined when the text is not a tag. */
export function parseHxlTag(text: string): HxlTag | undefined {
  const trimmed = text.trim();
  if (!TAG_PATTERN.test(trimmed)) return undefined;
  const [hashtag = '', ...attributes] = trimmed
    .slice(1)
    .toLowerCase()
    .split('+')
    .map((part) => part.trim());
  return { hashtag, attributes: new Set(attributes) };
}

/**
 * How well `actual` answers for `wanted`: 2 = same hashtag and same attribute
 * set, 1 = same hashtag and all wanted attributes (plus others), 0 = no match.
 * Exact matches win so `#affected+idps+ind` beats `#affected+idps+ind+f`.
 */
export function hxlMatchScore(actual: string, wanted: string): 0 | 1 | 2 {
  const actualTag = parseHxlTag(actual);
  const wantedTag = parseHxlTag(wanted);
  if (!actualTag || !wantedTag || actualTag.hashtag !== wantedTag.hashtag) return 0;
  for (const attribute of wantedTag.attributes) {
    if (!actualTag.attributes.has(attribute)) return 0;
  }
  return actualTag.attributes.size === wantedTag.attributes.size ? 2 : 1;
}

/**
 * True for a row of HXL tags: at least one cell is a tag and every non-empty
 * cell is one (HXL allows untagged columns, never prose in the tag row).
 */
export function isHxlRow(cells: readonly string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  return filled.length > 0 && filled.every((cell) => parseHxlTag(cell) !== undefined);
}
