/**
 * What the map draws for a comparison: the later round's sites, each with
 * the way its people changed, and the closed sites of the earlier round
 * (drawn hollow). Sites without coordinates are left out, as everywhere on
 * the map.
 */
import type { RoundColumns, RoundComparison } from '../../workers/analysis/round-comparison';
import type { RoundSiteChanges } from './round-site-changes';

/** How a site changed between the two rounds. */
export type RoundChangeKind = 'opened' | 'grew' | 'declined' | 'steady' | 'unknown' | 'closed';

/** In the order the legend lists them. */
export const ROUND_CHANGE_KINDS: readonly RoundChangeKind[] = [
  'opened',
  'grew',
  'steady',
  'declined',
  'unknown',
  'closed',
];

export interface RoundMark {
  longitude: number;
  latitude: number;
  kind: RoundChangeKind;
}

/** The marks of one comparison; a new object per comparison, so the map layer rebuilds only then. */
export interface RoundChangeMap {
  marks: readonly RoundMark[];
  /** The same comparison site by site (site table, site filter, products); absent in a bare map of marks. */
  sites?: RoundSiteChanges;
}

const kindOf = (change: number): RoundChangeKind =>
  Number.isNaN(change) ? 'unknown' : change > 0 ? 'grew' : change < 0 ? 'declined' : 'steady';

export function roundChangeMap(
  comparison: RoundComparison,
  before: RoundColumns,
  after: RoundColumns,
): RoundChangeMap {
  const marks: RoundMark[] = [];
  const push = (columns: RoundColumns, row: number, kind: RoundChangeKind) => {
    const longitude = columns.longitudes[row] ?? Number.NaN;
    const latitude = columns.latitudes[row] ?? Number.NaN;
    if (Number.isFinite(longitude) && Number.isFinite(latitude)) marks.push({ longitude, latitude, kind });
  };
  for (const row of comparison.closed) push(before, row, 'closed');
  comparison.continuingAfter.forEach((row, pair) => {
    push(after, row, kindOf(comparison.peopleChange[pair] ?? Number.NaN));
  });
  for (const row of comparison.opened) push(after, row, 'opened');
  return { marks };
}
