/**
 * The demo's three DTM rounds (scripts/demo/rounds.ts): the committed CSV files
 * equal what the generator makes from the committed demo sites, they go
 * through the real import with their date read from the file, and compared
 * they show openings, closures, growth and a few moved and renamed sites.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoRounds, demoRoundCsv, ROUNDS_DIRECTORY } from '../../scripts/demo/rounds';
import type { SiteCollection } from '../../src/domain/types';
import { mapFields } from '../../src/io/field-mapping';
import { createImportSessions } from '../../src/io/import-pipeline';
import { readAnyFile } from '../../src/io/read-any-file';
import { roundColumns } from '../../src/rounds/round-columns';
import { roundLabelFromFileName, roundOfImport } from '../../src/rounds/round-info';
import { compareRounds } from '../../workers/analysis/round-comparison';

const DATA = join(import.meta.dirname, '..', '..', 'data');
const sites = JSON.parse(readFileSync(join(DATA, 'sites.geojson'), 'utf8')) as SiteCollection & {
  metadata: { asOf: string; seed: number };
};
const rounds = buildDemoRounds(sites, sites.metadata.asOf, sites.metadata.seed);

/** A committed round file through the import as a user takes it (guessed role, guessed mapping). */
async function imported(fileName: string) {
  const bytes = readFileSync(join(DATA, ROUNDS_DIRECTORY, fileName));
  const sessions = createImportSessions((name, data) => readAnyFile(name, data));
  const summary = await sessions.read(fileName, new Uint8Array(bytes));
  if (!summary.ok) throw new Error(`${fileName}: ${summary.problems[0]?.code}`);
  const choice = { role: summary.guessedRole, mapping: mapFields(summary.guessedRole, summary.columns) };
  const review = sessions.review(summary.sessionId, { ...choice, repairs: [], defaults: {} });
  const built = sessions.build(summary.sessionId, { ...choice, repairs: [], defaults: {} });
  return { role: summary.guessedRole, review, features: built.collection.features };
}

describe('demo rounds', () => {
  it('are committed as the generator makes them (run `npm run generate:data` after changing it)', () => {
    expect(rounds.map((round) => [round.label, round.asOf])).toEqual([
      ['Round 22', '2026-05-15'],
      ['Round 23', '2026-08-15'],
      ['Round 24', '2026-11-15'],
    ]);
    for (const round of rounds)
      expect(readFileSync(join(DATA, ROUNDS_DIRECTORY, round.fileName), 'utf8'), round.fileName).toBe(
        demoRoundCsv(round),
      );
  });

  it('import as sites with their round read from the file, and each compared with the next shows openings, closures, moves and renames', async () => {
    const files = await Promise.all(rounds.map((round) => imported(round.fileName)));
    expect(files).toHaveLength(3);
    files.forEach((file, index) => {
      const round = rounds[index];
      expect(file.role).toBe('sites');
      expect(file.review.errorCount).toBe(0);
      expect(file.features).toHaveLength(round?.sites.length ?? -1);
      const name = round?.fileName ?? '';
      const dates = file.features.map((feature) => feature.properties?.lastAssessment);
      expect(roundOfImport({ asOf: '', label: roundLabelFromFileName(name) }, dates, name)).toEqual({
        asOf: round?.asOf,
        label: round?.label,
      });
    });
    for (const [earlier, later] of [
      [files[0], files[1]],
      [files[1], files[2]],
    ] as const) {
      if (!earlier || !later) throw new Error('three rounds expected');
      const comparison = compareRounds(roundColumns(earlier.features), roundColumns(later.features));
      const share = (count: number) => count / later.features.length;
      expect(share(comparison.opened.length)).toBeGreaterThan(0.03);
      expect(share(comparison.opened.length)).toBeLessThan(0.15);
      expect(comparison.closed.length).toBe(Math.round(later.features.length * 0.05));
      expect(comparison.moved.length).toBeGreaterThanOrEqual(3);
      expect(comparison.renamed.length).toBeGreaterThanOrEqual(2);
      expect(comparison.totals.peopleUnknown).toBe(0);
      // Plausible: the people in sites change by tens of percent over a quarter, not by multiples.
      const ratio = comparison.totals.peopleAfter / comparison.totals.peopleBefore;
      expect(ratio).toBeGreaterThan(0.8);
      expect(ratio).toBeLessThan(1.3);
    }
    // Round 22's closed sites have ids of their own (B…), apart from round 23's (C…).
    const ids = files.flatMap((file) => file.features.map((feature) => String(feature.properties?.id)));
    expect(ids.filter((id) => id.startsWith('HTI-SITE-B'))).toHaveLength(19);
  });
});
