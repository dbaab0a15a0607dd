/**
 * Keeps what the map shows in step with the state: the deck layer list
 * (rebuilt from state, analysis answers and the drawing in progress; calls
 * within one task coalesce into one rebuild), the basemap style (language,
 * online switch, stored street basemap and its flavour, the reference layers
 * shown over it), the zoom step the
 * layers read, and the map's own labels.
 */

import type { FeatureCollection } from 'geojson';
import { AGGREGATE_BELOW_ZOOM } from '../../workers/analysis/aggregation-zoom';
import { ANALYSIS_IDS } from '../analyses/registry';
import type { AnalysisController } from '../analysis/analysis-controller';
import type { FlowState } from '../flows/flow-state';
import { translator } from '../i18n/translate';
import { basemapStyle } from '../map/basemap-style';
import type { Bounds } from '../map/camera';
import type { Drawing } from '../map/drawing';
import type { LayerResources } from '../map/layer-specs';
import type { MapView } from '../map/map-view';
import { withReferenceLayers } from '../map/reference-layer-style';
import { createServiceIconAtlas } from '../map/service-icons';
import { siteWindowFor } from '../map/site-window';
import type { AppState } from '../state/app-state';
import { coalesced } from '../state/coalesce';
import type { Store } from '../state/store';
import type { OfflineBasemap } from './offline-basemap';
import type { ReferenceLayers } from './reference-layers';

export interface MapRenderingParts {
  store: Store<AppState>;
  view: MapView;
  analysis: AnalysisController;
  drawing: Store<{ drawing: Drawing | null }>;
  /** Natural Earth countries for the offline basemap. */
  countries: FeatureCollection;
  /** The street basemap stored on the device, drawn instead of the embedded one when there is one. */
  basemap?: Pick<OfflineBasemap, 'state'>;
  /** PMTiles reference layers, drawn over the basemap where they are shown. */
  references?: Pick<ReferenceLayers, 'state'>;
  /** The flows layer (issue 17): arcs and points of entry, over the thematic layers. */
  flows?: Store<FlowState>;
}

/** The basemap style for a state: offline or online, attributions in its language. */
export function basemapStyleFor(state: AppState, countries: FeatureCollection) {
  const t = translator(state.language);
  return basemapStyle({
    countries,
    online: state.onlineBasemap,
    onlineAttribution: t('map.attributionOnline'),
    offlineAttribution: t('map.attributionOffline'),
  });
}

interface Builders {
  thematic: typeof import('../map/layer-specs').buildLayers;
  analysis: typeof import('../map/analysis-layers').buildAnalysisLayers;
  rounds: typeof import('../rounds/round-change-layers').buildRoundChangeLayers;
  flows: typeof import('../map/flow-layers').buildFlowLayers;
  hostPressure: typeof import('../map/host-pressure-layer').buildHostPressureLayer;
}

/** Zoom rounded down to half steps: the layers change look at those steps, not on every frame. */
const zoomStep = (zoom: number) => Math.floor(zoom * 2) / 2;

export function mountMapRendering({
  store,
  view,
  analysis,
  drawing,
  countries,
  basemap,
  references,
  flows,
}: MapRenderingParts): () => void {
  // Where sites are drawn at street zoom (site-window.ts); null at country zoom, where they are grouped.
  let siteWindow: Bounds | null = null;
  // The layer builders come with deck.gl, loaded apart from the start-up bundle once the basemap is drawn.
  let builders: (Builders & { resources: LayerResources }) | null = null;
  const drawLayers = () => {
    if (!builders) return;
    const state = store.get();
    const { below, above } = builders.analysis(state, analysis.results.get(), drawing.get().drawing);
    const rounds = builders.rounds(state.roundChange);
    const movements = flows ? builders.flows(flows.get()) : [];
    // Host pressure colours communes: under the sites and the arcs.
    const pressure = flows ? builders.hostPressure(flows.get(), state.datasets?.admin) : null;
    view.setLayers([
      ...below,
      ...(pressure ? [pressure] : []),
      ...builders.thematic(state, builders.resources, siteWindow),
      ...rounds,
      ...movements,
      ...above,
    ]);
  };
  void view
    .whenFirstIdle()
    .then(() =>
      Promise.all([
        import('../map/layer-specs'),
        import('../map/analysis-layers'),
        import('../rounds/round-change-layers'),
        import('../map/flow-layers'),
        import('../map/host-pressure-layer'),
      ]),
    )
    .then(([specs, overlays, roundLayers, movements, hostPressure]) => {
      builders = {
        thematic: specs.buildLayers,
        analysis: overlays.buildAnalysisLayers,
        rounds: roundLayers.buildRoundChangeLayers,
        flows: movements.buildFlowLayers,
        hostPressure: hostPressure.buildHostPressureLayer,
        // Drawn on a canvas: after the first idle too.
        resources: { serviceIcons: createServiceIconAtlas() },
      };
      drawLayers();
    });
  const render = coalesced(drawLayers);
  const followView = (moving: boolean) => {
    const next =
      view.getCamera().zoom >= AGGREGATE_BELOW_ZOOM
        ? siteWindowFor(view.visibleBounds(), siteWindow, moving)
        : null;
    if (next === siteWindow) return;
    siteWindow = next;
    render();
  };
  let styleRequest = 0;
  const withReferences = <Style extends Parameters<typeof withReferenceLayers>[0]>(style: Style) =>
    withReferenceLayers(style, references?.state.get().layers.filter((layer) => layer.shown) ?? []);
  const restyle = async () => {
    const request = ++styleRequest;
    const state = store.get();
    const stored = basemap?.state.get();
    // The online raster is an explicit choice, so it wins over a stored basemap.
    if (state.onlineBasemap || !stored?.basemap) {
      view.setStyle(withReferences(basemapStyleFor(state, countries)));
      return;
    }
    // Loaded only now: the Protomaps style stays out of the main bundle until a basemap is used.
    const { archiveStyle } = await import('../map/protomaps-style');
    if (request !== styleRequest) return;
    view.setStyle(
      withReferences(
        archiveStyle({
          key: stored.basemap.key,
          summary: stored.basemap.summary,
          flavour: stored.flavour,
          language: state.language,
          countries,
          fallbackAttribution: translator(state.language)('basemap.attributionFallback'),
        }),
      ),
    );
  };
  const labelMap = () => {
    const t = translator(store.get().language);
    view.setInterfaceText({
      canvas: t('map.canvasLabel'),
      zoomIn: t('map.zoomIn'),
      zoomOut: t('map.zoomOut'),
    });
  };

  store.set({ zoomStep: zoomStep(view.getCamera().zoom) });
  labelMap();
  siteWindow =
    view.getCamera().zoom >= AGGREGATE_BELOW_ZOOM ? siteWindowFor(view.visibleBounds(), null) : null;
  drawLayers();
  const unsubscribers = [
    // During a long drag too: areas are cut to the window, and half a view beyond the screen
    // their cut edges would show if the window waited for the end of the move.
    view.on('move', () => followView(true)),
    view.on('move-end', () => followView(false)),
    view.on('zoom-end', (zoom) => store.set({ zoomStep: zoomStep(zoom) })),
    store.subscribe((state) => state.layers, render),
    store.subscribe((state) => state.datasets, render),
    store.subscribe((state) => state.selection, render),
    store.subscribe((state) => state.zoomStep, render),
    store.subscribe((state) => state.siteClusters, render),
    store.subscribe((state) => state.roundChange, render),
    store.subscribe((state) => state.activeAnalysis, render),
    store.subscribe((state) => state.choropleth, render),
    // Answers redraw the overlays; progress ticks (which replace `running`) do not.
    ...ANALYSIS_IDS.map((key) => analysis.results.subscribe((results) => results[key], render)),
    drawing.subscribe((current) => current.drawing, render),
    store.subscribe((state) => state.onlineBasemap, restyle),
    store.subscribe((state) => state.language, restyle),
    ...(basemap
      ? [
          basemap.state.subscribe((state) => state.basemap, restyle),
          basemap.state.subscribe((state) => state.flavour, restyle),
        ]
      : []),
    ...(references ? [references.state.subscribe((state) => state.layers, restyle)] : []),
    store.subscribe((state) => state.language, labelMap),
    ...(flows ? [flows.subscribe((state) => state, render)] : []),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
