/**
 * Sensitivity follows the data: a view shows sensitive data when the
 * gang-control layer is visible, or when the active analysis derives its
 * answer from that layer (access constraints, candidate checks) — even with
 * the layer itself hidden. Products and exports read this one rule.
 */
import type { LayerId } from '../domain/types';
import { type AnalysisId, analysisOf } from './registry';

export interface SensitivityInputs {
  layers: Record<LayerId, { visible: boolean }>;
  activeAnalysis: AnalysisId | null;
}

/** True when the active analysis's figures or overlays derive from a sensitive layer. */
export function analysisIsSensitive(analysis: AnalysisId | null): boolean {
  return analysis !== null && analysisOf(analysis).sensitive;
}

/** True when a product of this view must carry the sensitivity label. */
export function viewIsSensitive(state: SensitivityInputs): boolean {
  return state.layers.control.visible || analysisIsSensitive(state.activeAnalysis);
}
