/**
 * The shareable view in the URL hash, encoded and decoded as pure functions.
 *
 * Format (URLSearchParams in the hash; every part optional):
 *   #map=<zoom>/<lat>/<lon>[/<bearing>]
 *    &layers=<id>[@<opacity%>],…   (visible layers only; `none` = all hidden)
 *    &select=<layerId>:<featureId>
 *    &analysis=<analysisId>&<parameter URL key>=<value>…   (keys: src/analyses/parameters.ts,
 *                                    e.g. access=<metres>&health=<metres>)
 *    &input=<map input>             (a drawn area or candidate location; format: the
 *                                    analysis's `inputCode`, src/analyses/input-codes.ts)
 *    &filter=<site filter>          (format: site-filter-url.ts)
 *    &weights=<water>.<health>.<water load>.<hazard>.<shelter>   (priority weights 0–5; absent = defaults)
 *    &rounds=<base dataset id>~<later dataset id>   (two DTM rounds compared: src/rounds/round-url.ts)
 *    &round=<dataset id>            (the round the timeline shows: src/rounds/round-timeline-url.ts)
 *    &flows=on;cat:…;from:…;to:…;pressure   (movements shown: src/flows/flow-url.ts)
 * e.g. `#map=11.30/18.56000/-72.30000&layers=sites,hazards@50,admin&select=sites:HT-S-0012&analysis=exposure`
 *
 * Decoding never throws: each part is checked on its own and a malformed part
 * is dropped, so a half-broken link still restores what it can.
 */
import { type AnalysisParameters, PARAMETER_SPECS } from '../analyses/parameters';
import {
  DEFAULT_PRIORITY_WEIGHTS,
  decodePriorityWeights,
  encodePriorityWeights,
  type PriorityWeights,
} from '../analyses/priority-score';
import { type AnalysisId, analysisOf, isAnalysisId } from '../analyses/registry';
import { LAYER_IDS, type LayerId } from '../domain/types';
import type { FlowState } from '../flows/flow-state';
import { decodeFlowView, encodeFlowView, type FlowUrlView } from '../flows/flow-url';
import type { RoundPair } from '../rounds/round-series';
import { decodeShownRound, encodeShownRound } from '../rounds/round-timeline-url';
import { decodeRoundPair, encodeRoundPair } from '../rounds/round-url';
import type { AnalysisInputValue, AppState, LayerSettings, Selection } from './app-state';
import { EMPTY_SITE_FILTER, isSiteFilterActive, type SiteFilter } from './site-filter';
import { decodeSiteFilter, encodeSiteFilter } from './site-filter-url';

export interface UrlCamera {
  longitude: number;
  latitude: number;
  zoom: number;
  bearing: number;
}

/** What a hash restores; an absent key leaves that part of the state alone. */
export interface UrlView {
  camera?: UrlCamera;
  layers?: Record<LayerId, LayerSettings>;
  selection?: Selection;
  activeAnalysis?: AnalysisId;
  analysisParameters?: Partial<AnalysisParameters>;
  analysisInput?: AnalysisInputValue;
  siteFilter?: SiteFilter;
  priorityWeights?: PriorityWeights;
  roundComparison?: RoundPair;
  shownRound?: string;
  /** Movements shown (issue 17); absent: hidden. */
  flows?: FlowUrlView;
}

/** Longer hashes are not ours (or are an attack on the parser): ignored whole. */
const MAX_HASH_LENGTH = 4000;
const MAX_DISTANCE_METRES = 100_000;

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The hash (with its `#`) for a state and camera. */
export function encodeUrlState(
  state: Pick<AppState, 'layers' | 'selection' | 'activeAnalysis' | 'analysisParameters'> &
    Partial<
      Pick<AppState, 'siteFilter' | 'analysisInput' | 'priorityWeights' | 'roundComparison' | 'shownRound'>
    > & {
      flows?: Pick<FlowState, 'shown' | 'filter' | 'pressureShown'> | null;
    },
  camera: UrlCamera,
): string {
  const parts: string[] = [];
  const bearing = round(((camera.bearing % 360) + 360) % 360, 1);
  const map = [camera.zoom.toFixed(2), camera.latitude.toFixed(5), camera.longitude.toFixed(5)];
  if (bearing !== 0 && bearing !== 360) map.push(String(bearing));
  parts.push(`map=${map.join('/')}`);
  const visible = LAYER_IDS.filter((id) => state.layers[id].visible).map((id) => {
    const percent = Math.round(state.layers[id].opacity * 100);
    return percent === 100 ? id : `${id}@${percent}`;
  });
  parts.push(`layers=${visible.length ? visible.join(',') : 'none'}`);
  if (state.selection)
    parts.push(`select=${state.selection.layerId}:${encodeURIComponent(state.selection.featureId)}`);
  if (state.activeAnalysis) {
    parts.push(`analysis=${state.activeAnalysis}`);
    // Every parameter, not only the active analysis's: the per-site flags read them all.
    for (const spec of PARAMETER_SPECS)
      parts.push(`${spec.urlKey}=${Math.round(state.analysisParameters[spec.key])}`);
    const code = analysisOf(state.activeAnalysis).inputCode;
    const input = state.analysisInput;
    if (code && input?.analysis === state.activeAnalysis)
      parts.push(`input=${encodeURIComponent(code.encode(input.value))}`);
  }
  const filter = state.siteFilter ? encodeSiteFilter(state.siteFilter) : null;
  if (filter !== null) parts.push(`filter=${filter}`);
  const weights = state.priorityWeights ? encodePriorityWeights(state.priorityWeights) : null;
  if (weights !== null) parts.push(`weights=${weights}`);
  const rounds = state.roundComparison ? encodeRoundPair(state.roundComparison) : null;
  if (rounds !== null) parts.push(`rounds=${rounds}`);
  const shownRound = state.shownRound ? encodeShownRound(state.shownRound) : null;
  if (shownRound !== null) parts.push(`round=${shownRound}`);
  const flows = state.flows ? encodeFlowView(state.flows) : null;
  if (flows !== null) parts.push(`flows=${flows}`);
  return `#${parts.join('&')}`;
}

const isLayerId = (value: string): value is LayerId => (LAYER_IDS as readonly string[]).includes(value);

/** A finite number in range, or undefined. `Number('')` is 0, so empty strings are refused first. */
function numberIn(text: string | undefined, minimum: number, maximum: number): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= minimum && value <= maximum ? value : undefined;
}

function decodeCamera(text: string | null): UrlCamera | undefined {
  if (text === null) return undefined;
  const parts = text.split('/');
  if (parts.length < 3 || parts.length > 4) return undefined;
  const zoom = numberIn(parts[0], 0, 24);
  const latitude = numberIn(parts[1], -85, 85);
  const longitude = numberIn(parts[2], -180, 180);
  const bearing = parts.length === 4 ? numberIn(parts[3], -360, 360) : 0;
  if (zoom === undefined || latitude === undefined || longitude === undefined || bearing === undefined)
    return undefined;
  return { zoom, latitude, longitude, bearing };
}

function decodeLayers(text: string | null): Record<LayerId, LayerSettings> | undefined {
  if (text === null) return undefined;
  const layers = Object.fromEntries(LAYER_IDS.map((id) => [id, { visible: false, opacity: 1 }])) as Record<
    LayerId,
    LayerSettings
  >;
  if (text === 'none') return layers;
  let found = 0;
  for (const item of text.split(',')) {
    const [id = '', opacity] = item.split('@');
    if (!isLayerId(id)) continue;
    const percent = opacity === undefined ? 100 : numberIn(opacity, 0, 100);
    layers[id] = { visible: true, opacity: (percent ?? 100) / 100 };
    found++;
  }
  return found > 0 ? layers : undefined;
}

function decodeSelection(text: string | null): Selection | undefined {
  if (text === null) return undefined;
  const colon = text.indexOf(':');
  const layerId = text.slice(0, colon);
  const featureId = text.slice(colon + 1);
  if (colon < 1 || !isLayerId(layerId) || featureId.length === 0 || featureId.length > 200) return undefined;
  return { layerId, featureId };
}

/** Reads a hash (`#…` or without the `#`); never throws, drops what is malformed. */
export function decodeUrlState(hash: string): UrlView {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length === 0 || text.length > MAX_HASH_LENGTH) return {};
  let parameters: URLSearchParams;
  try {
    parameters = new URLSearchParams(text);
  } catch {
    return {};
  }
  const view: UrlView = {};
  const camera = decodeCamera(parameters.get('map'));
  if (camera) view.camera = camera;
  const layers = decodeLayers(parameters.get('layers'));
  if (layers) view.layers = layers;
  const selection = decodeSelection(parameters.get('select'));
  if (selection) view.selection = selection;
  const analysis = parameters.get('analysis');
  if (analysis !== null && isAnalysisId(analysis)) {
    view.activeAnalysis = analysis;
    const analysisParameters: Partial<AnalysisParameters> = {};
    for (const spec of PARAMETER_SPECS) {
      const value = numberIn(parameters.get(spec.urlKey) ?? undefined, 1, MAX_DISTANCE_METRES);
      if (value !== undefined) analysisParameters[spec.key] = value;
    }
    if (Object.keys(analysisParameters).length > 0) view.analysisParameters = analysisParameters;
    const inputText = parameters.get('input');
    const value = inputText === null ? undefined : analysisOf(analysis).inputCode?.decode(inputText);
    if (value !== undefined) view.analysisInput = { analysis, value };
  }
  const siteFilter = decodeSiteFilter(parameters.get('filter'));
  if (siteFilter) view.siteFilter = siteFilter;
  const priorityWeights = decodePriorityWeights(parameters.get('weights'));
  if (priorityWeights) view.priorityWeights = priorityWeights;
  const roundComparison = decodeRoundPair(parameters.get('rounds'));
  if (roundComparison) view.roundComparison = roundComparison;
  const shownRound = decodeShownRound(parameters.get('round'));
  if (shownRound) view.shownRound = shownRound;
  const flows = decodeFlowView(parameters.get('flows'));
  if (flows) view.flows = flows;
  return view;
}

/**
 * The store patch a decoded view makes. A link that names no selection or
 * analysis clears them, so back/forward return to what that entry showed.
 */
export function statePatch(
  state: Pick<AppState, 'analysisParameters'> &
    Partial<Pick<AppState, 'siteFilter' | 'priorityWeights' | 'roundComparison' | 'shownRound'>>,
  view: UrlView,
): Partial<AppState> {
  const patch: Partial<AppState> = {};
  if (view.layers) patch.layers = view.layers;
  patch.selection = view.selection ?? null;
  patch.activeAnalysis = view.activeAnalysis ?? null;
  patch.analysisInput = view.analysisInput ?? null;
  if (view.analysisParameters)
    patch.analysisParameters = { ...state.analysisParameters, ...view.analysisParameters };
  // Likewise a link without a filter clears one (written only when one is set, so older links stay valid).
  if (view.siteFilter) patch.siteFilter = view.siteFilter;
  else if (state.siteFilter && isSiteFilterActive(state.siteFilter)) patch.siteFilter = EMPTY_SITE_FILTER;
  if (view.priorityWeights) patch.priorityWeights = view.priorityWeights;
  else if (state.priorityWeights && encodePriorityWeights(state.priorityWeights) !== null)
    patch.priorityWeights = DEFAULT_PRIORITY_WEIGHTS;
  // Like a filter: a link that compares no rounds shows no comparison.
  if (view.roundComparison) patch.roundComparison = view.roundComparison;
  else if (state.roundComparison) patch.roundComparison = null;
  // A link that names no round shows the library's own choice (the latest round).
  if (view.shownRound) patch.shownRound = view.shownRound;
  else if (state.shownRound) patch.shownRound = null;
  return patch;
}
