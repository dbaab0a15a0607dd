/**
 * Messages are filled by type-checked placeholders and take the plural form the
 * language's rules select: "1 élément" and "0 élément" in French, "0 features" in English.
 */
import { describe, expect, it } from 'vitest';
import { fr } from '../../src/i18n/fr';
import { loadLanguage, translator } from '../../src/i18n/translate';

describe('placeholders', () => {
  it('are required by the key at compile time, and a message without any takes none', () => {
    const t = translator('fr');
    // @ts-expect-error a message with `{detail}` cannot be asked for without it
    expect(t('app.loadError')).toContain('{detail}');
    // @ts-expect-error a message without placeholders takes no parameters
    expect(t('app.title', { detail: 'x' })).toBe(fr['app.title']);
    expect(t('app.loadError', { detail: 'réseau' })).toContain('réseau');
  });
});

describe('plural forms', () => {
  it('follow French rules: zero and one are singular, two and more plural', () => {
    const t = translator('fr');
    expect(t('export.fileName', { name: 'a.csv', count: 0 })).toBe('Fichier : a.csv · 0 élément');
    expect(t('export.fileName', { name: 'a.csv', count: 1 })).toBe('Fichier : a.csv · 1 élément');
    expect(t('export.fileName', { name: 'a.csv', count: 2 })).toBe('Fichier : a.csv · 2 éléments');
    expect(t('export.fileName', { name: 'a.csv', count: 12345 })).toBe(
      'Fichier : a.csv · 12\u202f345 éléments',
    );
  });

  it('follow English rules: only one is singular', async () => {
    await loadLanguage('en');
    const t = translator('en');
    expect(t('export.fileName', { name: 'a.csv', count: 0 })).toBe('File: a.csv · 0 features');
    expect(t('export.fileName', { name: 'a.csv', count: 1 })).toBe('File: a.csv · 1 feature');
  });

  it('are variants of one message: every `_one` form has its general form', () => {
    const orphans = Object.keys(fr)
      .filter((key) => /_(zero|one|two|few|many)$/.test(key))
      .filter((key) => !Object.hasOwn(fr, key.replace(/_(zero|one|two|few|many)$/, '')));
    expect(orphans).toEqual([]);
  });
});
