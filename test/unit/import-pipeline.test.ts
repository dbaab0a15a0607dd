import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mapFields } from '../../src/io/field-mapping';
import { applyDisplayDefaults } from '../../src/io/import-display-defaults';
import { createImportSessions, type ImportChoice } from '../../src/io/import-pipeline';
import { readAnyFile } from '../../src/io/read-any-file';
import { acceptingDefaults } from '../fixtures/io/accept-defaults';
import { loadFixture } from '../fixtures/io/load-fixture';

async function open(name: string) {
  const sessions = createImportSessions((fileName, bytes) => readAnyFile(fileName, bytes));
  const summary = await sessions.read(name, loadFixture(name));
  if (!summary.ok) throw new Error(`${name} unreadable`);
  const choice = (repairs: ImportChoice['repairs'] = []): ImportChoice =>
    acceptingDefaults(sessions, summary.sessionId, {
      role: summary.guessedRole,
      mapping: mapFields(summary.guessedRole, summary.columns),
      repairs,
    });
  return { sessions, summary, choice };
}

describe('import sessions', () => {
  it('reads an HXL site list, guesses sites and builds model features', async () => {
    const { sessions, summary, choice } = await open('dtm-sites-hxl.csv');
    expect(summary.guessedRole).toBe('sites');
    expect(summary.columns.find((column) => column.name === 'Individuals')?.hxlTag).toBe(
      '#affected+idps+ind',
    );
    const review = sessions.review(summary.sessionId, choice());
    expect(review).toMatchObject({ featureCount: 3, validCount: 3, errorCount: 0, skippedCount: 0 });
    const built = sessions.build(summary.sessionId, choice());
    expect(built.collection.features.map((feature) => feature.properties?.id)).toEqual([
      'FIC-001',
      'FIC-002',
      'FIC-003',
    ]);
    expect(built.collection.features[1]?.properties).toMatchObject({
      individuals: 1950,
      siteType: 'spontaneous_site',
    });
  });

  it('reports skipped rows and located warnings for a broken CSV', async () => {
    const { sessions, summary, choice } = await open('broken-bad-numbers.csv');
    const review = sessions.review(summary.sessionId, choice());
    expect(review.skippedCount).toBe(2);
    // FIC-302 has −7 people: an error now, so it is left out rather than kept with a warning.
    expect(review.validCount).toBe(2);
    expect(review.problems.find((problem) => problem.value === 'dix-huit')).toMatchObject({ row: 4 });
    expect(review.problems.find((problem) => problem.value === '12O')).toMatchObject({
      row: 2,
      code: 'number-unparseable',
    });
  });

  it('offers the swap repair from the unrepaired file and applies it when accepted', async () => {
    const { sessions, summary, choice } = await open('broken-swapped-coordinates.csv');
    expect(sessions.review(summary.sessionId, choice())).toMatchObject({
      validCount: 1,
      repairOffers: [{ kind: 'swap-coordinates', count: 1 }],
    });
    const repaired = sessions.review(summary.sessionId, choice(['swap-coordinates']));
    expect(repaired).toMatchObject({ validCount: 2, repairOffers: [{ kind: 'swap-coordinates', count: 1 }] });
    const built = sessions.build(summary.sessionId, choice(['swap-coordinates']));
    expect(built.collection.features[1]?.geometry).toEqual({ type: 'Point', coordinates: [-72.31, 18.55] });
  });

  it('returns located problems for an unreadable file and forgets released sessions', async () => {
    const sessions = createImportSessions((fileName, bytes) => readAnyFile(fileName, bytes));
    const failed = await sessions.read('broken-not-json.geojson', loadFixture('broken-not-json.geojson'));
    expect(failed.ok).toBe(false);
    expect(failed.problems[0]).toMatchObject({ code: 'invalid-json', line: expect.any(Number) });
    const { sessions: other, summary, choice } = await open('hostile-names.geojson');
    other.release(summary.sessionId);
    expect(() => other.review(summary.sessionId, choice())).toThrow(/unknown/);
  });
});

describe('display defaults', () => {
  it('fills only the display classes the user accepted, never people or ids, and counts them', () => {
    const input: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature' as const,
          geometry: { type: 'Point', coordinates: [-72.3, 18.5] },
          properties: { name: 'a' },
        },
        {
          type: 'Feature' as const,
          geometry: { type: 'Point', coordinates: [-72.3, 18.5] },
          properties: { id: 'x', siteType: 'planned_camp', individuals: 4, households: 1 },
        },
      ],
    };
    const copy = structuredClone(input);
    const asked = applyDisplayDefaults(input, 'sites');
    expect(asked.unresolved).toEqual([{ field: 'siteType', count: 1, suggested: 'spontaneous_site' }]);
    expect(asked.collection.features[0]?.properties).toEqual({ name: 'a' });
    const { collection, defaulted } = applyDisplayDefaults(input, 'sites', { siteType: 'collective_centre' });
    expect(input).toEqual(copy);
    expect(collection.features[0]?.properties).toEqual({ name: 'a', siteType: 'collective_centre' });
    expect(collection.features[1]?.properties).toMatchObject({ id: 'x', siteType: 'planned_camp' });
    expect(defaulted).toEqual([{ field: 'siteType', value: 'collective_centre', count: 1 }]);
  });
});
