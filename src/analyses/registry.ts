/**
 * The analyses, in panel order: the one list every consumer iterates. Adding
 * an analysis is a new descriptor file, its catalogue strings and one line
 * here (see README.md beside this file).
 */
import { accessAnalysis } from './access';
import { adminAnalysis } from './admin';
import type { AnalysisDescriptor } from './analysis-descriptor';
import { areaAnalysis } from './area';
import { candidateAnalysis } from './candidate';
import { coverageAnalysis } from './coverage';
import { exposureAnalysis } from './exposure';
import { spaceAnalysis } from './space';

const LIST = [
  exposureAnalysis,
  accessAnalysis,
  coverageAnalysis,
  spaceAnalysis,
  areaAnalysis,
  adminAnalysis,
  candidateAnalysis,
] as const;

type Listed = (typeof LIST)[number];

/** The id of an analysis of the panel. */
export type AnalysisId = Listed['id'];

/** A descriptor seen from outside: its result and input types erased (see analysis-descriptor.ts). */
export type AnyAnalysis = AnalysisDescriptor<AnalysisId, unknown, unknown>;

/** The result type of each analysis, by id. */
export type AnalysisAnswers = {
  [Descriptor in Listed as Descriptor['id']]: Descriptor extends AnalysisDescriptor<
    string,
    infer Result,
    infer _Input
  >
    ? Result | null
    : never;
};

/** Every analysis, in panel order. */
export const ANALYSES: readonly AnyAnalysis[] = LIST;

export const ANALYSIS_IDS: readonly AnalysisId[] = LIST.map((descriptor) => descriptor.id);

export function isAnalysisId(value: string): value is AnalysisId {
  return (ANALYSIS_IDS as readonly string[]).includes(value);
}

/** The descriptor of an analysis. */
export function analysisOf(id: AnalysisId): AnyAnalysis {
  const descriptor = ANALYSES.find((candidate) => candidate.id === id);
  if (!descriptor) throw new Error(`no analysis ${id}`);
  return descriptor;
}

/** Answers of every analysis, all null. */
export function emptyAnswers(): AnalysisAnswers {
  return Object.fromEntries(ANALYSIS_IDS.map((id) => [id, null])) as unknown as AnalysisAnswers;
}
