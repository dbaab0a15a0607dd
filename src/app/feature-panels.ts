/**
 * The feature panels and dialogs (import and data manager, site table, filters,
 * search, analysis panel, snapshots and saved views), each mount(…) → unmount,
 * wired to the store and the map view. Mounted together so the test handle's
 * reset can mount them again, which is how every panel starts as on a first load.
 */
import type { AnalysisController } from '../analysis/analysis-controller';
import type { SourceFlags } from '../analysis/source-site-flags';
import type { Datasets } from '../domain/types';
import { initialFlowState } from '../flows/flow-state';
import type { MapView } from '../map/map-view';
import type { RoundComparer } from '../rounds/compare-stored-rounds';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { mountAnalysisPanel } from '../ui/analysis-panel';
import { mountFilterPanel } from '../ui/filter-panel';
import { type FlowPanelParts, mountFlowSection } from '../ui/flow-panel';
import { mountImportFeature } from '../ui/import-toolbar';
import { mountRoundComparisonPanel } from '../ui/round-comparison-panel';
import { mountSnapshotsAndViews } from '../ui/saved-views-toolbar';
import { mountSearchBox } from '../ui/search-box';
import { mountSiteTable } from '../ui/site-table';
import { required } from './page-shell';

export interface FeaturePanelsOptions {
  toolbar: HTMLElement;
  mapArea: HTMLElement;
  store: Store<AppState>;
  view: MapView;
  analysis: AnalysisController;
  sourceFlags: SourceFlags;
  /** The demo datasets, for "reset to demo". */
  demo: Datasets;
  /** The analysis worker's round comparison. */
  rounds: RoundComparer;
  /** The flows layer (issue 17): its panel, and the import of movements tables. */
  movements: Omit<FlowPanelParts, 'store'>;
}

/** The mounted panels: `ready` once the data library has read storage. */
export interface FeaturePanels {
  ready: Promise<void>;
  unmount(): void;
}

export function mountFeaturePanels(options: FeaturePanelsOptions): FeaturePanels {
  const { toolbar, mapArea, store, view, analysis, sourceFlags, demo } = options;
  const importFeature = mountImportFeature({
    ...{ toolbar, mapArea, store, demo },
    fitToImport: (bounds) => view.fitBounds(bounds, { padding: 48, maxZoom: 14 }),
    takeFile: (file, engine) =>
      options.movements.importer.importFile(file, (chosen) => engine.readFlowTable(chosen)),
  });
  const { flows, importer } = options.movements;
  // The movements kept from an earlier visit, placed once the stored boundaries are read.
  const restored = importer.restore(importFeature.ready);
  const unmounts = [
    () => importFeature.unmount(),
    // A reset to the demo (here or in another tab) takes the kept movements with it.
    importFeature.library.subscribe(() => void importer.reconcile()),
    mountSiteTable(required('#table-panel'), store, analysis, view),
    mountFilterPanel(required('#filter-panel'), store, { sourceFlags }),
    mountSearchBox(required('#search'), store, view),
    mountAnalysisPanel(required('#analysis-panel'), store, analysis),
    mountRoundComparisonPanel(required('.side-column'), {
      store,
      library: importFeature.library,
      comparer: options.rounds,
    }),
    mountFlowSection(required('#reference-panel'), { store, ...options.movements }),
    // Mounted again only by the test handle's reset: the movements go back to none, as on a first load.
    () => flows.set(initialFlowState()),
    // Last, so a view restored from the URL reaches every panel mounted above.
    mountSnapshotsAndViews(toolbar, store, view, {
      analysisAnswered: () => analysis.whenAnswered(),
      flows,
    }),
  ];
  return {
    ready: Promise.all([importFeature.ready, restored]).then(() => undefined),
    unmount() {
      for (const unmountPanel of unmounts.reverse()) unmountPanel();
    },
  };
}
