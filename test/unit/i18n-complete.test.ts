/**
 * Every catalogue is complete: each translates every key of the French reference,
 * adds none of its own, and keeps the placeholders of each message. A missing key
 * would otherwise show French to an English or Creole reader without any warning.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { fr, type MessageKey } from '../../src/i18n/fr';
import { ht } from '../../src/i18n/ht';

const translations: Record<string, Partial<Record<MessageKey, string>>> = { en, ht };
const frenchKeys = Object.keys(fr) as MessageKey[];

/** The placeholder names of a message, sorted, each once: `{name}` → `name`. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort();
}

describe.each(Object.entries(translations))('the %s catalogue', (_language, catalogue) => {
  it('translates every key of the French reference', () => {
    const missing = frenchKeys.filter((key) => typeof catalogue[key] !== 'string');
    expect(missing).toEqual([]);
  });

  it('has no key the French reference lacks', () => {
    const extra = Object.keys(catalogue).filter((key) => !Object.hasOwn(fr, key));
    expect(extra).toEqual([]);
  });

  it('keeps the placeholders of the French message, key by key', () => {
    const mismatched = frenchKeys
      .filter((key) => catalogue[key] !== undefined)
      .filter((key) => placeholders(catalogue[key] ?? '').join() !== placeholders(fr[key]).join())
      .map(
        (key) =>
          `${key}: fr {${placeholders(fr[key]).join('}, {')}} ≠ {${placeholders(catalogue[key] ?? '').join('}, {')}}`,
      );
    expect(mismatched).toEqual([]);
  });

  it('has no empty message', () => {
    const empty = Object.entries(catalogue)
      .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });
});

/**
 * Variants GLOSSARY.md replaced by one word: each would reintroduce a second name
 * for an idea (a "menaj" next to "fanmi", a "lopital" next to "sant sante").
 */
const GLOSSARY_VARIANTS: Record<string, RegExp[]> = {
  en: [/health cent(re|er)/i, /Sphère/, /hazard area/i],
  ht: [/\bmenaj\b/i, /\bmoun deplase\b/i, /\bdosye\b/i, /\blopital\b/i, /\bklinik\b/i, /\brisk\b/i, /Sphère/],
};

describe('the glossary', () => {
  it.each(Object.entries(GLOSSARY_VARIANTS))('is followed by the %s catalogue', (language, variants) => {
    const catalogue = translations[language] ?? {};
    const strays = Object.entries(catalogue)
      .filter(([, text]) => variants.some((variant) => variant.test(text ?? '')))
      .map(([key, text]) => `${key}: ${text}`);
    expect(strays).toEqual([]);
  });

  it('names the same idea with the same word in the Creole catalogue', () => {
    expect(ht['serviceType.health']).toBe('Sant sante');
    expect(ht['serviceType.water']).toBe('Pwen dlo');
    expect(ht['overview.individuals']).toBe('Moun ki deplase');
    expect(ht['importField.households']).toBe(ht['field.households']);
    expect(ht['filter.commune']).toBe(ht['legend.commune']?.split(' ')[0]);
    expect(ht['value.sensitive']).toMatch(/^SANSIB/);
  });
});

describe('the completeness check', () => {
  it('reports a missing key, an extra key and a changed placeholder', () => {
    const broken: Partial<Record<string, string>> = {
      ...ht,
      'app.loadError': 'Erè: {detal}',
      'not.a.key': 'x',
    };
    delete broken['app.title'];
    expect(frenchKeys.filter((key) => typeof broken[key] !== 'string')).toEqual(['app.title']);
    expect(Object.keys(broken).filter((key) => !Object.hasOwn(fr, key))).toEqual(['not.a.key']);
    expect(placeholders(broken['app.loadError'] ?? '')).not.toEqual(placeholders(fr['app.loadError']));
  });

  it('reads placeholders once each, whatever their order', () => {
    expect(placeholders('{total} sou {shown}, {total}')).toEqual(['shown', 'total']);
    expect(placeholders('san paramèt')).toEqual([]);
  });
});
