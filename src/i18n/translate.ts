import { fr, type MessageKey } from './fr';

export const LANGUAGES = ['fr', 'en', 'ht'] as const;
export type Language = (typeof LANGUAGES)[number];

type Catalogue = Partial<Record<MessageKey, string>>;

/**
 * Every catalogue translates every key (test/unit/i18n-complete.test.ts); French, the reference,
 * is still the fallback of a lookup whose catalogue is not loaded yet.
 * French is bundled: it is the default language and the fallback of every lookup, so any
 * message asked for synchronously, in any language, always has an answer. English and
 * Creole are separate chunks, loaded by `loadLanguage` before they are shown.
 */
const catalogues: Partial<Record<Language, Catalogue>> = { fr };

const LOADERS: Record<Exclude<Language, 'fr'>, () => Promise<Catalogue>> = {
  en: () => import('./en').then((module) => module.en),
  ht: () => import('./ht').then((module) => module.ht),
};

const loading = new Map<Language, Promise<void>>();

/** Loads a language's catalogue (once); resolves when its messages can be shown. */
export function loadLanguage(language: Language): Promise<void> {
  if (language === 'fr' || catalogues[language]) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = LOADERS[language]().then(
      (catalogue) => {
        catalogues[language] = catalogue;
      },
      (error: unknown) => {
        // A later attempt may succeed (the chunk is precached, but the first load can race a deploy).
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/** True when the language's messages are loaded (French always is). */
export function isLanguageLoaded(language: Language): boolean {
  return catalogues[language] !== undefined;
}

/**
 * BCP 47 tags for `Intl` formatting of numbers and dates. Chromium and Node have
 * no `ht` locale data (`Intl` silently falls back to en-US), so Haitian Creole
 * formats numbers as French in Haiti does ("12 345,6"); its month names are ours.
 */
const LOCALES: Record<Language, string> = { fr: 'fr-HT', en: 'en-GB', ht: 'fr-HT' };

/** Haitian Creole month names (Intl has none). */
const CREOLE_MONTHS = [
  'janvye',
  'fevriye',
  'mas',
  'avril',
  'me',
  'jen',
  'jiyè',
  'out',
  'septanm',
  'oktòb',
  'novanm',
  'desanm',
] as const;

/** The `Intl` locale used to format numbers and dates in a language. */
export function localeFor(language: Language): string {
  return LOCALES[language];
}

/**
 * The message for `key` in `language`, or the French one when that catalogue lacks it
 * (or is not loaded yet: `loadLanguage` first).
 */
export function message(language: Language, key: MessageKey): string {
  return lookUp(catalogues[language], key);
}

/** The message for `key` in `catalogue`, or the French one when the catalogue lacks it (or is missing). */
export function lookUp(catalogue: Catalogue | undefined, key: MessageKey): string {
  return catalogue?.[key] ?? fr[key];
}

/** Keys a loaded catalogue translates itself (not through the French fallback). */
export function translatedKeys(language: Language): MessageKey[] {
  return (Object.keys(fr) as MessageKey[]).filter((key) => catalogues[language]?.[key] !== undefined);
}

/** The `{name}` placeholders of a message template, as a union of names. */
type PlaceholdersOf<Template extends string> = Template extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${string} ${string}` ? never : Name) | PlaceholdersOf<Rest>
  : never;

type IsUnion<Type, Whole = Type> = Type extends unknown ? ([Whole] extends [Type] ? false : true) : never;

/** A value put in a placeholder: text as is, numbers formatted for the language. */
type PlaceholderValue = string | number;

/**
 * What a message needs besides its key. A literal key is checked against the French
 * template: every placeholder must be given, and a message without placeholders takes
 * none. A key computed at run time (a union, e.g. `layer.${id}`) cannot be checked, so
 * it takes an optional record.
 */
export type MessageParameters<Key extends MessageKey> =
  true extends IsUnion<Key>
    ? [parameters?: Record<string, PlaceholderValue>]
    : [PlaceholdersOf<(typeof fr)[Key]>] extends [never]
      ? []
      : [parameters: Record<PlaceholdersOf<(typeof fr)[Key]>, PlaceholderValue>];

/** Translates a key in one language; parameters are typed by the key's placeholders. */
export type Translate = <Key extends MessageKey>(key: Key, ...parameters: MessageParameters<Key>) => string;

/** True when `value` names a language we have a catalogue for. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** True when `key` is in the catalogues (enum values from imported data may not be). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}

/**
 * Returns the translator for a language. Parameters are substituted as plain
 * text; callers put the result in `textContent`, never in `innerHTML`.
 */
export function translator(language: Language): Translate {
  const numberFormat = new Intl.NumberFormat(LOCALES[language]);
  const pluralRules = new Intl.PluralRules(LOCALES[language]);
  return (key, ...parameters) => {
    const values = parameters[0] as Record<string, PlaceholderValue> | undefined;
    return fillPlaceholders(
      message(language, pluralVariant(key, values?.count, pluralRules)),
      values,
      numberFormat,
    );
  };
}

/**
 * The key of the plural form a count asks for. A message's plain key holds its general
 * ("other") form; a form the language's plural rules select for some counts lives beside
 * it with the category as suffix (`import.confirm_one`), as i18next and CLDR name them.
 * French puts 0 and 1 in "one", English only 1; Creole nouns do not inflect, so its
 * variants repeat the general form.
 */
export function pluralVariant(
  key: MessageKey,
  count: PlaceholderValue | undefined,
  rules: Intl.PluralRules,
): MessageKey {
  if (typeof count !== 'number') return key;
  const category = rules.select(count);
  if (category === 'other') return key;
  const variant = `${key}_${category}`;
  return isMessageKey(variant) ? variant : key;
}

/** Substitutes `{name}` placeholders as plain text, numbers formatted by `numberFormat`. */
export function fillPlaceholders(
  template: string,
  parameters: Record<string, string | number> | undefined,
  numberFormat: Intl.NumberFormat,
): string {
  if (!parameters) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = parameters[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat.format(value) : value;
  });
}

/** Formats a number for the language's locale (e.g. "12 345" in French). */
export function formatNumber(language: Language, value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits }).format(value);
}

/** Formats an ISO date (YYYY-MM-DD) for the language's locale; returns the input if unparseable. */
export function formatDate(language: Language, isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return isoDate;
  if (language === 'ht') {
    return `${date.getUTCDate()} ${CREOLE_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  }
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

const KILOBYTE = 1024;
const MEGABYTE = 1024 * KILOBYTE;
const GIGABYTE = 1024 * MEGABYTE;

/** A byte count in the unit a reader expects ("12,4 Mo", "3.1 GB"). */
export function formatBytes(language: Language, bytes: number): string {
  const t = translator(language);
  if (bytes >= GIGABYTE)
    return t('dataManager.gigabytes', { value: formatNumber(language, bytes / GIGABYTE, 1) });
  if (bytes >= MEGABYTE)
    return t('dataManager.megabytes', { value: formatNumber(language, bytes / MEGABYTE, 1) });
  return t('dataManager.kilobytes', { value: formatNumber(language, Math.ceil(bytes / KILOBYTE)) });
}

/** A distance for people: metres under 1 km ("850 m"), kilometres with one decimal above ("1,2 km"). */
export function formatDistance(language: Language, meters: number): string {
  if (!Number.isFinite(meters)) return '—';
  if (meters < 1000) return `${formatNumber(language, Math.round(meters / 10) * 10)} m`;
  return `${formatNumber(language, meters / 1000, 1)} km`;
}
