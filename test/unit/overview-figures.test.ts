import { describe, expect, it } from 'vitest';
import { overviewFigures } from '../../src/analysis/overview-figures';
import { translator } from '../../src/i18n/translate';
import { smallDatasets } from '../fixtures/small-datasets';

describe('overviewFigures', () => {
  it('totals the sites on the map and counts them by type, omitting absent types', () => {
    const figures = overviewFigures(smallDatasets(), translator('en'));
    const byLabel = Object.fromEntries(figures.map((figure) => [figure.label, figure.value]));
    expect(byLabel['Displacement sites']).toBe(3);
    expect(byLabel['Displaced people']).toBe(540 + 2000 + 540);
    expect(byLabel.Households).toBe(360);
    expect(byLabel['Spontaneous site']).toBe(1);
    expect(byLabel['Collective centre']).toBe(1);
    expect(byLabel['Planned camp']).toBe(1);
    expect('Transit centre' in byLabel).toBe(false);
  });
});
