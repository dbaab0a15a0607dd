/**
 * What clicks and keys on the map do, by map mode: select a feature, vet a
 * candidate site, or draw an area of interest. The drawing in progress lives
 * in its own small store so the preview redraws without touching app state.
 */
import type { PickingInfo } from '@deck.gl/core';
import type { MapMouseEvent } from 'maplibre-gl';
import type { AnalysisController } from '../analysis/analysis-controller';
import type { AppState } from '../state/app-state';
import { createStore, type Store } from '../state/store';
import { addPoint, type Drawing, finishPolygon, moveCursor, startDrawing } from './drawing';
import type { MapView } from './map-view';

export interface MapInteraction {
  drawing: Store<{ drawing: Drawing | null }>;
  /** Handles a click already picked by the map view; returns true when a mode consumed it. */
  handleClick(info: PickingInfo | null, event: MapMouseEvent): boolean;
  dispose(): void;
}

export function createMapInteraction(
  store: Store<AppState>,
  view: MapView,
  analysis: AnalysisController,
): MapInteraction {
  const drawing = createStore<{ drawing: Drawing | null }>({ drawing: null });
  const map = view.map;

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
    if (mode === 'draw-polygon') map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
    map.getCanvas().style.cursor = mode === 'select' ? '' : 'crosshair';
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
  const onMove = (event: MapMouseEvent) => {
    const current = drawing.get().drawing;
    if (current && current.vertices.length > 0)
      drawing.set({ drawing: moveCursor(current, [event.lngLat.lng, event.lngLat.lat]) });
  };
  const onKey = (event: KeyboardEvent) => {
    const mode = store.get().mapMode;
    if (mode === 'select') return;
    if (event.key === 'Escape') store.set({ mapMode: 'select' });
    const current = drawing.get().drawing;
    if (event.key === 'Enter' && current?.kind === 'polygon') finish(finishPolygon(current));
  };

  map.on('dblclick', onDoubleClick);
  map.on('mousemove', onMove);
  document.addEventListener('keydown', onKey);
  const unsubscribe = store.subscribe((state) => state.mapMode, onMode);

  return {
    drawing,
    handleClick(_info, event) {
      const mode = store.get().mapMode;
      const point: [number, number] = [event.lngLat.lng, event.lngLat.lat];
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
      unsubscribe();
      map.off('dblclick', onDoubleClick);
      map.off('mousemove', onMove);
      document.removeEventListener('keydown', onKey);
    },
  };
}
