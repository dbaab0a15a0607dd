/**
 * What one analysis declares, in one object: how the worker runs it, its
 * parameters, the layers it reads, whether its answers derive from a
 * sensitive layer, its key figures (with format and context), the sites it
 * flags and why, its site-table columns, its map overlays with their legend
 * entries, and its panel summary. The controller, panel, map, legend (screen
 * and product), site table, CSV, URL and snapshot read these objects; none
 * of them knows an analysis by name.
 *
 * Members are declared with method syntax on purpose: a descriptor of a
 * concrete result type then fits the registry's list of descriptors of
 * unknown results (see registry.ts), which every consumer iterates.
 */
import type { Remote } from 'comlink';
import type { SITE_FLAG, SiteFlags } from '../../workers/analysis/site-flags';
import type { AnalysisApi, Progress, RunResult } from '../../workers/analysis-api';
import type { Datasets, LayerId } from '../domain/types';
import type { MessageKey } from '../i18n/fr';
import type { Language, Translate } from '../i18n/translate';
import type { LegendSymbol } from '../map/palette';
import type { MapMode } from '../state/map-mode';
import type { FigureFormat } from './figure-format';
import type { InputCode } from './input-codes';
import type { AnalysisParameters, ParameterSpec } from './parameters';

/** A headline number of an analysis, for the panel, the snapshot and the key-figures CSV. */
export interface KeyFigure {
  /** Already translated label, e.g. "People exposed — Flood". */
  label: string;
  value: number;
  /** How `value` reads (see figure-format.ts): a share between 0 and 1 is 'percent'. */
  format: FigureFormat;
  /**
   * Translated context: the threshold used and the denominator, e.g.
   * "farther than 5 km — of 400 sites"; null when the label says it all.
   */
  context: string | null;
}

/** A flag of the per-site flags table (a bit of SITE_FLAG). */
export type SiteFlagId = keyof typeof SITE_FLAG;

/** The worker's request channels (`AnalysisClient.run`): a newer request on one supersedes an older one. */
export type RunChannel = 'exposure' | 'access' | 'coverage' | 'area' | 'admin' | 'flags';

/** A chunked, cancellable worker run that reports progress and may be served from the cache. */
export interface LongRun<Result, Input> {
  kind: 'long';
  channel: RunChannel;
  start(
    remote: Remote<AnalysisApi>,
    parameters: AnalysisParameters,
    input: Input,
    requestId: number,
    onProgress: (progress: Progress) => void,
  ): Promise<RunResult<Result>>;
}

/** A single quick worker call: no progress, nothing to cancel, never cached. */
export interface QuickRun<Result, Input> {
  kind: 'quick';
  call(remote: Remote<AnalysisApi>, parameters: AnalysisParameters, input: Input): Promise<Result | null>;
}

/**
 * What starts a run: 'none' runs as soon as the analysis is chosen and again
 * when its inputs change; the others wait for the user's input on the map.
 */
export type AnalysisInput = 'none' | 'area-shape' | 'location';

/** The numbers figures are put in context with: totals of the sites analysed. */
export interface FigureContext {
  t: Translate;
  language: Language;
  parameters: AnalysisParameters;
  datasets: Datasets;
  totals: { sites: number; households: number; individuals: number };
}

/** A part of the panel's summary, as data; the panel renders it as text-only DOM. */
export type SummaryBlock =
  | { kind: 'note'; text: string }
  | { kind: 'heading'; text: string }
  | {
      kind: 'table';
      headers: readonly string[];
      rows: readonly (readonly string[])[];
      caption: string | null;
      /** The site each row names (its feature id): the row's first cell then selects it, as the site table does. */
      rowSiteIds?: readonly string[];
    }
  | { kind: 'verdict'; verdict: string; text: string }
  | { kind: 'fields'; entries: readonly (readonly [string, string])[] }
  | { kind: 'list'; className: string; items: readonly { text: string; className: string }[] }
  /** A button saving a file made from the answer (e.g. the drawn area with its totals). */
  | { kind: 'download'; label: string; fileName: string; mediaType: string; text: string };

/** A legend entry of an overlay: a swatch and its label, translated when drawn. */
export interface OverlayLegendEntry {
  key: string;
  symbol: LegendSymbol;
  label(t: Translate, language: Language): string;
}

/** What an analysis draws on the map; src/map/analysis-layers.ts turns each kind into deck layers. */
export type OverlaySpec =
  /** Rings around flagged sites (indices into the sites collection). */
  | { kind: 'site-rings'; sites: readonly number[] }
  /** Communes filled by class of a value per P-code; drawn below the thematic layers. */
  | { kind: 'commune-classes'; valueByPcode: ReadonlyMap<string, number> }
  /** An area outline (a drawn polygon, or a circle as a polygon). */
  | { kind: 'area-outline'; outline: import('geojson').Polygon }
  /** One marker at a location, in a colour. */
  | { kind: 'marker'; longitude: number; latitude: number; color: readonly [number, number, number] };

/** An overlay and the legend entries that explain it, produced together so they cannot disagree. */
export interface Overlay {
  spec: OverlaySpec;
  legend: readonly OverlayLegendEntry[];
}

/** What the map shows besides the answer (set in the panel). */
export interface OverlayOptions {
  choropleth: boolean;
  parameters: AnalysisParameters;
}

/** A CSV column of the site table contributed by an analysis. */
export interface AnalysisCsvColumn {
  header: MessageKey;
  hxl: string;
  value(flags: SiteFlags, index: number, t: Translate): string | number | null;
}

/** A site-table column an analysis contributes (read from the per-site flags table). */
export interface AnalysisColumn {
  id: string;
  label: MessageKey;
  description: MessageKey;
  /** Derived from a sensitive layer: the table and its CSV carry the sensitivity label. */
  sensitive: boolean;
  sortKey(flags: SiteFlags): Float64Array;
  cell(flags: SiteFlags, index: number, language: Language, t: Translate): string;
  csv: readonly AnalysisCsvColumn[];
}

/** The sites an analysis rings on the map, and why (their legend label). */
export interface FlaggedSites<Result> {
  sites(result: Result): readonly number[];
  reason(result: Result, t: Translate, language: Language): string;
}

/** Extra controls of an analysis in the panel. */
export interface PanelControls {
  /** A hint shown under the description. */
  hint?: MessageKey;
  /** Map modes offered as buttons (drawing), with the hint shown while each is on. */
  mapModes?: readonly { mode: MapMode; label: MessageKey; hint: MessageKey }[];
  /** Shown while no answer is there and no map mode is on. */
  emptyHint?: MessageKey;
  /** The "colour communes" switch. */
  choroplethToggle?: MessageKey;
}

export interface AnalysisDescriptor<Id extends string, Result, Input = undefined> {
  id: Id;
  /** Button label and heading. */
  name: MessageKey;
  description: MessageKey;
  input: AnalysisInput;
  /**
   * How its map input is written in links and saved views (and read back); every
   * analysis whose input is not 'none' has one, so a shared view redraws its answer.
   */
  inputCode?: InputCode<Input>;
  run: LongRun<Result, Input> | QuickRun<Result, Input>;
  /** Parameters it reads: shown as inputs in the panel, written to the URL. */
  parameters: readonly ParameterSpec[];
  /** Layers whose content its answer depends on (the worker's cache key reads the same). */
  reads: readonly LayerId[];
  /** Layers without which it has no answer. */
  requires: readonly LayerId[];
  /** Its figures derive from a sensitive layer: every product and export showing them is labelled. */
  sensitive: boolean;
  /** The map mode it starts in. */
  mapMode: MapMode;
  panel: PanelControls;
  keyFigures(result: Result, context: FigureContext): KeyFigure[];
  flagged: FlaggedSites<Result> | null;
  /** Flags of the per-site flags table it raises, for the site table's badges, filter and CSV. */
  siteFlags: readonly SiteFlagId[];
  tableColumns: readonly AnalysisColumn[];
  overlays(result: Result, options: OverlayOptions): Overlay[];
  summary(result: Result, context: FigureContext): SummaryBlock[];
}
