import { type Datasets, LAYER_IDS, type LayerId } from '../domain/types';
import type { Language } from '../i18n/translate';

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
  /** The data on the map; null until loaded. Replaced whole (never mutated) so subscribers see the change. */
  datasets: Datasets | null;
  layers: Record<LayerId, LayerSettings>;
  selection: Selection | null;
  /** Map zoom rounded to half levels: layers that depend on zoom rebuild only when it crosses a step. */
  zoomStep: number;
  /** Off by default: turning it on sends tile requests off the machine. */
  onlineBasemap: boolean;
}

export function initialAppState(language: Language): AppState {
  const layers = Object.fromEntries(LAYER_IDS.map((id) => [id, { visible: true, opacity: 1 }])) as Record<
    LayerId,
    LayerSettings
  >;
  return { language, datasets: null, layers, selection: null, zoomStep: 7.5, onlineBasemap: false };
}

/** Returns new layer settings with one layer changed; the others keep their identity. */
export function withLayerSettings(
  layers: Record<LayerId, LayerSettings>,
  layerId: LayerId,
  change: Partial<LayerSettings>,
): Record<LayerId, LayerSettings> {
  return { ...layers, [layerId]: { ...layers[layerId], ...change } };
}
