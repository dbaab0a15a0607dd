/**
 * What a snapshot says, from the app state: default title, subtitle and short
 * name, the legend of the visible layers (from the palette's LEGEND table, the
 * one the map layers use) and of the active analysis's overlays (the legend
 * its descriptor gives with what it draws), key figures (text made by
 * `formatFigure`, as on the panel), sources, "data as of" dates, and the
 * sensitive / synthetic flags — sensitive whenever the gang-control layer is
 * shown or the analysis shown derives from it. Pure: no DOM, no map.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { AGGREGATE_BELOW_ZOOM } from '../../workers/analysis/aggregation-zoom';
import { type FigureText, figureTexts } from '../analyses/figure-format';
import { siteFilterSummary } from '../analyses/filter-summary';
import { viewIsSensitive } from '../analyses/sensitivity';
import type { Datasets, LayerId } from '../domain/types';
import { formatDate, type Language, translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import { isSiteFilterActive } from '../state/site-filter';
import type { DrawnReferenceLayer } from './basemap-attribution';
import { LEGEND, LEGEND_NOTES, type LegendSymbol, legendEntryApplies } from './palette';
import { joinedLines, roundsLine } from './snapshot-rounds';

/** Top of the legend = top of the map, as in the layer panel. */
export const LEGEND_ORDER: readonly LayerId[] = ['sites', 'services', 'control', 'hazards', 'admin'];

export const DEFAULT_PRODUCER = 'IOM Haiti — Katsit';
/** The basemap's source, always credited. */
export const BASEMAP_SOURCE = 'Natural Earth';

export interface LegendBlock {
  /**
   * The layer, `analysis` for the active analysis's overlays, `reference` for the reference layers,
   * `movements` and `hostPressure` for the flows layer's arcs and choropleth.
   */
  key: LayerId | 'analysis' | 'reference' | 'movements' | 'hostPressure';
  heading: string;
  entries: readonly { key: string; symbol: LegendSymbol; label: string }[];
  note: string | null;
  sensitive: boolean;
}

/** What the map draws under the thematic layers, as MapView reports it. */
export interface DrawnUnderneath {
  /** The stored street basemap's attribution, when one is drawn. */
  basemapAttribution?: string;
  references?: readonly DrawnReferenceLayer[];
  /** The movements drawn over the layers, when shown (map/flow-legend.ts). */
  movements?: ProductMovements | null;
}

/** The movements layer as a product prints it: its legend blocks (the period in the heading) and source. */
export interface ProductMovements {
  legend: readonly LegendBlock[];
  source: string;
  /** The demo's fictional movements: the product is labelled synthetic. */
  synthetic: boolean;
}

/** The reference layers' fill in the legend: the map's 22 % fill, on a 0–255 scale. */
const REFERENCE_FILL_ALPHA = 56;

/** `#rrggbb` as the legend's RGB triple. */
function rgbOf(colour: string): [number, number, number] {
  const value = Number.parseInt(colour.slice(1, 7), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export interface SnapshotTexts {
  title: string;
  subtitle: string;
  producer: string;
  /** Contact or feedback line ("Feedback: im@example.org"); empty prints nothing. */
  contact?: string;
  shortName: string;
  includeKeyFigures: boolean;
  /** Draw the locator (Haiti with the map's extent) when the country outline is at hand. */
  includeLocator?: boolean;
}

/** A country of the locator: its rings in degrees, and whether it is the product's country. */
export interface LocatorCountry {
  home: boolean;
  rings: readonly (readonly (readonly [number, number])[])[];
}

/** The user's logo as the product draws it: its pixel size (the image itself goes to the renderers). */
export interface LogoSize {
  width: number;
  height: number;
}

export interface SnapshotContent extends SnapshotTexts {
  language: Language;
  legend: readonly LegendBlock[];
  /** Key figures as printed: `value` is `formatFigure`'s text, `context` the threshold and denominator. */
  keyFigures: readonly FigureText[];
  sources: readonly string[];
  /** One line per visible dataset: its name and "data as of" date. */
  dataAsOf: readonly { layer: string; date: string }[];
  exportDate: string;
  sensitive: boolean;
  synthetic: boolean;
  /**
   * The rounds compared ("Évolution du Round 23 (15 août 2026) au Round 24 (15 nov. 2026)", or the one round
   * shown: snapshot-rounds.ts) and the active site
   * filter in words ("Filtre actif : Delmas — 55 sites sur 400"), printed under the subtitle whether
   * or not an analysis is open; null with neither.
   */
  filter: string | null;
  /** Countries for the locator (empty: no locator). */
  locator: readonly LocatorCountry[];
  logo: LogoSize | null;
  /** The largest site shown, for the circle-size legend. */
  maxIndividuals: number;
  /** The map draws site groups below this zoom. */
  groupsBelowZoom: number;
  labels: {
    legend: string;
    keyFigures: string;
    sources: string;
    dataAsOf: string;
    created: string;
    producer: string;
    sensitive: string;
    synthetic: string;
    disclaimer: string;
    circleSize: string;
    /** "Not in this legend: {names}", for blocks a crowded legend had to leave out. */
    legendLeftOut: string;
  };
}

export function visibleLayers(state: Pick<AppState, 'layers'>): LayerId[] {
  return LEGEND_ORDER.filter((layerId) => state.layers[layerId].visible);
}

/**
 * The place the map is centred on: the commune under the centre when zoomed
 * in, the department at middle zooms, else Haiti.
 */
export function placeName(
  datasets: Datasets | null,
  center: { lng: number; lat: number },
  zoom: number,
  language: Language,
): string {
  const country = translator(language)('snapshot.country');
  if (!datasets || zoom < 8.5) return country;
  const level = zoom >= 10 ? 2 : 1;
  const point: [number, number] = [center.lng, center.lat];
  const area = datasets.admin.features.find(
    (feature) => feature.properties.level === level && booleanPointInPolygon(point, feature),
  );
  if (!area) return country;
  return level === 2 && area.properties.parentName
    ? `${area.properties.name}, ${area.properties.parentName}`
    : area.properties.name;
}

/** Default title, subtitle and short name from the place, the visible layers and the analysis. */
export function defaultTexts(
  state: Pick<AppState, 'layers' | 'language' | 'activeAnalysis' | 'datasets' | 'keyFigures'>,
  place: string,
): SnapshotTexts {
  const t = translator(state.language);
  const layers = visibleLayers(state);
  const [top, ...others] = layers;
  const subject = top ? t(`layer.${top}`) : t('snapshot.defaultSubject');
  const lower = (text: string) => text.charAt(0).toLocaleLowerCase(state.language) + text.slice(1);
  const subtitle = others.length
    ? t('snapshot.defaultSubtitle', { layers: others.map((id) => lower(t(`layer.${id}`))).join(', ') })
    : '';
  const placeWord = place.split(',')[0] ?? place;
  const shortName = state.activeAnalysis
    ? `${top ?? 'map'}-${state.activeAnalysis}`
    : `${placeWord}-${top ?? 'map'}`;
  return {
    title: `${place} — ${subject}`,
    subtitle,
    producer: DEFAULT_PRODUCER,
    contact: '',
    shortName,
    includeKeyFigures: state.keyFigures.length > 0,
    includeLocator: true,
  };
}

/** Everything the product prints, in the state's language. */
export function snapshotContent(
  state: Pick<
    AppState,
    'layers' | 'language' | 'datasets' | 'keyFigures' | 'activeAnalysis' | 'analysisLegend'
  > &
    Partial<Pick<AppState, 'siteFilter' | 'sourceDatasets' | 'analysisParameters' | 'roundChange'>>,
  texts: SnapshotTexts,
  exportDate: Date,
  /** What MapView draws under the thematic layers: the street basemap's source and the reference layers. */
  drawn: DrawnUnderneath = {},
  furniture: { locator: readonly LocatorCountry[]; logo: LogoSize | null } = { locator: [], logo: null },
): SnapshotContent {
  const { language } = state;
  const t = translator(language);
  const layers = visibleLayers(state);
  const layerLegend = layers.map((layerId): LegendBlock => {
    const noteKey = LEGEND_NOTES[layerId];
    return {
      key: layerId,
      heading: t(`layer.${layerId}`),
      entries: LEGEND[layerId]
        .filter((entry) => legendEntryApplies(entry.key, state.datasets?.[layerId]))
        .map((entry) => ({
          key: entry.key,
          symbol: entry.symbol,
          // The screen legend's group entry tells how to zoom in: a product says what the group shows.
          label: t(entry.key === 'cluster' ? 'legend.siteClusterProduct' : entry.label),
        })),
      note: noteKey ? t(noteKey) : null,
      sensitive: layerId === 'control',
    };
  });
  // The analysis overlays are drawn above every layer: their block heads the legend.
  const overlays = state.analysisLegend;
  const legend: LegendBlock[] = overlays
    ? [
        {
          key: 'analysis',
          heading: overlays.heading,
          entries: overlays.entries,
          note: overlays.sensitive ? t('legend.derivedSensitive') : null,
          sensitive: overlays.sensitive,
        },
        ...layerLegend,
      ]
    : layerLegend;
  // Arcs are drawn over the layers, under the analysis overlays: their blocks come next.
  if (drawn.movements) legend.splice(overlays ? 1 : 0, 0, ...drawn.movements.legend);
  const references = drawn.references ?? [];
  // Reference layers are drawn under every thematic layer: their block closes the legend.
  if (references.length > 0)
    legend.push({
      key: 'reference',
      heading: t('reference.legendHeading'),
      entries: references.map((reference, index) => ({
        key: `reference-${index}`,
        symbol: { kind: 'fill', color: rgbOf(reference.colour), fillAlpha: REFERENCE_FILL_ALPHA },
        label: reference.name,
      })),
      note: null,
      sensitive: false,
    });
  const sources: string[] = [];
  const dataAsOf: { layer: string; date: string }[] = [];
  let synthetic = false;
  for (const layerId of layers) {
    const metadata = state.datasets?.[layerId].metadata;
    if (!metadata) continue;
    // The demo's own sources are worded in the product's language; imported data keeps its words.
    const source =
      metadata.generatedBy === DEMO_GENERATOR ? t(`snapshot.demoSource.${layerId}`) : metadata.source;
    if (source && !sources.includes(source)) sources.push(source);
    if (metadata.asOf)
      dataAsOf.push({ layer: t(`layer.${layerId}`), date: formatDate(language, metadata.asOf) });
    if (metadata.synthetic) synthetic = true;
  }
  if (drawn.movements) {
    sources.push(drawn.movements.source);
    synthetic ||= drawn.movements.synthetic;
  }
  sources.push(BASEMAP_SOURCE);
  if (drawn.basemapAttribution) sources.push(drawn.basemapAttribution);
  for (const reference of references) {
    const source = reference.attribution
      ? t('reference.productSource', { name: reference.name, attribution: reference.attribution })
      : t('reference.productSourceNone', { name: reference.name });
    if (!sources.includes(source)) sources.push(source);
  }
  const isoDate = `${exportDate.getFullYear()}-${String(exportDate.getMonth() + 1).padStart(2, '0')}-${String(exportDate.getDate()).padStart(2, '0')}`;
  return {
    ...texts,
    language,
    legend,
    keyFigures: texts.includeKeyFigures ? figureTexts(state.keyFigures, language) : [],
    sources,
    dataAsOf,
    exportDate: formatDate(language, isoDate),
    sensitive: viewIsSensitive(state),
    synthetic,
    filter: joinedLines(
      roundsLine(
        state.roundChange?.sites ?? null,
        state.layers.sites.visible ? state.datasets?.sites.metadata?.round : undefined,
        language,
      ),
      productFilterLine(state),
    ),
    locator: texts.includeLocator === false ? [] : furniture.locator,
    logo: furniture.logo,
    maxIndividuals: largestSite(state.datasets),
    groupsBelowZoom: AGGREGATE_BELOW_ZOOM,
    labels: {
      legend: t('panel.legend'),
      keyFigures: t('snapshot.keyFigures'),
      sources: t('snapshot.sources'),
      dataAsOf: t('snapshot.dataAsOf'),
      created: t('snapshot.created'),
      producer: t('snapshot.producer'),
      sensitive: t('value.sensitive'),
      synthetic: t('snapshot.synthetic'),
      disclaimer: t('snapshot.disclaimer'),
      circleSize: t('legend.sitesSizeProduct'),
      // The names are known only once the legend is laid out: the placeholder stays for the composer.
      legendLeftOut: t('snapshot.legendLeftOut', { names: '{names}' }),
    },
  };
}

/** The site filter line of a product, as the analysis panel words it; null with no filter. */
function productFilterLine(
  state: Pick<AppState, 'language' | 'datasets'> &
    Partial<Pick<AppState, 'siteFilter' | 'sourceDatasets' | 'analysisParameters'>>,
): string | null {
  if (!state.siteFilter || !isSiteFilterActive(state.siteFilter)) return null;
  const summary = siteFilterSummary(state.siteFilter, {
    source: state.sourceDatasets ?? state.datasets,
    shown: state.datasets?.sites.features.length ?? 0,
    language: state.language,
    ...(state.analysisParameters ? { parameters: state.analysisParameters } : {}),
  });
  return translator(state.language)('analysis.filterActive', { summary });
}

/** The generator of the bundled demo files, as their metadata names it. */
const DEMO_GENERATOR = 'scripts/generate-demo-data.ts';

function largestSite(datasets: Datasets | null): number {
  let largest = 0;
  for (const feature of datasets?.sites.features ?? [])
    largest = Math.max(largest, feature.properties.individuals || 0);
  return largest;
}
