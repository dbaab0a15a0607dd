import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate';
import { describeFeature } from '../../src/symbology/feature-description';
import { site, smallDatasets } from '../fixtures/small-datasets';

describe('describeFeature', () => {
  it('describes a site with translated type, needs and space per person', () => {
    const description = describeFeature('sites', site('S1'), 'fr', translator('fr'));
    expect(description.title).toBe('Site S1');
    expect(description.kind).toBe('Site spontané');
    const fields = Object.fromEntries(description.fields.map((field) => [field.label, field.value]));
    expect(fields['Besoins — abris']).toBe('4 — extrême');
    expect(fields['Espace par personne']).toBe('15 m² par personne');
    expect(fields.Commune).toBe('Port-au-Prince (HT0111)');
    expect(description.sensitive).toBe(false);
  });

  it('keeps hostile names as the exact text they are (rendered with textContent)', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const description = describeFeature('sites', site('S9', { name: hostile }), 'en', translator('en'));
    expect(description.title).toBe(hostile);
  });

  it('marks gang-control features as sensitive', () => {
    const control = smallDatasets().control.features[0];
    if (!control) throw new Error('fixture');
    const description = describeFeature('control', control, 'en', translator('en'));
    expect(description.sensitive).toBe(true);
    expect(description.kind).toBe('Contested');
    expect(description.fields.map((field) => field.value)).toContain('SENSITIVE — internal use');
  });

  it('shows unknown enum values from imported data as they are', () => {
    const odd = site('S5', { siteType: 'host_family' as never });
    expect(describeFeature('sites', odd, 'fr', translator('fr')).kind).toBe('host_family');
  });

  it('describes services and admin areas', () => {
    const { services, admin } = smallDatasets();
    const water = services.features[0];
    const commune = admin.features[1];
    if (!water || !commune) throw new Error('fixture');
    const waterFields = describeFeature('services', water, 'en', translator('en')).fields.map(
      (field) => field.value,
    );
    expect(waterFields).toContain('Tap stand');
    expect(waterFields).toContain('8,000 L per day');
    const communeFields = describeFeature('admin', commune, 'fr', translator('fr')).fields.map(
      (field) => field.value,
    );
    expect(communeFields).toEqual(['HT0111', 'Commune', 'Ouest (HT01)', 'approximative (générée)']);
  });
});
