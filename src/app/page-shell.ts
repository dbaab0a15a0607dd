/**
 * The page shell's part of the wiring: finding the elements index.html
 * provides, showing a start-up failure, keeping the shell's static text
 * (and the stored language preference) in the chosen language, and the
 * header's demo badge: "synthetic demo data" while everything is demo, the
 * names of the demo layers once any layer comes from an import, and a
 * warning when the fictional gang-control layer is shown beside real data.
 */
import { type Translate, translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import { demoStatus } from '../state/demo-layers';
import { storeLanguage } from '../state/preferences';
import type { Store } from '../state/store';
import { applyStaticText } from '../ui/static-text';

/** The element for a selector; index.html always has it, so a miss is a programming error. */
export function required<T extends HTMLElement>(selector: string): T {
  const node = document.querySelector<T>(selector);
  if (!node) throw new Error(`index.html lacks ${selector}`);
  return node;
}

/** Shows why the app could not start, as text, in the slot index.html keeps for it. */
export function showLoadError(message: string): void {
  const node = document.querySelector<HTMLElement>('#load-error');
  if (!node) return;
  node.hidden = false;
  node.textContent = message;
}

/** The badge's text for the state, and whether it warns; null hides it (no demo data shown). */
function demoBadgeText(state: AppState, t: Translate): { text: string; warning: boolean } | null {
  const status = demoStatus(state.sourceDatasets, state.layers);
  if (!status.anyReal) return { text: t('app.demoBanner'), warning: false };
  if (status.demoLayers.length === 0) return null;
  const text = t('app.demoLayers', {
    layers: status.demoLayers.map((layer) => t(`layer.${layer}`)).join(', '),
  });
  return status.fictionalControlBesideReal
    ? { text: `${text} — ${t('app.fictionalControlBesideReal')}`, warning: true }
    : { text, warning: false };
}

/** Keeps the header's demo badge true to what the map shows. */
function mountDemoBadge(store: Store<AppState>): () => void {
  const badge = document.querySelector<HTMLElement>('.demo-banner');
  if (!badge) return () => {};
  // Its text now depends on the data, not only on the language.
  badge.removeAttribute('data-i18n');
  const apply = (state: AppState) => {
    const content = demoBadgeText(state, translator(state.language));
    badge.hidden = content === null;
    badge.textContent = content?.text ?? '';
    badge.classList.toggle('demo-warning', content?.warning === true);
    badge.dataset.demoLayers = demoStatus(state.sourceDatasets, state.layers).demoLayers.join(' ');
  };
  apply(store.get());
  return store.subscribe(
    (state) => demoBadgeText(state, translator(state.language))?.text ?? '',
    (_text, state) => apply(state),
  );
}

/** Applies the language to the shell now and on every change, remembering the choice; keeps the demo badge. */
export function mountPageLanguage(store: Store<AppState>, storage: Storage | undefined): () => void {
  const apply = () => applyStaticText(document, translator(store.get().language));
  apply();
  const unmountBadge = mountDemoBadge(store);
  const unsubscribe = store.subscribe(
    (state) => state.language,
    (language) => {
      storeLanguage(storage, language);
      apply();
    },
  );
  return () => {
    unsubscribe();
    unmountBadge();
  };
}
