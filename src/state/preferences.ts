/** The user's preferences kept in localStorage: language, CSV style, and small records of other modules. */
import { isLanguage, type Language } from '../i18n/translate';
import type { CsvStyle } from '../io/write-csv';

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

const CSV_STYLE_KEY = 'katsit.csvStyle';

/**
 * The CSV style the user chose, or the language's default: French and Creole users
 * mostly open exports in a spreadsheet set to French conventions, English users in
 * one that expects commas.
 */
export function storedCsvStyle(storage: Pick<Storage, 'getItem'> | undefined, language: Language): CsvStyle {
  try {
    const value = storage?.getItem(CSV_STYLE_KEY);
    if (value === 'spreadsheet' || value === 'standard') return value;
  } catch {
    // Blocked storage: the language's default follows.
  }
  return language === 'en' ? 'standard' : 'spreadsheet';
}

export function storeCsvStyle(storage: Pick<Storage, 'setItem'> | undefined, style: CsvStyle): void {
  try {
    storage?.setItem(CSV_STYLE_KEY, style);
  } catch {
    // Not persisting a preference is not worth an error message.
  }
}

/** A preference's text, or null when unset or when storage is blocked. */
export function readPreference(
  preferences: Pick<Storage, 'getItem'> | undefined,
  key: string,
): string | null {
  try {
    return preferences?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores a preference (null removes it); blocked storage is not worth an error message. */
export function writePreference(
  preferences: Pick<Storage, 'setItem' | 'removeItem'> | undefined,
  key: string,
  value: string | null,
): void {
  try {
    if (value === null) preferences?.removeItem(key);
    else preferences?.setItem(key, value);
  } catch {
    // Not persisting a preference is not worth an error message.
  }
}
