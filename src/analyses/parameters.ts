/**
 * The user-set parameters of the analyses: default, limits, step, label and
 * URL key of each, in one table. Descriptors list the ones they read; the
 * panel draws an input per listed parameter, the URL writes and reads them by
 * their key, and the defaults start the app state.
 */
import { DEFAULT_ACCESS_DISTANCE_METRES } from '../../workers/analysis/access-constraints';
import { DEFAULT_HEALTH_DISTANCE_METRES } from '../../workers/analysis/sphere-standards';
import type { MessageKey } from '../i18n/fr';

export interface AnalysisParameters {
  /** Access constraints: a site within this distance of a gang-controlled area is constrained. */
  accessDistanceMeters: number;
  /** Service coverage: health beyond this distance is flagged. */
  healthDistanceMeters: number;
}

export type ParameterKey = keyof AnalysisParameters;

export interface ParameterSpec {
  key: ParameterKey;
  /** Label of the panel's input. */
  label: MessageKey;
  defaultValue: number;
  /** Accepted range in the panel. */
  minimum: number;
  maximum: number;
  step: number;
  /** Name in the URL hash (`access=2500`). */
  urlKey: string;
}

export const ACCESS_DISTANCE: ParameterSpec = {
  key: 'accessDistanceMeters',
  label: 'analysis.accessDistance',
  defaultValue: DEFAULT_ACCESS_DISTANCE_METRES,
  minimum: 0,
  maximum: 20_000,
  step: 100,
  urlKey: 'access',
};

export const HEALTH_DISTANCE: ParameterSpec = {
  key: 'healthDistanceMeters',
  label: 'analysis.healthDistance',
  defaultValue: DEFAULT_HEALTH_DISTANCE_METRES,
  minimum: 100,
  maximum: 50_000,
  step: 500,
  urlKey: 'health',
};

/** Every parameter, in panel order: the per-site flags read them all. */
export const PARAMETER_SPECS: readonly ParameterSpec[] = [ACCESS_DISTANCE, HEALTH_DISTANCE];

export function defaultParameters(): AnalysisParameters {
  return Object.fromEntries(
    PARAMETER_SPECS.map((spec) => [spec.key, spec.defaultValue]),
  ) as unknown as AnalysisParameters;
}
