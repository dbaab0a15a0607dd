/**
 * Only French is bundled: English and Creole load on demand, and until then every
 * message falls back to French rather than to a key.
 */
import { describe, expect, it, vi } from 'vitest';

/** A fresh copy of the module, with nothing loaded yet (the setup file loads every language). */
async function freshTranslate() {
  vi.resetModules();
  return import('../../src/i18n/translate');
}

describe('lazy catalogues', () => {
  it('answers in French until a language is loaded, then in that language', async () => {
    const { isLanguageLoaded, loadLanguage, translator } = await freshTranslate();
    expect(isLanguageLoaded('fr')).toBe(true);
    expect(isLanguageLoaded('en')).toBe(false);
    expect(translator('en')('layer.sites')).toBe(translator('fr')('layer.sites'));
    await loadLanguage('en');
    expect(isLanguageLoaded('en')).toBe(true);
    expect(isLanguageLoaded('ht')).toBe(false);
    expect(translator('en')('layer.sites')).not.toBe(translator('fr')('layer.sites'));
  });

  it('loads a catalogue once, however often it is asked for', async () => {
    const { loadLanguage } = await freshTranslate();
    const first = loadLanguage('ht');
    expect(loadLanguage('ht')).toBe(first);
    await first;
    await expect(loadLanguage('ht')).resolves.toBeUndefined();
  });
});
