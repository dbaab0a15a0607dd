/** The language selector; `<html lang>` and the document title follow it. */
import { LANGUAGES, translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { element } from './dom';

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
    if (language) store.set({ language });
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
