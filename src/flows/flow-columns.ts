/**
 * Which columns of a table hold the parts of a movement (flows, issue 17):
 * HXL tags first (exact tag, then the tag with extra attributes), then column
 * names, from the one synonym table (`FLOW_SYNONYMS`). A column serves one
 * field only, so `#adm2+code+origin` is the origin's code and not also its name.
 */
import { FLOW_SYNONYMS } from '../domain/field-synonyms';
import { normaliseFieldName } from '../io/field-names';
import { hxlMatchScore } from '../io/hxl';
import type { SourceColumn } from '../io/problem';

export type FlowField = keyof typeof FLOW_SYNONYMS;

/** The column index of each field found. */
export type FlowColumnIndexes = Partial<Record<FlowField, number>>;

const FIELDS = Object.keys(FLOW_SYNONYMS) as FlowField[];

/** Matches the columns to the flow fields; each column is used at most once. */
export function flowColumnIndexes(columns: readonly SourceColumn[]): FlowColumnIndexes {
  const used = new Set<number>();
  const found: FlowColumnIndexes = {};
  const names = columns.map((column) => normaliseFieldName(column.name));
  const take = (field: FlowField, index: number) => {
    found[field] = index;
    used.add(index);
  };
  const tagged = (tag: string, score: 1 | 2) =>
    columns.findIndex(
      (column, index) =>
        !used.has(index) && column.hxlTag !== undefined && hxlMatchScore(column.hxlTag, tag) >= score,
    );
  // Exact tags everywhere before looser matches, so `#adm2+origin` never takes a `#adm2+code+origin` column.
  for (const score of [2, 1] as const) {
    for (const field of FIELDS) {
      if (found[field] !== undefined) continue;
      for (const tag of FLOW_SYNONYMS[field].hxl) {
        const index = tagged(tag, score);
        if (index >= 0) {
          take(field, index);
          break;
        }
      }
    }
  }
  for (const field of FIELDS) {
    if (found[field] !== undefined) continue;
    for (const name of FLOW_SYNONYMS[field].names) {
      const index = names.findIndex(
        (candidate, at) => !used.has(at) && candidate === normaliseFieldName(name),
      );
      if (index >= 0) {
        take(field, index);
        break;
      }
    }
  }
  return found;
}

/** Whether one side (origin or destination) of a movement can be placed from these columns. */
export function locatesSide(indexes: FlowColumnIndexes, side: 'origin' | 'destination'): boolean {
  return (
    indexes[`${side}Code`] !== undefined ||
    indexes[`${side}Name`] !== undefined ||
    (indexes[`${side}Latitude`] !== undefined && indexes[`${side}Longitude`] !== undefined)
  );
}
