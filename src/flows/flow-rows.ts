/**
 * Rows of a movements table into placed movements (issue 17). Each end is
 * placed by its coordinates, else its P-code (or point-of-entry id), else its
 * name; the count is required and never invented; a row whose end cannot be
 * placed, or whose count, date or category cannot be read, is reported with
 * its spreadsheet row number and left out — never silently dropped.
 */
import { isBlank, parseCount, parseNumber } from '../io/numbers';
import { normaliseDate } from '../io/value-normalisation';
import { type FlowCategory, parseFlowCategory } from './flow-categories';
import { type FlowColumnIndexes, type FlowField, locatesSide } from './flow-columns';
import type { FlowTable } from './flow-file';
import type { FlowGazetteer, FlowPlace } from './flow-places';

/** One movement record, placed. */
export interface FlowRecord {
  /** Spreadsheet row (1-based) it came from. */
  row: number;
  origin: FlowPlace;
  destination: FlowPlace;
  count: number;
  /** ISO day. */
  date: string;
  category: FlowCategory;
}

export const FLOW_ROW_PROBLEMS = [
  'unplaced-origin',
  'unplaced-destination',
  'bad-count',
  'bad-date',
  'bad-category',
] as const;
export type FlowRowProblemCode = (typeof FLOW_ROW_PROBLEMS)[number];

export interface FlowRowProblem {
  row: number;
  code: FlowRowProblemCode;
  /** The cell text that could not be read (empty when blank). */
  value: string;
}

/** Fields without which no row can be read: the whole file is refused, naming them. */
export type FlowReading =
  | { ok: true; records: FlowRecord[]; problems: FlowRowProblem[] }
  | { ok: false; missing: FlowField[] };

const REQUIRED: readonly FlowField[] = ['count', 'date', 'category'];

/** Reads the data rows (`firstRow` is the 1-based number of `rows[0]`). */
export function readFlowRows(
  rows: readonly (readonly string[])[],
  firstRow: number,
  indexes: FlowColumnIndexes,
  places: FlowGazetteer,
): FlowReading {
  const missing: FlowField[] = [
    ...(locatesSide(indexes, 'origin') ? [] : (['originName'] as const)),
    ...(locatesSide(indexes, 'destination') ? [] : (['destinationName'] as const)),
    ...REQUIRED.filter((field) => indexes[field] === undefined),
  ];
  if (missing.length > 0) return { ok: false, missing };
  const records: FlowRecord[] = [];
  const problems: FlowRowProblem[] = [];
  rows.forEach((cells, offset) => {
    if (cells.every((cell) => isBlank(cell))) return;
    const row = firstRow + offset;
    const cell = (field: FlowField) => {
      const index = indexes[field];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const found: FlowRowProblem[] = [];
    const report = (code: FlowRowProblemCode, value: string) => found.push({ row, code, value });
    const category = parseFlowCategory(cell('category'));
    if (!category) report('bad-category', cell('category'));
    const place = (side: 'origin' | 'destination') => {
      const latitude = parseNumber(cell(`${side}Latitude`), 'decimal');
      const longitude = parseNumber(cell(`${side}Longitude`), 'decimal');
      const name = cell(`${side}Name`);
      const code = cell(`${side}Code`);
      const label = name || code;
      if (latitude !== undefined && longitude !== undefined)
        return places.atPosition([longitude, latitude], label || `${latitude}, ${longitude}`);
      const preferEntry = side === 'origin' && category !== undefined && category !== 'internal';
      const placed = (code && places.byCode(code)) || (name && places.byName(name, preferEntry)) || undefined;
      if (!placed) report(side === 'origin' ? 'unplaced-origin' : 'unplaced-destination', label);
      return placed;
    };
    const origin = place('origin');
    const destination = place('destination');
    const count = parseCount(cell('count'))?.value;
    // A count must be people: whole and positive. Zero moves no one and is left out with the bad ones.
    if (count === undefined || !Number.isInteger(count) || count <= 0) report('bad-count', cell('count'));
    const date = normaliseDate(cell('date'));
    if (!date) report('bad-date', cell('date'));
    if (found.length > 0 || !origin || !destination || !category || !date || count === undefined) {
      problems.push(...found);
      return;
    }
    records.push({ row, origin, destination, count, date, category });
  });
  return { ok: true, records, problems };
}

/** A movements table read from a file, placed against the admin areas loaded now. */
export function placeFlowTable(table: FlowTable, places: FlowGazetteer): FlowReading {
  return readFlowRows(table.rows, table.firstRow, table.indexes, places);
}
