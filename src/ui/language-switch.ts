/**
 * The language selector; `<html lang>` and the document title follow it. Only French is
 * in the main chunk: a choice takes effect once its catalogue has loaded.
 */
import { LANGUAGES, loadLanguage, translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import { storedLanguage } from '../state/preferences';
import type { Store } from '../state/store';
import { element } from './dom';

// The stored choice is loaded before any module that imports this one runs, so the first
// render is already in that language (main.ts creates the store from the same stored choice).
// A failed load (a broken chunk) leaves the page in French rather than not starting it.
await loadLanguage(storedLanguage(globalThis.localStorage)).catch(() => undefined);

/** Each language in its own name, so anyone can find theirs. */
const LANGUAGE_NAMES = { fr: 'Français', en: 'English', ht: 'Kreyòl ayisyen' } as const;

export function mountLanguageSwitch(container: HTMLElement, store: Store<AppState>): () => void {
  const select = element(
    'select',
    { attributes: { id: 'language-select', 'data-action': 'language' } },
    LANGUAGES.map((language) =>
      element('option', { text: LANGUAGE_NAMES[language], attributes: { value: language, lang: language } }),
    ),
  );
  const label = element('label', { attributes: { for: select.id } });
  select.addEventListener('change', () => {
    const language = LANGUAGES.find((candidate) => candidate === select.value);
    if (!language) return;
    loadLanguage(language).then(
      // The latest choice wins when two loads overlap.
      () => {
        if (select.value === language) store.set({ language });
      },
      () => {
        select.value = store.get().language;
      },
    );
  });
  const sync = () => {
    const { language } = store.get();
    const t = translator(language);
    select.value = language;
    label.textContent = t('language.label');
    document.documentElement.lang = language;
    document.title = t('app.title');
  };
  container.replaceChildren(label, select);
  sync();
  const unsubscribe = store.subscribe((state) => state.language, sync);
  return () => {
    unsubscribe();
    container.replaceChildren();
  };
}
