/** The user's language choice, kept in localStorage (French by default). */
import { isLanguage, type Language } from '../i18n/translate';

const LANGUAGE_KEY = 'katsit.language';

export function storedLanguage(storage: Pick<Storage, 'getItem'> | undefined): Language {
  try {
    const value = storage?.getItem(LANGUAGE_KEY);
    return isLanguage(value) ? value : 'fr';
  } catch {
    // Storage can be blocked (private mode, policies): the default is fine.
    return 'fr';
  }
}

export function storeLanguage(storage: Pick<Storage, 'setItem'> | undefined, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_KEY, language);
  } catch {
    // Not persisting a preference is not worth an error message.
  }
}
