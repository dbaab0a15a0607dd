/**
 * The page shell's part of the wiring: finding the elements index.html
 * provides, showing a start-up failure, and keeping the shell's static text
 * (and the stored language preference) in the chosen language.
 */
import { translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
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

/** Applies the language to the shell now and on every change, remembering the choice. */
export function mountPageLanguage(store: Store<AppState>, storage: Storage | undefined): () => void {
  const apply = () => applyStaticText(document, translator(store.get().language));
  apply();
  return store.subscribe(
    (state) => state.language,
    (language) => {
      storeLanguage(storage, language);
      apply();
    },
  );
}
