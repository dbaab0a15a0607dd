/**
 * The house rule that keeps the engine pure: `workers/analysis/` and the
 * worker session (`workers/session/`) import nothing from `src/` but the
 * domain types and vocabularies (`src/domain/`) — no storage, no IndexedDB,
 * no main-thread code. The IndexedDB cache adapter lives beside the worker
 * entry instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const IMPORT = /(?:import|export)\s[^;]*?from\s+'([^']+)'/g;

function importsOf(folder: string): { file: string; specifier: string }[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) => {
      const text = readFileSync(`${folder}/${name}`, 'utf8');
      return [...text.matchAll(IMPORT)].map((match) => ({ file: `${folder}/${name}`, specifier: match[1]! }));
    });
}

describe('engine imports', () => {
  it('workers/analysis and workers/session import nothing from src/ but src/domain', () => {
    const imports = [...importsOf('workers/analysis'), ...importsOf('workers/session')];
    expect(imports.length).toBeGreaterThan(20);
    const offending = imports.filter(
      ({ specifier }) => specifier.includes('/src/') && !/\/src\/domain\//.test(specifier),
    );
    expect(offending).toEqual([]);
  });
});
