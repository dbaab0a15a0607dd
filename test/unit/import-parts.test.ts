import { describe, expect, it } from 'vitest';
import { PART_SIZE } from '../../src/io/dataset-schema';
import { mapFields } from '../../src/io/field-mapping';
import { createImportSessions } from '../../src/io/import-pipeline';
import { readAnyFile } from '../../src/io/read-any-file';
import { createBuiltParts } from '../../workers/import-parts';

function siteCsv(count: number): Uint8Array {
  const rows = ['site_id,site_name,site_type,latitude,longitude,households,individuals'];
  for (let index = 0; index < count; index += 1)
    rows.push(
      `S-${index},Site fictif ${index},spontaneous_site,${18.5 + (index % 100) / 1000},-72.3,${index % 50},${index % 200}`,
    );
  return new TextEncoder().encode(rows.join('\n'));
}

describe('a built collection crossing to the page in parts', () => {
  it('gives the same collection as the one-message build, part by part, then lets it go', async () => {
    const sessions = createImportSessions((fileName, bytes) => readAnyFile(fileName, bytes));
    const parts = createBuiltParts(sessions);
    const count = PART_SIZE * 2 + 3;
    const summary = await sessions.read('sites.csv', siteCsv(count));
    if (!summary.ok) throw new Error('unreadable');
    const choice = { role: 'sites' as const, mapping: mapFields('sites', summary.columns), repairs: [] };
    const whole = sessions.build(summary.sessionId, choice);

    const head = parts.buildInParts(summary.sessionId, choice);
    expect([head.featureCount, head.partCount, head.head.features]).toEqual([count, 3, []]);
    expect(head.defaulted).toEqual(whole.defaulted);
    const features = [0, 1, 2].flatMap((index) => parts.builtPart(summary.sessionId, index));
    expect({ ...head.head, features }).toEqual(whole.collection);
    // The last part released the build: nothing large stays in the worker.
    expect(() => parts.builtPart(summary.sessionId, 0)).toThrow(/no build/);
    parts.release(summary.sessionId);
    expect(() => sessions.build(summary.sessionId, choice)).toThrow(/unknown or released/);
  });
});
