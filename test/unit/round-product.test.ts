/**
 * A map product names the rounds it shows (issue 17): with a comparison,
 * "Évolution du Round 23 (date) au Round 24 (date)" in the product's language with its
 * dates written that language's way, in the display list under the
 * subtitle; with one dated round of sites shown, that round and its date.
 */
import { describe, expect, it } from 'vitest';
import { formatDate, type Language } from '../../src/i18n/translate';
import { defaultTexts, snapshotContent } from '../../src/map/snapshot-content';
import { composeProduct, type Measure } from '../../src/map/snapshot-product';
import { roundsLine } from '../../src/map/snapshot-rounds';
import { type AppState, initialAppState } from '../../src/state/app-state';
import { EMPTY_SITE_FILTER } from '../../src/state/site-filter';
import { smallDatasets } from '../fixtures/small-datasets';
import { fixtureRoundChanges, ROUND_24 } from '../fixtures/two-rounds';

const rounds = fixtureRoundChanges();
const measure: Measure = (text, style) => text.length * style.size * 0.56;

/** Every text the product draws, in order. */
function printed(state: AppState): string[] {
  const content = snapshotContent(state, defaultTexts(state, 'Delmas'), new Date(2026, 11, 2));
  const product = composeProduct(
    content,
    { paper: 'A4', orientation: 'landscape' },
    { width: 1000, height: 640 },
    { latitude: 18.55, longitude: -72.3, zoom: 11.3 },
    measure,
  );
  return product.operations.flatMap((operation) => (operation.kind === 'text' ? [operation.text] : []));
}

const comparing = (language: Language): AppState => ({
  ...initialAppState(language),
  datasets: smallDatasets(),
  roundChange: { marks: [], sites: rounds },
});

describe('products naming their rounds', () => {
  it('say both rounds with their dates in the product’s language, in words the PDF font has', () => {
    expect(roundsLine(rounds, undefined, 'fr')).toBe(
      'Évolution du Round 23 (15 août 2026) au Round 24 (15 nov. 2026)',
    );
    expect(roundsLine(rounds, undefined, 'en')).toBe(
      'Change from Round 23 (15 Aug 2026) to Round 24 (15 Nov 2026)',
    );
    expect(roundsLine(rounds, undefined, 'ht')).toBe(
      `Chanjman soti Round 23 (${formatDate('ht', '2026-08-15')}) rive Round 24 (${formatDate('ht', '2026-11-15')})`,
    );
    expect(roundsLine(null, undefined, 'fr')).toBeNull();
  });

  it('print the comparison under the subtitle, before the site filter, in the display list', () => {
    const lines = printed({
      ...comparing('fr'),
      siteFilter: { ...EMPTY_SITE_FILTER, peopleChange: { direction: 'grew', percent: 20 } },
    }).join('\n');
    expect(lines).toContain('15 août 2026');
    expect(lines).toContain('15 nov. 2026');
    expect(lines).toMatch(
      /Évolution du Round 23 \(15 août 2026\) au Round 24 \(15 nov\. 2026\) · Filtre actif : .*20/,
    );
    expect(printed(comparing('en')).join('\n')).toContain(
      'Change from Round 23 (15 Aug 2026) to Round 24 (15 Nov 2026)',
    );
  });

  it('name the one dated round shown when nothing is compared', () => {
    const datasets = smallDatasets();
    const metadata = { synthetic: true, description: '', source: '', asOf: ROUND_24.asOf, round: ROUND_24 };
    const state: AppState = {
      ...initialAppState('fr'),
      datasets: { ...datasets, sites: { ...datasets.sites, metadata } },
    };
    expect(printed(state).join('\n')).toContain('Round 24 (15 nov. 2026)');
    expect(
      printed({ ...state, layers: { ...state.layers, sites: { ...state.layers.sites, visible: false } } }),
    ).not.toContain('Round 24 (15 nov. 2026)');
  });
});
