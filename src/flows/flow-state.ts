/**
 * The flows layer's state (issue 17), in its own small store beside the app's:
 * the placed records, the communes they were placed against (the engine's
 * area list), where they came from, what is shown and the last import's report.
 */
import type { FlowField } from './flow-columns';
import type { FlowRecord, FlowRowProblem } from './flow-rows';
import { ALL_FLOWS, type FlowFilter } from './flow-selection';

/** What the last movements import read, for the panel's report. */
export type FlowImportReport =
  | { ok: true; fileName: string; imported: number; problems: readonly FlowRowProblem[] }
  | { ok: false; fileName: string; missing: readonly FlowField[] };

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
  };
}
