/**
 * The timeline over the rounds of a site-list series (issue 17): its steps
 * (one per "as of" date; two partners' lists of one date are one step), which
 * step the data library shows, the visibility choices that show another one,
 * and a round's totals for the country, a commune or one site. Pure: the
 * timeline view and the trend chart read it, the unit tests check it.
 *
 * The shown round is never held here: the data library's visibility choices
 * are the one truth (shown-datasets.ts), which the map, the analyses and the
 * key figures already follow.
 */
import type { Feature } from 'geojson';
import type { RoundEntry } from './round-series';

/** One position of the slider: a date of the series and the rounds of that date. */
export interface TimelineStep {
  asOf: string;
  /** The label of its rounds ("Round 24"; several joined with " + "). */
  label: string;
  /** Dataset ids of its rounds, in series order. */
  ids: readonly string[];
}

/** The steps of a series (earliest first, as `roundSeries` orders it). */
export function timelineSteps(series: readonly RoundEntry[]): TimelineStep[] {
  const steps: { asOf: string; labels: string[]; ids: string[] }[] = [];
  for (const entry of series) {
    const last = steps.at(-1);
    if (last?.asOf === entry.round.asOf) {
      last.ids.push(entry.id);
      if (!last.labels.includes(entry.round.label)) last.labels.push(entry.round.label);
    } else steps.push({ asOf: entry.round.asOf, labels: [entry.round.label], ids: [entry.id] });
  }
  return steps.map(({ asOf, labels, ids }) => ({ asOf, label: labels.join(' + '), ids }));
}

/** The step the library shows: the latest one with a shown round; -1 when it shows none. */
export function shownStepIndex(steps: readonly TimelineStep[], shownIds: ReadonlySet<string>): number {
  for (let index = steps.length - 1; index >= 0; index--)
    if (steps[index]?.ids.some((id) => shownIds.has(id))) return index;
  return -1;
}

/** The step a round (dataset id) belongs to; -1 when it is in none. */
export const stepOfRound = (steps: readonly TimelineStep[], id: string): number =>
  steps.findIndex((step) => step.ids.includes(id));

/**
 * The visibility changes that show step `index` alone among the rounds:
 * hiding first, so the site list is never two rounds at once (a site counted
 * twice, even for a moment). Rounds already as wanted are left out.
 */
export function visibilityForStep(
  steps: readonly TimelineStep[],
  index: number,
  shownIds: ReadonlySet<string>,
): [id: string, shown: boolean][] {
  const hide: [string, boolean][] = [];
  const show: [string, boolean][] = [];
  steps.forEach((step, position) => {
    for (const id of step.ids) {
      const wanted = position === index;
      if (shownIds.has(id) !== wanted) (wanted ? show : hide).push([id, wanted]);
    }
  });
  return [...hide, ...show];
}

/**
 * Whether a newer round came into the series while the latest was shown: the
 * timeline then moves on to it (the latest by default), rather than leave the
 * previous one shown beside it (the old round's explicit choice would keep it
 * shown, its sites counted twice).
 */
export function newerRoundArrived(
  previous: readonly TimelineStep[],
  next: readonly TimelineStep[],
  previousShownIndex: number,
): boolean {
  const before = previous.at(-1)?.asOf;
  const after = next.at(-1)?.asOf;
  return (
    before !== undefined &&
    after !== undefined &&
    after > before &&
    previousShownIndex === previous.length - 1
  );
}

/** The next step of "play"; null at the last (play stops there). */
export const nextStep = (index: number, count: number): number | null =>
  index + 1 < count ? index + 1 : null;

/** What the totals are taken over: the whole country, one admin area (department or commune P-code) or one site (id). */
export type TrendScope =
  | { kind: 'country' }
  | { kind: 'area'; code: string; name: string }
  | { kind: 'site'; id: string; name: string };

/** A round's totals over a scope; a count missing on a site is unknown, left out of the sums and counted. */
export interface RoundTotals {
  sites: number;
  people: number;
  households: number;
  /** Sites whose people (households) are unknown in this round. */
  peopleUnknown: number;
  householdsUnknown: number;
}

const known = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const inScope = (feature: Feature, scope: TrendScope): boolean => {
  const properties = feature.properties ?? {};
  if (scope.kind === 'area')
    return properties.admin2Pcode === scope.code || properties.admin1Pcode === scope.code;
  if (scope.kind === 'site') return String(properties.id ?? feature.id ?? '') === scope.id;
  return true;
};

/** The totals of one round's sites (every list of that date) over a scope. */
export function roundTotals(rounds: readonly (readonly Feature[])[], scope: TrendScope): RoundTotals {
  const totals: RoundTotals = { sites: 0, people: 0, households: 0, peopleUnknown: 0, householdsUnknown: 0 };
  for (const features of rounds)
    for (const feature of features) {
      if (!inScope(feature, scope)) continue;
      const { individuals, households } = feature.properties ?? {};
      totals.sites++;
      if (known(individuals)) totals.people += individuals;
      else totals.peopleUnknown++;
      if (known(households)) totals.households += households;
      else totals.householdsUnknown++;
    }
  return totals;
}

/**
 * People as the chart draws them: null (a gap) when no site in scope has a
 * known count — a site absent from a round, or counts missing — never 0 for
 * what is not known. An area with no site that round has 0 people.
 */
export function chartedPeople(totals: RoundTotals, scope: TrendScope): number | null {
  if (scope.kind === 'site' && totals.sites === 0) return null;
  if (totals.sites > 0 && totals.peopleUnknown >= totals.sites) return null;
  return totals.people;
}

/** Sites as the chart draws them: a single site has no sites line (null). */
export const chartedSites = (totals: RoundTotals, scope: TrendScope): number | null =>
  scope.kind === 'site' ? null : totals.sites;

/** What the app has selected that a local trend can follow. */
export interface ScopeChoice {
  /** The selected site's id, or null. */
  site: string | null;
  /** The selected admin area's P-code (clicked on the map), or null. */
  area: string | null;
  /** The site filter's commune, else its department, or null. */
  filterArea: string | null;
}

const textOf = (value: unknown, fallback: string): string =>
  typeof value === 'string' && value !== '' ? value : fallback;

/**
 * The scope besides the country: the selected site, else the selected admin
 * area, else the area of the site filter; named from the round shown
 * (`rounds`). Null when nothing is selected or filtered.
 */
export function localScope(rounds: readonly (readonly Feature[])[], choice: ScopeChoice): TrendScope | null {
  // Searched round by round, never copied whole: a series of large rounds is millions of sites.
  const find = (scope: TrendScope) => {
    for (const features of rounds) {
      const found = features.find((feature) => inScope(feature, scope));
      if (found) return found.properties ?? {};
    }
    return {};
  };
  if (choice.site !== null) {
    const id = choice.site;
    return { kind: 'site', id, name: textOf(find({ kind: 'site', id, name: '' }).name, id) };
  }
  const code = choice.area ?? choice.filterArea;
  if (code === null) return null;
  const properties = find({ kind: 'area', code, name: '' });
  const name = properties.admin2Pcode === code ? properties.admin2Name : properties.admin1Name;
  return { kind: 'area', code, name: textOf(name, code) };
}
