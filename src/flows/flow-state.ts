/**
 * The flows layer's state (issue 17), in its own small store beside the app's:
 * the placed records, the communes they were placed against (the engine's
 * area list), where they came from, what is shown and the last import's report.
 */
import type { MovementSummary } from '../../workers/analysis/flow-aggregation';
import type { FlowField } from './flow-columns';
import type { FlowRecord, FlowRowProblem } from './flow-rows';
import { ALL_FLOWS, type FlowFilter } from './flow-selection';

/** What the last movements import read, for the panel's report. */
export type FlowImportReport =
  | { ok: true; fileName: string; imported: number; problems: readonly FlowRowProblem[] }
  | { ok: false; fileName: string; missing: readonly FlowField[] };

/** Something about the kept movements table the panel says once. */
export type FlowStorageNotice =
  /** The kept table did not read back and was removed; nothing else was touched. */
  | 'damaged'
  /** The import is shown but could not be kept for the next visit. */
  | 'not-kept';

export interface FlowState {
  records: readonly FlowRecord[];
  /** The communes the records were placed against, in the engine's area order. */
  communes: readonly { pcode: string; name: string }[];
  /** `demo` for the fictional demo movements, else the imported file's name; null before any. */
  source: 'demo' | { fileName: string } | null;
  /** Arcs drawn. */
  shown: boolean;
  /** Points of entry drawn. */
  entriesShown: boolean;
  filter: FlowFilter;
  report: FlowImportReport | null;
  /** Communes coloured by host pressure (under the arcs). */
  pressureShown: boolean;
  /** The engine's aggregates of the selection (the panel computes them); null before any. */
  summary: MovementSummary | null;
  /** The imported table is kept in IndexedDB (flow-store.ts). */
  kept: boolean;
  notice: FlowStorageNotice | null;
}

/** Nothing loaded and nothing drawn: the demo movements load when the layer is first shown. */
export function initialFlowState(): FlowState {
  return {
    records: [],
    communes: [],
    source: null,
    shown: false,
    entriesShown: false,
    filter: ALL_FLOWS,
    report: null,
    pressureShown: false,
    summary: null,
    kept: false,
    notice: null,
  };
}
