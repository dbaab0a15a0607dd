/**
 * What the flows layer shows and the engine counts (issue 17): the records of
 * the chosen categories and period, as the engine's columns. The engine's
 * areas are the communes, then the points of entry: a repatriation leaves
 * from its point of entry (people come from abroad through it), never from
 * the commune around it, so the pairs can name the crossing and the
 * commune's departures stay internal ones.
 */
import type { FlowColumns, FlowSelection } from '../../workers/analysis/flow-aggregation';
import type { SiteCollection } from '../domain/types';
import { FLOW_CATEGORIES, type FlowCategory, isRepatriation } from './flow-categories';
import type { FlowRecord } from './flow-rows';
import { POINTS_OF_ENTRY } from './points-of-entry';

/** The engine's areas for these communes: the communes, then every point of entry. */
export const flowAreaCount = (communes: readonly unknown[]): number =>
  communes.length + POINTS_OF_ENTRY.length;

/** The filter the flows control sets. */
export interface FlowFilter {
  categories: ReadonlySet<FlowCategory>;
  /** First and last ISO day shown; null leaves that end open. */
  fromDate: string | null;
  toDate: string | null;
}

/** Every category, no period: what a new flows layer starts with. */
export const ALL_FLOWS: FlowFilter = { categories: new Set(FLOW_CATEGORIES), fromDate: null, toDate: null };

/** Days since 1970-01-01 (UTC) of an ISO day. */
export const dayOf = (isoDate: string): number => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);

/** The engine's selection for a filter. */
export function flowSelection(filter: FlowFilter): FlowSelection {
  return {
    fromDay: filter.fromDate === null ? Number.MIN_SAFE_INTEGER : dayOf(filter.fromDate),
    toDay: filter.toDate === null ? Number.MAX_SAFE_INTEGER : dayOf(filter.toDate),
    categories: new Set([...filter.categories].map((category) => FLOW_CATEGORIES.indexOf(category))),
  };
}

/** The records a filter keeps: what the map draws. */
export function selectedFlows(records: readonly FlowRecord[], filter: FlowFilter): FlowRecord[] {
  const { fromDay, toDay } = flowSelection(filter);
  return records.filter((record) => {
    const day = dayOf(record.date);
    return filter.categories.has(record.category) && day >= fromDay && day <= toDay;
  });
}

/**
 * Every record as the engine's columns (it filters by the selection itself);
 * a repatriation whose origin is no point of entry comes from outside (−1).
 */
export function flowColumns(records: readonly FlowRecord[], communeCount: number): FlowColumns {
  const originOf = (record: FlowRecord) => {
    if (!isRepatriation(record.category)) return record.origin.commune;
    return record.origin.entry >= 0 ? communeCount + record.origin.entry : -1;
  };
  return {
    origins: Int32Array.from(records, originOf),
    destinations: Int32Array.from(records, (record) => record.destination.commune),
    counts: Float64Array.from(records, (record) => record.count),
    days: Int32Array.from(records, (record) => dayOf(record.date)),
    categories: Uint8Array.from(records, (record) => FLOW_CATEGORIES.indexOf(record.category)),
  };
}

/**
 * People in sites per engine area (by the sites' declared commune P-code, so
 * sites known only by their admin area count too; none at points of entry):
 * the denominator of host pressure.
 */
export function displacedByArea(sites: SiteCollection, communes: readonly { pcode: string }[]): Float64Array {
  const index = new Map(communes.map((commune, at) => [commune.pcode, at]));
  const displaced = new Float64Array(flowAreaCount(communes));
  for (const site of sites.features) {
    const at = index.get(site.properties.admin2Pcode ?? '');
    const people = site.properties.individuals;
    if (at !== undefined && Number.isFinite(people)) displaced[at] = (displaced[at] ?? 0) + people;
  }
  return displaced;
}
