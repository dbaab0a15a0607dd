/**
 * A "SENSITIVE — internal use" badge on the map whenever the gang-control
 * layer is shown, so every view of that layer carries its label (screenshots
 * included), not only its legend and exports.
 */
import { analysisIsSensitive } from '../analyses/sensitivity';
import { translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { element } from './dom';

export function mountSensitivityBadge(container: HTMLElement, store: Store<AppState>): () => void {
  const badge = element('p', {
    className: 'map-sensitivity-badge sensitive-badge',
    attributes: { 'data-sensitivity': 'map' },
  });
  container.append(badge);
  const sync = () => {
    const state = store.get();
    // Also when the analysis shown derives from the gang-control layer, even with the layer hidden.
    const shown =
      (state.layers.control.visible && (state.datasets?.control.features.length ?? 0) > 0) ||
      analysisIsSensitive(state.activeAnalysis);
    badge.hidden = !shown;
    badge.textContent = translator(state.language)('value.sensitive');
  };
  sync();
  const unsubscribers = [
    store.subscribe((state) => state.layers, sync),
    store.subscribe((state) => state.activeAnalysis, sync),
    store.subscribe((state) => state.language, sync),
    store.subscribe((state) => state.datasets, sync),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    badge.remove();
  };
}
