/**
 * The overlays of the active analysis and their legend entries, from its
 * descriptor: rings around the sites it flags (with why, as the legend
 * label) and whatever else it draws. The map and both legends (screen and
 * product) call this one function, so a drawn overlay always has its entry.
 */
import { type Language, translator } from '../i18n/translate';
import { ANALYSIS_INK, type LegendSymbol } from '../map/palette';
import type { Overlay, OverlayOptions } from './analysis-descriptor';
import type { AnalysisParameters } from './parameters';
import { type AnalysisAnswers, type AnalysisId, type AnyAnalysis, analysisOf } from './registry';

const flaggedCache = new WeakMap<object, readonly number[]>();

/** The sites an analysis flags in its answer (memoised per answer, so layers keep their data). */
export function flaggedSites(descriptor: AnyAnalysis, result: unknown): readonly number[] | null {
  if (!descriptor.flagged || result === null || typeof result !== 'object') return null;
  let sites = flaggedCache.get(result);
  if (!sites) {
    sites = descriptor.flagged.sites(result);
    flaggedCache.set(result, sites);
  }
  return sites;
}

/** The ring overlay's swatch: an outline circle in the analysis ink. */
export const FLAG_RING_SYMBOL = { kind: 'ring', color: ANALYSIS_INK } as const;

/** Everything the analysis draws for `result`, rings first. */
export function analysisOverlays(
  descriptor: AnyAnalysis,
  result: unknown,
  options: OverlayOptions,
): Overlay[] {
  if (result === null || result === undefined) return [];
  const overlays: Overlay[] = [];
  const flagged = flaggedSites(descriptor, result);
  const reason = descriptor.flagged?.reason;
  if (flagged && flagged.length > 0 && reason)
    overlays.push({
      spec: { kind: 'site-rings', sites: flagged },
      legend: [
        {
          key: 'flagged-sites',
          symbol: FLAG_RING_SYMBOL,
          label: (t, language) => reason(result, t, language),
        },
      ],
    });
  overlays.push(...descriptor.overlays(result, options));
  return overlays;
}

/** The parts of the app state the overlays depend on. */
export interface OverlayState {
  datasets: { sites: unknown } | null;
  activeAnalysis: AnalysisId | null;
  choropleth: boolean;
  analysisParameters: AnalysisParameters;
}

/** The overlays of the active analysis's current answer (none for an answer on other sites). */
export function activeOverlays(
  state: OverlayState,
  results: AnalysisAnswers & { sites: unknown },
): Overlay[] {
  const active = state.activeAnalysis;
  if (!active || !state.datasets || results.sites !== state.datasets.sites) return [];
  return analysisOverlays(analysisOf(active), results[active], {
    choropleth: state.choropleth,
    parameters: state.analysisParameters,
  });
}

/** The legend of the active analysis's overlays, translated: what the legends on screen and on products list. */
export interface AnalysisLegend {
  /** "Analysis: Access constraints". */
  heading: string;
  entries: readonly { key: string; symbol: LegendSymbol; label: string }[];
  /** Derived from a sensitive layer: printed with the sensitivity warning. */
  sensitive: boolean;
}

/** The legend of what `activeOverlays` draws; null when it draws nothing. */
export function analysisLegend(
  state: OverlayState & { language: Language },
  results: AnalysisAnswers & { sites: unknown },
): AnalysisLegend | null {
  const active = state.activeAnalysis;
  const entries = activeOverlays(state, results).flatMap((overlay) => overlay.legend);
  if (!active || entries.length === 0) return null;
  const t = translator(state.language);
  const descriptor = analysisOf(active);
  return {
    heading: t('legend.analysis', { name: t(descriptor.name) }),
    entries: entries.map((entry) => ({
      key: entry.key,
      symbol: entry.symbol,
      label: entry.label(t, state.language),
    })),
    sensitive: descriptor.sensitive,
  };
}
