import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';
import { formatDate, formatNumber, isLanguage, isMessageKey, translator } from '../../src/i18n/translate';
import { storedLanguage } from '../../src/state/preferences';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
  it('translate every key into non-empty English with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [key, french] of Object.entries(fr)) {
      const english = en[key as keyof typeof fr];
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(french));
    }
  });

  it('fills placeholders as text and formats numbers for the locale', () => {
    const t = translator('fr');
    expect(t('panel.opacity', { layer: '<b>x</b>' })).toBe('Opacité de « <b>x</b> »');
    expect(t('value.squareMetres', { value: 12345 })).toMatch(/^12\s345 m²$/u);
    expect(translator('en')('value.squareMetres', { value: 12345 })).toBe('12,345 m²');
    expect(formatNumber('fr', 1234.56, 1)).toMatch(/^1\s234,6$/u);
    expect(formatDate('en', '2026-11-15')).toBe('15 Nov 2026');
    expect(formatDate('fr', 'not a date')).toBe('not a date');
  });

  it('recognises languages and keys, and defaults to French', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('de')).toBe(false);
    expect(isMessageKey('layer.sites')).toBe(true);
    expect(isMessageKey('siteType.unknown')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
    expect(storedLanguage({ getItem: () => 'en' })).toBe('en');
    expect(storedLanguage({ getItem: () => 'xx' })).toBe('fr');
    expect(
      storedLanguage({
        getItem: () => {
          throw new Error('blocked');
        },
      }),
    ).toBe('fr');
  });
});
