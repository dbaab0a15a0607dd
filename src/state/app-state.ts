import type { SiteClusters } from '../../workers/analysis/site-clusters';
import type { KeyFigure } from '../analyses/analysis-descriptor';
import type { AnalysisLegend } from '../analyses/overlays';
import { type AnalysisParameters, defaultParameters } from '../analyses/parameters';
import { DEFAULT_PRIORITY_WEIGHTS, type PriorityWeights } from '../analyses/priority-score';
import type { AnalysisId } from '../analyses/registry';
import { type Datasets, LAYER_IDS, type LayerId, type SiteCollection } from '../domain/types';
import type { Language } from '../i18n/translate';
import type { RoundChangeMap } from '../rounds/round-marks';
import type { RoundPair } from '../rounds/round-series';
import type { MapMode } from './map-mode';
import { EMPTY_SITE_FILTER, type SiteFilter } from './site-filter';

export type { KeyFigure } from '../analyses/analysis-descriptor';
export type { AnalysisParameters } from '../analyses/parameters';
export type { AnalysisId } from '../analyses/registry';
export type { MapMode } from './map-mode';

export interface LayerSettings {
  visible: boolean;
  /** 0…1, multiplied into the layer's own palette alpha. */
  opacity: number;
}

/** A clicked feature: its layer and its stable id (`id`, or `pcode` for admin areas). */
export interface Selection {
  layerId: LayerId;
  featureId: string;
}

export interface AppState {
  language: Language;
  /**
   * The full collections as loaded or imported; null until loaded. Only loaders,
   * imports and the data manager write it (see state/site-filter.ts).
   */
  sourceDatasets: Datasets | null;
  /** The site filter; `datasets` is `sourceDatasets` with the sites it keeps. */
  siteFilter: SiteFilter;
  /**
   * The data on the map, the analyses, the table and the exports: derived from
   * `sourceDatasets` and `siteFilter` (site-filter-sync.ts); the same object
   * as `sourceDatasets` when no filter is set. Replaced whole, never mutated.
   */
  datasets: Datasets | null;
  layers: Record<LayerId, LayerSettings>;
  selection: Selection | null;
  /** Map zoom rounded to half levels: layers that depend on zoom rebuild only when it crosses a step. */
  zoomStep: number;
  /** Off by default: turning it on sends tile requests off the machine. */
  onlineBasemap: boolean;
  /** The analysis shown in the analysis panel; null when none is open. */
  activeAnalysis: AnalysisId | null;
  analysisParameters: AnalysisParameters;
  /**
   * The map input given to an analysis that waits for one (a drawn area, a candidate
   * location), kept so data changes rerun it and links, saved views and reloads restore it.
   */
  analysisInput: AnalysisInputValue | null;
  /** Weights of the priority score (analyses/priority-score.ts), shown and set in the analysis panel. */
  priorityWeights: PriorityWeights;
  mapMode: MapMode;
  /** Sites, households and individuals per commune drawn as a choropleth. */
  choropleth: boolean;
  /** Totals of the current analysis (empty when none has run). */
  keyFigures: readonly KeyFigure[];
  /** Legend of the current analysis's map overlays (null when it draws none): for the legend and products. */
  analysisLegend: AnalysisLegend | null;
  /** Sites aggregated for the current view at country zoom, with the list they index; null when none are. */
  siteClusters: SiteGroups | null;
  /** The two rounds (sites dataset ids) compared; in links and saved views. Null when none is. */
  roundComparison: RoundPair | null;
  /** That comparison's marks on the map (rounds/round-marks.ts); null until computed or when none is shown. */
  roundChange: RoundChangeMap | null;
  /**
   * The round (sites dataset id) the timeline was asked to show, by itself, a link or a saved view;
   * null: the data library's own choice (the latest round by default). Only the timeline reads it,
   * to set the library's visibility choices, which the layers follow (ui/round-timeline.ts).
   */
  shownRound: string | null;
}

/**
 * The analysis worker's groups of sites and the very site list they were computed for: their
 * single sites are indices into it (map/site-grouping.ts uses them with that list only).
 */
export interface SiteGroups {
  sites: SiteCollection;
  clusters: SiteClusters;
}

/** A map input and the analysis it was given to (the value's type is the descriptor's input). */
export interface AnalysisInputValue {
  analysis: AnalysisId;
  value: unknown;
}

export function initialAppState(language: Language): AppState {
  const layers = Object.fromEntries(LAYER_IDS.map((id) => [id, { visible: true, opacity: 1 }])) as Record<
    LayerId,
    LayerSettings
  >;
  return {
    language,
    sourceDatasets: null,
    siteFilter: EMPTY_SITE_FILTER,
    datasets: null,
    layers,
    selection: null,
    zoomStep: 7.5,
    onlineBasemap: false,
    activeAnalysis: null,
    analysisParameters: defaultParameters(),
    analysisInput: null,
    priorityWeights: DEFAULT_PRIORITY_WEIGHTS,
    mapMode: 'select',
    choropleth: false,
    keyFigures: [],
    analysisLegend: null,
    siteClusters: null,
    roundComparison: null,
    roundChange: null,
    shownRound: null,
  };
}

/** Returns new layer settings with one layer changed; the others keep their identity. */
export function withLayerSettings(
  layers: Record<LayerId, LayerSettings>,
  layerId: LayerId,
  change: Partial<LayerSettings>,
): Record<LayerId, LayerSettings> {
  return { ...layers, [layerId]: { ...layers[layerId], ...change } };
}
