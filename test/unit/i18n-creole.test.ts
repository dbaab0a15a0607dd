/**
 * Haitian Creole: a partial catalogue that falls back to French, formats numbers
 * and dates although `Intl` has no `ht` locale, and is always safe to show.
 */
import { describe, expect, it } from 'vitest';
import { fr, type MessageKey } from '../../src/i18n/fr';
import { ht } from '../../src/i18n/ht';
import {
  fillPlaceholders,
  formatDate,
  formatDistance,
  formatNumber,
  isLanguage,
  LANGUAGES,
  localeFor,
  lookUp,
  message,
  translatedKeys,
  translator,
} from '../../src/i18n/translate';
import { storedLanguage } from '../../src/state/preferences';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/**
 * What a responder sees every minute: these must never fall back to French.
 * Families whose every member is a map category or a details field, plus the
 * named shell, analysis and toolbar keys. Keys other people add later elsewhere
 * fall back to French until translated (the coverage figure shows it), without
 * failing this test.
 */
const MUST_TRANSLATE_FAMILIES = [
  'offline.',
  'layer.',
  'siteType.',
  'hazardType.',
  'severity.',
  'controlLevel.',
  'serviceType.',
  'waterPointType.',
  'adminLevel.',
  'needSeverity.',
  'field.',
  'value.',
  'verdict.',
];
const MUST_TRANSLATE_KEYS: MessageKey[] = [
  'app.title',
  'app.tagline',
  'app.demoBanner',
  'app.skipToMap',
  'app.loading',
  'app.loadError',
  'app.offlineStatus',
  'app.onlineBasemapStatus',
  'language.label',
  'toolbar.label',
  'panel.layers',
  'panel.legend',
  'panel.opacity',
  'panel.show',
  'panel.basemap',
  'panel.basemapOffline',
  'panel.basemapOnline',
  'panel.basemapOnlineWarning',
  'legend.sitesSize',
  'legend.hazardsOpacity',
  'legend.controlSensitive',
  'legend.adminApproximate',
  'legend.department',
  'legend.commune',
  'details.title',
  'details.close',
  'details.empty',
  'map.label',
  'map.attributionOffline',
  'analysis.panelTitle',
  'analysis.intro',
  'analysis.exposure',
  'analysis.access',
  'analysis.coverage',
  'analysis.space',
  'analysis.area',
  'analysis.admin',
  'analysis.candidate',
  'analysis.running',
  'analysis.cancel',
  'analysis.error',
  'analysis.close',
  'analysis.keyFigures',
  'analysis.noResult',
  'import.button',
  'export.button',
  'dataManager.button',
  'siteTable.toggle',
  'toolbar.snapshot',
  'toolbar.copyLink',
  'toolbar.views',
];

describe('the Haitian Creole catalogue', () => {
  it('has only keys of the French reference, each non-empty, with the same placeholders', () => {
    for (const [key, creole] of Object.entries(ht)) {
      expect(Object.hasOwn(fr, key), `${key} is not a French key`).toBe(true);
      expect(creole?.trim(), key).not.toBe('');
      expect(placeholders(creole ?? ''), key).toEqual(placeholders(fr[key as MessageKey]));
    }
  });

  it('translates the page shell, layers, legend, categories, details, analyses, toolbar and status', () => {
    const family = (Object.keys(fr) as MessageKey[]).filter((key) =>
      MUST_TRANSLATE_FAMILIES.some((prefix) => key.startsWith(prefix)),
    );
    const missing = [...family, ...MUST_TRANSLATE_KEYS].filter((key) => ht[key] === undefined);
    expect(missing).toEqual([]);
  });

  it('uses the Creole words responders use', () => {
    const t = translator('ht');
    expect(t('layer.sites')).toBe('Sit deplasman');
    expect(t('layer.hazards')).toBe('Zòn danje');
    expect(t('layer.control')).toBe('Zòn gang kontwole');
    expect(t('layer.services')).toBe('Pwen sèvis');
    expect(t('layer.admin')).toBe('Limit administratif');
    expect(t('hazardType.flood')).toBe('Inondasyon');
    expect(t('hazardType.landslide')).toBe('Glisman tè');
    expect(t('hazardType.storm_surge')).toBe('Lanm tanpèt');
    expect(t('hazardType.earthquake')).toBe('Tranblemanntè');
    expect(t('app.offlineStatus')).toBe('San entènèt — tout done yo lokal');
  });

  it('prints its coverage for the lead', () => {
    const total = Object.keys(fr).length;
    const translated = translatedKeys('ht').length;
    const share = translated / total;
    console.info(
      `Haitian Creole coverage: ${translated} of ${total} keys (${(share * 100).toFixed(1)} %); the rest is shown in French.`,
    );
    expect(translated).toBe(Object.keys(ht).length);
    expect(share).toBeGreaterThan(0.3);
    expect(translatedKeys('fr')).toHaveLength(total);
    expect(translatedKeys('en')).toHaveLength(total);
  });
});

describe('the French fallback', () => {
  // Every key is translated now (i18n-complete.test.ts), so the fallback is tested on a catalogue that lacks one:
  // what a language shows before its chunk has loaded, or a key added to French first.
  const partial = { 'layer.sites': ht['layer.sites'] };

  it('shows the French message for a key the catalogue lacks', () => {
    expect(lookUp(partial, 'siteTable.count')).toBe(fr['siteTable.count']);
    expect(lookUp(undefined, 'layer.sites')).toBe(fr['layer.sites']);
    expect(lookUp(partial, 'layer.sites')).toBe(ht['layer.sites']);
    // The UN disclaimer keeps its official French wording.
    expect(translator('ht')('snapshot.disclaimer')).toBe(fr['snapshot.disclaimer']);
  });

  it('fills the placeholders of a fallen-back message, with numbers formatted for Haiti', () => {
    const key = (Object.keys(fr) as MessageKey[]).find((candidate) => placeholders(fr[candidate]).length > 0);
    expect(key).toBeDefined();
    if (!key) return;
    const parameters = Object.fromEntries(placeholders(fr[key]).map((name) => [name, 12345]));
    const text = fillPlaceholders(lookUp(partial, key), parameters, new Intl.NumberFormat(localeFor('ht')));
    expect(text).not.toMatch(/\{\w+\}/);
    expect(text).toMatch(/12\s345/u);
  });

  it('prefers the Creole message when there is one', () => {
    expect(message('ht', 'layer.sites')).not.toBe(fr['layer.sites']);
    expect(translator('ht')('siteTable.count', { shown: 3, total: 1200 })).toMatch(/^3 sit sou 1\s200$/u);
  });
});

describe('formatting in Haitian Creole', () => {
  it('finds no ht locale in Intl, which silently falls back to another locale', () => {
    expect(Intl.NumberFormat.supportedLocalesOf(['ht'])).toEqual([]);
    expect(new Intl.NumberFormat('ht').resolvedOptions().locale).not.toMatch(/^ht/);
    expect(Intl.NumberFormat.supportedLocalesOf(['fr-HT'])).toEqual(['fr-HT']);
  });

  it('formats numbers as in Haiti (fr-HT) and dates with Creole month names', () => {
    expect(localeFor('ht')).toBe('fr-HT');
    expect(formatNumber('ht', 12345.67, 1)).toMatch(/^12\s345,7$/u);
    expect(formatDistance('ht', 1234)).toBe('1,2 km');
    expect(formatDate('ht', '2026-11-15')).toBe('15 novanm 2026');
    expect(formatDate('ht', '2024-07-01')).toBe('1 jiyè 2024');
    expect(formatDate('ht', 'pa yon dat')).toBe('pa yon dat');
  });

  it('is a language the switch offers and the preferences keep', () => {
    expect(LANGUAGES).toContain('ht');
    expect(isLanguage('ht')).toBe(true);
    expect(storedLanguage({ getItem: () => 'ht' })).toBe('ht');
  });
});
