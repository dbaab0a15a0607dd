/**
 * What clicks and keys on the map do, by map mode: select a feature, vet a
 * candidate site, or draw an area of interest. The drawing in progress lives
 * in its own small store so the preview redraws without touching app state.
 */
import type { AnalysisController } from '../analysis/analysis-controller';
import type { AppState } from '../state/app-state';
import { createStore, type Store } from '../state/store';
import type { Position } from './camera';
import { addPoint, type Drawing, finishPolygon, moveCursor, startDrawing } from './drawing';
import type { MapClick, MapView } from './map-view';

export interface MapInteraction {
  drawing: Store<{ drawing: Drawing | null }>;
  /** Handles a click already picked by the map view; returns true when a mode consumed it. */
  handleClick(click: MapClick): boolean;
  dispose(): void;
}

export function createMapInteraction(
  store: Store<AppState>,
  view: MapView,
  analysis: AnalysisController,
): MapInteraction {
  const drawing = createStore<{ drawing: Drawing | null }>({ drawing: null });

  const onMode = (mode: AppState['mapMode']) => {
    drawing.set({
      drawing:
        mode === 'draw-polygon'
          ? startDrawing('polygon')
          : mode === 'draw-circle'
            ? startDrawing('circle')
            : null,
    });
    // A double-click finishes a polygon: it must not also zoom the map.
    view.setDoubleClickZoom(mode !== 'draw-polygon');
    view.setCursor(mode === 'select' ? '' : 'crosshair');
  };

  const finish = (shape: ReturnType<typeof finishPolygon>) => {
    if (!shape) return;
    drawing.set({ drawing: null });
    store.set({ mapMode: 'select' });
    void analysis.runArea(shape);
  };

  const onDoubleClick = () => {
    const current = drawing.get().drawing;
    if (current?.kind === 'polygon') finish(finishPolygon(current));
  };
  const onMove = (position: Position) => {
    const current = drawing.get().drawing;
    if (current && current.vertices.length > 0)
      drawing.set({ drawing: moveCursor(current, [position.longitude, position.latitude]) });
  };
  const onKey = (event: KeyboardEvent) => {
    const mode = store.get().mapMode;
    if (mode === 'select') return;
    if (event.key === 'Escape') store.set({ mapMode: 'select' });
    const current = drawing.get().drawing;
    if (event.key === 'Enter' && current?.kind === 'polygon') finish(finishPolygon(current));
  };

  document.addEventListener('keydown', onKey);
  const unsubscribers = [
    view.on('double-click', onDoubleClick),
    view.on('pointer-move', onMove),
    store.subscribe((state) => state.mapMode, onMode),
  ];

  return {
    drawing,
    handleClick(click) {
      const mode = store.get().mapMode;
      const point: [number, number] = [click.longitude, click.latitude];
      if (mode === 'candidate') {
        void analysis.checkCandidate(point[0], point[1]);
        return true;
      }
      const current = drawing.get().drawing;
      if ((mode === 'draw-polygon' || mode === 'draw-circle') && current) {
        const step = addPoint(current, point);
        if (step.shape) finish(step.shape);
        else drawing.set({ drawing: step.drawing });
        return true;
      }
      return false;
    },
    dispose() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      document.removeEventListener('keydown', onKey);
    },
  };
}
