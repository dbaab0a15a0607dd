/**
 * Which shown layers hold demo (synthetic, fictional) data — the header, the
 * map products and their legends say so once any layer comes from an import.
 * A layer counts as shown when it is switched on and has features; a layer
 * that combines an import with the demo counts as demo (partly fictional is
 * fictional). Pure: read from the app state, anywhere.
 */
import { type Datasets, LAYER_IDS, type LayerId } from '../domain/types';
import type { LayerSettings } from './app-state';

/** What the map shows, as far as demo and real data go. */
export interface DemoStatus {
  /** Shown layers holding demo data, in drawing order (bottom to top). */
  demoLayers: LayerId[];
  /** True when at least one shown layer holds only real (imported) data. */
  anyReal: boolean;
  /** The fictional gang-control demo is shown beside real data: warn. */
  fictionalControlBesideReal: boolean;
}

const isSynthetic = (datasets: Datasets, layer: LayerId): boolean =>
  datasets[layer].metadata?.synthetic === true;

/**
 * The demo status of what is shown. Products print `demoLayers` (with the
 * layer names from the catalogue, `layer.<id>`) when `anyReal` is true, and
 * the plain "synthetic demo data" line when it is false.
 */
export function demoStatus(datasets: Datasets | null, layers: Record<LayerId, LayerSettings>): DemoStatus {
  if (!datasets) return { demoLayers: [], anyReal: false, fictionalControlBesideReal: false };
  const shown = LAYER_IDS.filter((layer) => layers[layer].visible && datasets[layer].features.length > 0);
  const demoLayers = shown.filter((layer) => isSynthetic(datasets, layer));
  const anyReal = shown.some((layer) => !isSynthetic(datasets, layer));
  return { demoLayers, anyReal, fictionalControlBesideReal: anyReal && demoLayers.includes('control') };
}
